// The course path in the book (sphinxext/progress_html.py writes its HTML): the status
// tags of the task lists and the landing page's way in, from the answers stored in this
// browser, with the rule of progress.js. It only reads: nothing here writes storage.
// Everything it changes has its place already (the tags hidden until now), so nothing
// moves. Another tab saving, or coming Back to the page, shows the new state.

// The current answer sets of an exercise as stored, read leniently: the state only looks
// at which answers are there (store.js, on the exercise's page, checks them).
function storedEntries(exerciseId) {
  try {
    const data = JSON.parse(window.localStorage.getItem(STORE + exerciseId) || "null");
    return data && Array.isArray(data.entries) ? data.entries : [];
  } catch {
    return [];
  }
}

function courseStates(course, canStore) {
  const states = {};
  for (const [id, exercise] of Object.entries(course.exercises))
    states[id] = exerciseState(exercise.spec, canStore ? storedEntries(id) : []);
  return states;
}

function stateText(state) {
  if (state === "done") return tr("progress.state.done");
  if (state === "half") return tr("progress.state.half");
  return tr("progress.state.open");
}

// Why it is half done (progress.py: reason_text).
function hintText(result, spec) {
  if (result.reason === "missing") return tr("progress.reason.missing");
  if (result.reason === "fewer") return tr("progress.reason.fewer", { n: result.started, minimum: spec.minimum });
  if (result.reason === "waiting") return tr("progress.reason.waiting");
  return "";
}

// progress.py: day_text.
function dayText(day) {
  return day.state === "half" ? tr("progress.day_count", { done: day.done, total: day.total }) : stateText(day.state);
}

function setTag(row, state, text) {
  const tag = row.querySelector(".tl-tag");
  if (tag.textContent !== text) tag.textContent = text;
  tag.setAttribute("data-state", state);
}

function showTasks(el, course, states) {
  for (const row of el.querySelectorAll(".tl-task[data-task-exercise]")) {
    const id = row.getAttribute("data-task-exercise");
    if (!states[id]) continue;
    setTag(row, states[id].state, stateText(states[id].state));
    row.querySelector(".tl-task-hint").textContent = hintText(states[id], course.exercises[id].spec);
  }
  for (const row of el.querySelectorAll("[data-task-day]")) {
    const day = course.days.find((d) => d.id === row.getAttribute("data-task-day"));
    if (!day) continue;
    const result = dayState(day.exercises.map((i) => states[i]));
    setTag(row, result.state, dayText(result));
  }
  for (const dot of el.querySelectorAll(".tl-dot[data-task-exercise]")) {
    const result = states[dot.getAttribute("data-task-exercise")];
    if (result) dot.setAttribute("data-state", result.state);
  }
}

// "Begin met dag 1", or "Ga verder waar je was" to where progress.js says.
function showPath(el, course, states) {
  const links = JSON.parse(el.getAttribute("data-links") || "{}");
  const target = resumeTarget(course.days, states);
  const dayOf = (id) => course.days.find((d) => d.id === id || d.exercises.includes(id));
  const first = course.days[0];
  let text = tr("progress.path.start", { number: first.number });
  let next = tr("progress.path.next", { title: first.title });
  let href = links.days[first.id];
  if (target.kind === "day") {
    text = tr("progress.path.resume");
    next = tr("progress.path.next", { title: dayOf(target.id).title });
    href = links.days[target.id];
  } else if (target.kind === "exercise") {
    const day = dayOf(target.id);
    text = tr("progress.path.resume");
    next = tr("progress.path.next_exercise", { title: course.exercises[target.id].title, number: day.number });
    href = links.exercises[target.id] || links.days[day.id];
  } else if (target.kind === "finished") {
    text = tr("progress.path.finished");
    next = tr("progress.path.all_done");
    href = links.progress || href;
  }
  const button = el.querySelector(".tl-start");
  if (href) button.setAttribute("href", href);
  button.setAttribute("data-kind", target.kind);
  el.querySelector(".tl-start-text").textContent = text;
  el.querySelector(".tl-start-next").textContent = next;
}

// Every course-path widget on the page; the first one brings the course.
function startTasks(canStore) {
  const widgets = [...document.querySelectorAll(".tl-progress")];
  const source = widgets.find((el) => el.hasAttribute("data-course"));
  if (!source) return;
  const course = JSON.parse(source.getAttribute("data-course"));
  const show = () => {
    const states = courseStates(course, canStore);
    for (const el of widgets) {
      showTasks(el, course, states);
      if (el.classList.contains("toelaten-cursuspad")) showPath(el, course, states);
      el.setAttribute("data-ready", "");
    }
  };
  show();
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(STORE)) show();
  });
  // Back to this page from the browser's memory: the answers may have changed meanwhile.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) show();
  });
}
