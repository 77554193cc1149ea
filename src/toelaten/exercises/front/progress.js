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
  const started = (Array.isArray(entries) ? entries : [])
    .map(answersOf)
    .filter((a) => a !== null && Object.values(a).some(isFilled));
  const n = started.length;
  if (!n) return { state: "open", reason: "", started: 0 };
  const allOf = (key) => started.every((a) => spec[key].every((f) => isComplete(spec, f, own(a, f))));
  if (!allOf("now")) return { state: "half", reason: "missing", started: n };
  if (n < spec.minimum) return { state: "half", reason: "fewer", started: n };
  if (!allOf("later")) return { state: "half", reason: "waiting", started: n };
  return { state: "done", reason: "", started: n };
}

// A day from its exercises' states (progress.py: day_state).
function dayState(states) {
  const done = states.filter((s) => s.state === "done").length;
  const total = states.length;
  if (done === total) return { state: "done", done, total };
  if (states.every((s) => s.state === "open")) return { state: "open", done, total };
  return { state: "half", done, total };
}

// {kind: "start" | "day" | "exercise" | "finished", id} (progress.py: resume). `days`: in
// course order, each {id, exercises: [ids]}; `states`: by exercise id.
function resumeTarget(days, states) {
  if (days.every((d) => d.exercises.every((i) => states[i].state === "open")))
    return { kind: "start", id: days.length ? days[0].id : "" };
  for (const day of days) {
    const { state } = dayState(day.exercises.map((i) => states[i]));
    if (state === "open") return { kind: "day", id: day.id };
    if (state === "half") return { kind: "exercise", id: day.exercises.find((i) => states[i].state !== "done") };
  }
  return { kind: "finished", id: "" };
}
