// Where a learner is: each exercise open, half done or done, each day, and where "Ga
// verder waar je was" leads. The rule of exercises/progress.py (its docstring says it in
// words), judged on the spec Python makes of each definition, which the page brings. No
// DOM and no storage here; tests/js/progress.test.mjs holds it to Python's verdicts.

// Text of only these characters is no answer (progress.py: BLANK, the same set).
const BLANK = /^[ \t\n\r\f\v\u00a0\u2007\u202f\u3000\ufeff]*$/;

// An answer at all: not empty, not only spaces (progress.py: filled).
function isFilled(value) {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return !BLANK.test(value);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : null;
}

// The question answered as a whole: a roles question in every part (progress.py: complete).
function isComplete(spec, fieldId, value) {
  if (!isFilled(value)) return false;
  const parts = own(spec.parts, fieldId);
  if (parts === null) return true;
  return typeof value === "object" && !Array.isArray(value) && parts.every((p) => isFilled(own(value, p)));
}

function answersOf(entry) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  return isObject(entry) && isObject(entry.answers) ? entry.answers : null;
}

// {state: "open" | "half" | "done", reason: "" | "missing" | "fewer" | "waiting", started}
// from an exercise's current answer sets (progress.py: exercise_state).
function exerciseState(spec, entries) {
  const begun = (Array.isArray(entries) ? entries : []).filter((e) => {
    const a = answersOf(e);
    return a !== null && Object.values(a).some(isFilled);
  });
  const started = begun.map(answersOf);
  const n = started.length;
  if (!n) return { state: "open", reason: "", started: 0, updated: "" };
  // The latest save, compared as text like Python's max() of ISO times.
  const updated = begun
    .map((e) => e.updated)
    .filter((t) => typeof t === "string")
    .reduce((a, b) => (b > a ? b : a), "");
  const allOf = (key) => started.every((a) => spec[key].every((f) => isComplete(spec, f, own(a, f))));
  if (!allOf("now")) return { state: "half", reason: "missing", started: n, updated };
  if (n < spec.minimum) return { state: "half", reason: "fewer", started: n, updated };
  if (!allOf("later")) return { state: "half", reason: "waiting", started: n, updated };
  return { state: "done", reason: "", started: n, updated };
}

// A day from its exercises' states (progress.py: day_state).
function dayState(states) {
  const done = states.filter((s) => s.state === "done").length;
  const total = states.length;
  if (done === total) return { state: "done", done, total };
  if (states.every((s) => s.state === "open")) return { state: "open", done, total };
  return { state: "half", done, total };
}

// {kind: "start" | "day" | "exercise" | "finished", id} (progress.py: resume): the exercise
// saved last when it is not done, else the first not done after it (from the start again).
// `days`: in course order, each {id, exercises: [ids]}; `states`: by exercise id.
function resumeTarget(days, states) {
  const order = days.flatMap((d) => d.exercises.map((i) => [d.id, i]));
  if (order.every(([, i]) => states[i].state === "open")) return { kind: "start", id: days.length ? days[0].id : "" };
  if (order.every(([, i]) => states[i].state === "done")) return { kind: "finished", id: "" };
  let last = -1;
  order.forEach(([, i], n) => {
    if (states[i].state === "open") return;
    const stamp = states[i].updated || "";
    if (last < 0 || stamp >= (states[order[last][1]].updated || "")) last = n;
  });
  const after = [...order.slice(last), ...order.slice(0, last)];
  const [dayId, target] = after.find(([, i]) => states[i].state !== "done");
  const day = days.find((d) => d.id === dayId);
  if (day.exercises.every((i) => states[i].state === "open")) return { kind: "day", id: dayId };
  return { kind: "exercise", id: target };
}
