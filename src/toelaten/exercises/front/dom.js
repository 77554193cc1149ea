// Small DOM and answer helpers shared by every part of the front end (and by book.js).
// Learner text only ever becomes a text node: never HTML. The words (tr) are in words.js.

function h(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "rect", "text", "line", "circle", "ellipse", "path", "title"].includes(tag);
  const el = svg
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.setAttribute("class", value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function stamp() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function clockTime(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(tr("format.locale"), { hour: "2-digit", minute: "2-digit" });
}

// 20000 -> "20.000" with the catalogue's separator (strings.py: Strings.number, which the
// schemas' messages use: both must write a number alike).
function number(n) {
  const separator = tr("format.thousands");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, () => separator);
}

function longDate(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString(tr("format.locale"), { day: "numeric", month: "long", year: "numeric" });
}

function newEntry(answers = {}) {
  const id = `e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const now = stamp();
  return { id, created: now, updated: now, answers: { ...answers } };
}

function isEmpty(value) {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

function optionLabel(field, id) {
  const option = (field.options || []).find((o) => o.id === id);
  return option ? option.label : String(id);
}

function answerText(field, value) {
  if (isEmpty(value)) return "";
  if (field.kind === "scale") return tr("exercise.scale_value", { value, max: field.max });
  if (field.kind === "choice") return optionLabel(field, value);
  // Labels are often whole sentences ("… zijn."): one list, not "zijn., Ik …" (fields.py).
  if (field.kind === "multi") return value.map((v) => String(optionLabel(field, v)).replace(/\.$/, "")).join("; ");
  if (field.kind === "roles")
    return field.responses
      .filter((r) => value[r.id])
      .map((r) => `${r.id.toUpperCase()}: ${optionLabel(field, value[r.id])}`)
      .join("; ");
  return String(value);
}

function entryTitle(definition, entry) {
  const value = entry.answers[definition.entry.title_field];
  return value || tr("exercise.untitled", { name: definition.entry.name });
}
