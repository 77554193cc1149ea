// The live exercise, for every exercise definition (data/exercises/*.yml).
//
// One ES module for Jupyter (anywidget) and for the static book (book.js supplies a model
// backed by localStorage). front.py puts dom.js, form.js, overviews.js and this file
// together; none of them may `import`. Only the anywidget model API is used: get, set,
// on, off, save_changes, send. Learner text is only ever set as text, never as HTML.

const AUTOSAVE_MS = 800;
let instances = 0;

function render({ model, el }) {
  const definition = model.get("definition");
  const prefix = `tl${++instances}-${definition.id}`;
  const checks = definition.checks || [];
  let entries = structuredClone(model.get("entries") || []);
  let current = null; // the entry being edited; not in `entries` until it has an answer
  let timer = null;

  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const overview = h("div", { class: "tl-overview-slot" });
  const list = h("div", { class: "tl-list-slot" });
  const form = h("form", { class: "tl-form", novalidate: true });
  el.replaceChildren(
    h(
      "section",
      { class: "tl-oefening", "aria-labelledby": `${prefix}-title` },
      h("h3", { class: "tl-title", id: `${prefix}-title` }, `Oefening: ${definition.title}`),
      h("p", { class: "tl-intro" }, definition.intro),
      overview,
      list,
      form,
      status,
    ),
  );

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

  function sorted() {
    const key = definition.entry.sort_by;
    if (!key) return entries;
    const value = (e) => (isEmpty(e.answers[key]) ? Infinity : e.answers[key]);
    return entries.slice().sort((a, b) => value(a) - value(b));
  }

  function showOverview() {
    const make = definition.overview && OVERVIEWS[definition.overview.kind];
    const view = make ? make(definition, entries, model.get("related") || {}) : null;
    overview.replaceChildren(...(view ? [view] : []));
  }

  function act(action, entry) {
    const answers = {};
    for (const [target, source] of Object.entries(action.copy)) {
      if (!isEmpty(entry.answers[source])) answers[target] = entry.answers[source];
    }
    model.send({ type: "add-entry", exercise: action.target, answers, done: action.done });
  }

  function showList() {
    showOverview();
    if (!definition.repeat) return;
    const minimum = definition.entry.minimum;
    const items = sorted().map((entry) => {
      const title = entryTitle(definition, entry);
      return h(
        "li",
        { class: current && current.id === entry.id ? "tl-entry tl-current" : "tl-entry" },
        h("span", { class: "tl-entry-title" }, title),
        h(
          "span",
          { class: "tl-entry-actions" },
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `Bewerken: ${title}`, onclick: () => edit(entry.id) }, "Bewerken"),
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `Verwijderen: ${title}`, onclick: () => remove(entry.id) }, "Verwijderen"),
          (definition.actions || []).map((action) =>
            h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `${action.label}: ${title}`, onclick: () => act(action, entry) }, action.label),
          ),
        ),
      );
    });
    list.replaceChildren(
      entries.length
        ? h("ul", { class: "tl-entries", "aria-label": `Jouw antwoorden: ${definition.title}` }, items)
        : h("p", { class: "tl-empty" }, definition.entry.empty),
      minimum && entries.length < minimum
        ? h("p", { class: "tl-help" }, `Je hebt er nu ${entries.length}. Probeer er minstens ${minimum} te maken.`)
        : "",
      current ? "" : h("button", { type: "button", class: "tl-button", onclick: () => edit(null) }, definition.entry.add),
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
    let section = null;
    const parts = [];
    for (const field of definition.fields) {
      if (field.section && field.section !== section) parts.push(h("h4", { class: "tl-section" }, field.section));
      section = field.section || section;
      parts.push(fieldControl(field, current.answers[field.id], key, checks, (value) => change(field.id, value)));
    }
    form.replaceChildren(
      ...parts,
      h(
        "div",
        { class: "tl-actions" },
        h("button", { type: "submit", class: "tl-button" }, "Bewaren"),
        definition.repeat ? h("button", { type: "button", class: "tl-button tl-secondary", onclick: close }, "Klaar") : "",
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
    if (!window.confirm(`‘${entryTitle(definition, entry)}’ verwijderen? Dit kun je niet ongedaan maken.`)) return;
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
  model.on("change:related", showOverview);
  model.on("change:status", onStatus);

  current = definition.repeat ? (entries.length ? null : newEntry()) : structuredClone(entries[0] || newEntry());
  showList();
  showForm();
  onStatus();

  return () => {
    if (timer) save();
    model.off("change:entries", onEntries);
    model.off("change:related", showOverview);
    model.off("change:status", onStatus);
  };
}

// anywidget uses `render`; the book's script (book.js) reuses the helpers.
export default { render, h, isEmpty, answerText, entryTitle, stamp, newEntry };
