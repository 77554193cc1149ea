// The live exercise, for every exercise definition (data/exercises/*.yml).
//
// One ES module for Jupyter (anywidget loads it) and for the static book (the build turns
// it into a classic script and book.js supplies a model backed by localStorage). It uses
// only the anywidget model API: get, set, on, off, save_changes. Learner text is put in
// the page with textContent only, never as HTML. It must stay free of `import`.

const AUTOSAVE_MS = 800;
let instances = 0;

function h(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "rect", "text", "line"].includes(tag);
  const el = svg
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.setAttribute("class", value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function stamp() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function newEntry() {
  const id = "e" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
  const now = stamp();
  return { id, created: now, updated: now, answers: {} };
}

function isEmpty(value) {
  return value === undefined || value === null || value === "";
}

function answerText(field, value) {
  if (isEmpty(value)) return "";
  if (field.kind === "scale") return `${value} van ${field.max}`;
  if (field.kind === "choice") {
    const option = (field.options || []).find((o) => o.id === value);
    return option ? option.label : String(value);
  }
  return String(value);
}

// ---- the form for one entry ----------------------------------------------------------

function fieldControl(field, value, prefix, onChange) {
  const id = `${prefix}-${field.id}`;
  const helpId = field.help ? `${id}-help` : null;
  const help = field.help ? h("p", { class: "tl-help", id: helpId }, field.help) : null;

  if (field.kind === "choice") {
    const name = `${prefix}-${field.id}`;
    return h(
      "fieldset",
      { class: "tl-field tl-choice", "aria-describedby": helpId },
      h("legend", {}, field.label),
      help,
      field.options.map((option, i) =>
        h(
          "div",
          { class: "tl-option" },
          h("input", {
            type: "radio",
            id: `${id}-${i}`,
            name,
            value: option.id,
            checked: value === option.id,
            onchange: () => onChange(option.id),
          }),
          h("label", { for: `${id}-${i}` }, option.label),
        ),
      ),
    );
  }

  if (field.kind === "scale") {
    const unset = isEmpty(value);
    const output = h("output", { for: id, class: "tl-scale-value" });
    const input = h("input", {
      type: "range",
      id,
      min: field.min,
      max: field.max,
      step: field.step,
      value: unset ? Math.round((field.min + field.max) / 2) : value,
      class: unset ? "tl-unset" : null,
      "aria-describedby": [helpId, `${id}-ends`].filter(Boolean).join(" "),
    });
    const show = () => {
      const isUnset = input.classList.contains("tl-unset");
      output.textContent = isUnset ? "nog niet gekozen" : `${input.value} van ${field.max}`;
      input.setAttribute("aria-valuetext", output.textContent);
    };
    input.addEventListener("input", () => {
      input.classList.remove("tl-unset");
      show();
      onChange(Number(input.value));
    });
    show();
    const [low, high] = field.ends || [];
    return h(
      "div",
      { class: "tl-field tl-scale" },
      h("label", { for: id }, field.label),
      help,
      h("div", { class: "tl-scale-row" }, input, output),
      h(
        "p",
        { class: "tl-scale-ends", id: `${id}-ends` },
        h("span", {}, `${field.min} = ${low}`),
        h("span", {}, `${field.max} = ${high}`),
      ),
    );
  }

  const long = field.kind === "longtext";
  const control = h(long ? "textarea" : "input", {
    id,
    type: long ? null : "text",
    rows: long ? 4 : null,
    maxlength: field.maxLength,
    "aria-describedby": helpId,
    oninput: (event) => onChange(event.target.value),
  });
  control.value = isEmpty(value) ? "" : String(value);
  return h("div", { class: "tl-field" }, h("label", { for: id }, field.label), help, control);
}

// ---- the overview: a chart drawn from the entries, with the same data as a table ------

function beforeAfter(definition, entries) {
  const spec = definition.overview;
  const fields = Object.fromEntries(definition.fields.map((f) => [f.id, f]));
  const rows = entries.filter((e) => spec.bars.some((b) => !isEmpty(e.answers[b.field])));
  if (!rows.length) return null;
  const max = fields[spec.bars[0].field].max;
  const labelWidth = 0;
  const barHeight = 16;
  const group = spec.bars.length * (barHeight + 4) + 26;
  const width = 600;
  const chartWidth = width - 60;
  const svg = h("svg", {
    class: "tl-chart",
    viewBox: `0 0 ${width} ${rows.length * group}`,
    "aria-hidden": "true",
    focusable: "false",
  });
  rows.forEach((entry, r) => {
    const y0 = r * group;
    const title = entry.answers[spec.label] || "(nog zonder zin)";
    svg.append(h("text", { x: 0, y: y0 + 14, class: "tl-chart-label" }, title));
    spec.bars.forEach((bar, b) => {
      const value = entry.answers[bar.field];
      const y = y0 + 22 + b * (barHeight + 4);
      const w = isEmpty(value) ? 0 : (chartWidth * value) / max;
      svg.append(
        h("rect", { x: labelWidth, y, width: chartWidth, height: barHeight, class: "tl-bar-track" }),
        h("rect", { x: labelWidth, y, width: w, height: barHeight, class: `tl-bar tl-bar-${b}` }),
        h(
          "text",
          { x: labelWidth + 6, y: y + 12, class: "tl-bar-text" },
          `${bar.label}: ${isEmpty(value) ? "–" : value}`,
        ),
      );
    });
  });
  const table = h(
    "table",
    { class: "tl-table" },
    h("caption", {}, spec.title),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, spec.label_title), spec.bars.map((b) => h("th", { scope: "col" }, b.label))),
    ),
    h(
      "tbody",
      {},
      rows.map((entry) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, entry.answers[spec.label] || "(nog zonder zin)"),
          spec.bars.map((b) => h("td", {}, isEmpty(entry.answers[b.field]) ? "–" : String(entry.answers[b.field]))),
        ),
      ),
    ),
  );
  return h("div", { class: "tl-overview" }, h("figure", { class: "tl-figure" }, svg), table);
}

