// What Mijn werkboek shows and prints (workbook.js keeps it up to date): a cover with the
// learner's name and the dates of the first and last answer (printed only), the days as
// chapters in the course's order, and per exercise its chart (overviews.js, through
// ui.overview) and its answers. A date is said once per exercise, or with each answer
// where the answers of one exercise were given on different days.

// The learner's name for the cover: on this device only, like the answers, and in the
// downloaded answers file. Not under STORE: it is no exercise's answers.
const NAME = "toelaten:naam";

function readName() {
  try {
    return window.localStorage.getItem(NAME) || "";
  } catch {
    return "";
  }
}

// Throws when storage is full or blocked; an empty name is no name.
function writeName(name) {
  if (name.trim()) window.localStorage.setItem(NAME, name);
  else window.localStorage.removeItem(NAME);
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// "2 november 2026 tot 12 november 2026": from the first answer to the last one.
function dateSpan(bodies) {
  const stamps = bodies
    .flatMap((body) => [...body.entries, ...body.earlier])
    .flatMap((entry) => [entry.created, entry.updated])
    .filter((stamp) => ui.longDate(stamp))
    .sort(byText);
  if (!stamps.length) return "";
  const first = ui.longDate(stamps[0]);
  const last = ui.longDate(stamps.at(-1));
  return first === last ? tr("workbook.cover.one_day", { date: first }) : tr("workbook.cover.dates", { first, last });
}

function cover(course, name, span) {
  return h(
    "div",
    { class: "tl-workbook-cover" },
    course ? h("p", { class: "tl-cover-course" }, course) : "",
    h("p", { class: "tl-cover-title" }, tr("workbook.cover.title")),
    name ? h("p", { class: "tl-cover-name" }, name) : "",
    span ? h("p", { class: "tl-cover-dates" }, span) : "",
  );
}

// An answer set: its heading (a repeat's title answer, which is then not said twice),
// its date where the exercise's answers differ in date, and every answer, under the
// parts of the exercise (a field's `section`) they belong to.
function entryView(definition, entry, heading, date) {
  const shown = (f) => entry.answers[f.id] !== undefined && !(heading && f.id === definition.entry.title_field && heading === entry.answers[f.id]);
  const parts = [];
  let section = null;
  for (const field of definition.fields) {
    if (field.section && field.section !== section) parts.push({ section: field.section, fields: [] });
    else if (!parts.length) parts.push({ section: "", fields: [] });
    section = field.section || section;
    if (shown(field)) parts.at(-1).fields.push(field);
  }
  // A label that asks ("Aan wie?") needs no colon before its answer when they run on.
  const asks = (label) => /[?:]\s*$/.test(label);
  const qa = (f) => h("div", { class: "tl-qa" }, h("dt", { class: asks(f.label) ? "tl-asks" : "" }, f.label), h("dd", {}, ui.answerText(f, entry.answers[f.id])));
  return h(
    "article",
    { class: "tl-workbook-entry" },
    heading ? h("h4", {}, heading) : "",
    date ? h("p", { class: "tl-workbook-date" }, tr("workbook.filled_in", { date })) : "",
    parts
      .filter((part) => part.fields.length)
      .map((part) => [part.section ? h("p", { class: "tl-workbook-part" }, part.section) : "", h("dl", {}, part.fields.map(qa))]),
  );
}

// Short answers only (no longer texts): on paper each answer set is one paragraph.
const SHORT = ["text", "choice", "multi", "scale"];

// One exercise: its title, when, its chart, its answers, earlier versions and what could
// not be read (`asideViews`, from workbook.js, which can download them).
function exerciseView(definition, body, related, asideViews) {
  const days = [...new Set(body.entries.map((e) => ui.longDate(e.updated)))];
  const once = days.length === 1;
  const chart = body.entries.length ? ui.overview(definition, body.entries, related) : null;
  const compact = definition.repeat && definition.fields.every((f) => SHORT.includes(f.kind));
  return h(
    "section",
    { class: compact ? "tl-workbook-exercise tl-compact" : "tl-workbook-exercise" },
    h("h3", {}, definition.title),
    once ? h("p", { class: "tl-workbook-date" }, tr("workbook.filled_in", { date: days[0] })) : "",
    chart ? h("div", { class: "tl-workbook-chart" }, chart) : "",
    body.entries.map((entry) =>
      entryView(definition, entry, definition.repeat ? ui.entryTitle(definition, entry) : "", once ? "" : ui.longDate(entry.updated)),
    ),
    body.earlier.map((entry) => entryView(definition, entry, tr("workbook.earlier", { date: ui.longDate(entry.updated) }), "")),
    asideViews,
  );
}

// The days in the course's order, each with the exercises that have answers (`answers`:
// id -> {entries, earlier, aside}); `days` comes from the page: [{id, title, exercises}].
function chapters(days, definitions, answers, asideViews) {
  const related = (definition) =>
    Object.fromEntries((definition.related || []).map((id) => [id, answers[id]?.entries || []]));
  const placed = new Set(days.flatMap((day) => day.exercises));
  // An exercise of no day listed (an edition that moved it): in a chapter of its own day id.
  const others = Object.keys(answers).filter((id) => !placed.has(id));
  const all = [...days, ...[...new Set(others.map((id) => definitions[id].day))].map((id) => ({ id, title: id, exercises: others.filter((o) => definitions[o].day === id) }))];
  return all
    .map((day) => [day, day.exercises.filter((id) => answers[id])])
    .filter(([, ids]) => ids.length)
    .map(([day, ids]) =>
      h(
        "section",
        { class: "tl-workbook-day" },
        h("h2", {}, day.title),
        ids.map((id) => exerciseView(definitions[id], answers[id], related(definitions[id]), asideViews(id, answers[id].aside))),
      ),
    );
}