const OVERVIEWS = { "before-after": beforeAfter };

// ---- the exercise -----------------------------------------------------------------------

function render({ model, el }) {
  const definition = model.get("definition");
  const prefix = `tl${++instances}-${definition.id}`;
  const byId = Object.fromEntries(definition.fields.map((f) => [f.id, f]));
  let entries = structuredClone(model.get("entries") || []);
  let current = null; // the entry being edited; not in `entries` until it has an answer
  let timer = null;

  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const overview = h("div", { class: "tl-overview-slot" });
  const list = h("div", { class: "tl-list-slot" });
  const form = h("form", { class: "tl-form", novalidate: true });
  const root = h(
    "section",
    { class: "tl-oefening", "aria-labelledby": `${prefix}-title` },
    h("h3", { class: "tl-title", id: `${prefix}-title` }, `Oefening: ${definition.title}`),
    h("p", { class: "tl-intro" }, definition.intro),
    overview,
    list,
    form,
    status,
  );
  el.replaceChildren(root);

  function save() {
    clearTimeout(timer);
    timer = null;
    model.set("entries", structuredClone(entries));
    model.save_changes();
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_MS);
  }

  function change(fieldId, value) {
    const answers = { ...current.answers };
    if (isEmpty(value)) delete answers[fieldId];
    else answers[fieldId] = value;
    current.answers = answers;
    current.updated = stamp();
    const at = entries.findIndex((e) => e.id === current.id);
    if (at >= 0) entries[at] = current;
    else entries.push(current);
    showList();
    later();
  }

  function entryTitle(entry) {
    const field = definition.entry.title_field;
    return entry.answers[field] || `(${definition.entry.name} nog niet ingevuld)`;
  }

  function showOverview() {
    const make = definition.overview && OVERVIEWS[definition.overview.kind];
    const view = make ? make(definition, entries) : null;
    overview.replaceChildren(...(view ? [view] : []));
  }

  function showList() {
    showOverview();
    if (!definition.repeat) return;
    const items = entries.map((entry) =>
      h(
        "li",
        { class: current && current.id === entry.id ? "tl-entry tl-current" : "tl-entry" },
        h("span", { class: "tl-entry-title" }, entryTitle(entry)),
        h(
          "span",
          { class: "tl-entry-actions" },
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `Bewerken: ${entryTitle(entry)}`, onclick: () => edit(entry.id) }, "Bewerken"),
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `Verwijderen: ${entryTitle(entry)}`, onclick: () => remove(entry.id) }, "Verwijderen"),
        ),
      ),
    );
    list.replaceChildren(
      entries.length
        ? h("ul", { class: "tl-entries", "aria-label": `Jouw antwoorden: ${definition.title}` }, items)
        : h("p", { class: "tl-empty" }, definition.entry.empty),
      current
        ? ""
        : h("button", { type: "button", class: "tl-button", onclick: () => edit(null) }, definition.entry.add),
    );
  }

  function showForm() {
    if (!current) {
      form.replaceChildren();
      form.hidden = true;
      return;
    }
    form.hidden = false;
    const key = `${prefix}-${current.id}`;
    form.replaceChildren(
      ...definition.fields.map((field) =>
        fieldControl(field, current.answers[field.id], key, (value) => change(field.id, value)),
      ),
      h(
        "div",
        { class: "tl-actions" },
        h("button", { type: "submit", class: "tl-button" }, "Bewaren"),
        definition.repeat
          ? h("button", { type: "button", class: "tl-button tl-secondary", onclick: close }, "Klaar")
          : "",
      ),
    );
  }

  function edit(entryId) {
    if (timer) save();
    current = entryId ? structuredClone(entries.find((e) => e.id === entryId)) : newEntry();
    showList();
    showForm();
    const first = form.querySelector("input, textarea");
    if (first) first.focus();
  }

  function close() {
    if (timer || current) save();
    current = null;
    showForm();
    showList();
    const button = list.querySelector("button.tl-button:not(.tl-secondary)");
    if (button) button.focus();
  }

  function remove(entryId) {
    const entry = entries.find((e) => e.id === entryId);
    if (!window.confirm(`‘${entryTitle(entry)}’ verwijderen? Dit kun je niet ongedaan maken.`)) return;
    entries = entries.filter((e) => e.id !== entryId);
    if (current && current.id === entryId) current = null;
    save();
    showForm();
    showList();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });

  const onEntries = () => {
    // Someone else changed the answers (another tab, an import, the kernel): show them,
    // but never pull the form from under the learner's fingers.
    const fresh = model.get("entries") || [];
    if (JSON.stringify(fresh) === JSON.stringify(entries)) return;
    entries = structuredClone(fresh);
    if (current) {
      const mine = entries.find((e) => e.id === current.id);
      if (mine) current = structuredClone(mine);
    }
    showList();
  };
  const onStatus = () => {
    status.textContent = model.get("status") || "";
  };
  model.on("change:entries", onEntries);
  model.on("change:status", onStatus);

  if (definition.repeat && entries.length) current = null;
  else current = entries[0] ? structuredClone(entries[0]) : newEntry();
  showList();
  showForm();
  onStatus();

  return () => {
    if (timer) save();
    model.off("change:entries", onEntries);
    model.off("change:status", onStatus);
  };
}

// anywidget uses `render`; the book's script (book.js) reuses the two helpers.
export default { render, h, answerText };
