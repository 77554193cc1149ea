// The live exercise, for every exercise definition (data/exercises/*.yml).
//
// One ES module for Jupyter (anywidget) and for the static book (book.js supplies a model
// backed by localStorage). front.py puts dom.js, form.js, overviews.js and this file
// together; none of them may `import`. Only the anywidget model API is used: get, set,
// on, off, save_changes, send. Learner text is only ever set as text, never as HTML.

// In Jupyter each save is a journal revision, so typing is saved after a pause; the book's
// model asks for every change at once (autosave_ms 0). Both flush when the page is left.
const AUTOSAVE_MS = 800;
let instances = 0;

function render({ model, el }) {
  useWords(model.get("strings")); // Jupyter; the book's script brought them already
  const definition = model.get("definition");
  const prefix = `tl${++instances}-${definition.id}`;
  const checks = definition.checks || [];
  let entries = structuredClone(model.get("entries") || []);
  let current = null; // the entry being edited; not in `entries` until it has an answer
  let adding = false; // a new entry is listed once saved: no row appears above the form mid-drag
  let timer = null;
  const delay = model.get("autosave_ms") ?? AUTOSAVE_MS;

  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const overview = h("div", { class: "tl-overview-slot" });
  const list = h("div", { class: "tl-list-slot" });
  const earlierSlot = h("div", { class: "tl-earlier-slot" });
  // autocomplete off: after Back, the browser must not refill the form with text that is
  // no longer what is stored (the next keystroke would save it over newer answers).
  const form = h("form", { class: "tl-form", novalidate: true, autocomplete: "off" });
  el.replaceChildren(
    h(
      "section",
      { class: "tl-oefening", "aria-labelledby": `${prefix}-title` },
      h("h3", { class: "tl-title", id: `${prefix}-title` }, tr("exercise.title", { title: definition.title })),
      h("p", { class: "tl-intro" }, definition.intro),
      list,
      form,
      status,
      overview, // below the form: a chart that grows must not move a slider being dragged
      earlierSlot,
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
    if (delay === 0) save();
    else timer = setTimeout(save, delay);
  }

  // Leaving, reloading or hiding the page must not lose what was just typed.
  const flush = () => {
    if (timer) save();
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", onHidden);

  // Single-set exercises keep earlier versions (after a restore); one can come back.
  function showEarlier() {
    const earlier = definition.repeat ? [] : model.get("earlier") || [];
    if (!earlier.length) return earlierSlot.replaceChildren();
    const open = Boolean(earlierSlot.querySelector("details[open]"));
    const first = definition.fields.find((f) => f.kind === "text" || f.kind === "longtext");
    earlierSlot.replaceChildren(
      h(
        "details",
        { class: "tl-earlier", open },
        h("summary", {}, tr("exercise.earlier.title", { n: earlier.length })),
        h("p", { class: "tl-help" }, tr("exercise.earlier.help")),
        h(
          "ul",
          { class: "tl-entries" },
          [...earlier].sort((a, b) => (a.updated < b.updated ? 1 : -1)).map((entry) => {
            const when = `${longDate(entry.updated)}, ${clockTime(entry.updated)}`;
            const text = first && entry.answers[first.id] ? `: ${answerText(first, entry.answers[first.id])}` : "";
            return h(
              "li",
              { class: "tl-entry" },
              h("span", { class: "tl-entry-title" }, `${tr("exercise.earlier.from", { when })}${text}`),
              h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": tr("exercise.earlier.bring_back_label", { when }), onclick: () => model.send({ type: "bring-back", id: entry.id }) }, tr("exercise.earlier.bring_back")),
            );
          }),
        ),
      ),
    );
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
    const view = overviewOf(definition, entries, model.get("related"));
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
    const shown = sorted().filter((entry) => !(adding && current && entry.id === current.id));
    const items = shown.map((entry) => {
      const title = entryTitle(definition, entry);
      return h(
        "li",
        { class: current && current.id === entry.id ? "tl-entry tl-current" : "tl-entry" },
        h("span", { class: "tl-entry-title" }, title),
        h(
          "span",
          { class: "tl-entry-actions" },
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": tr("exercise.edit_label", { title }), onclick: () => edit(entry.id) }, tr("exercise.edit")),
          h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": tr("exercise.remove_label", { title }), onclick: () => remove(entry.id) }, tr("exercise.remove")),
          (definition.actions || []).map((action) =>
            h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `${action.label}: ${title}`, onclick: () => act(action, entry) }, action.label),
          ),
        ),
      );
    });
    list.replaceChildren(
      shown.length
        ? h("ul", { class: "tl-entries", "aria-label": tr("exercise.list_label", { title: definition.title }) }, items)
        : h("p", { class: "tl-empty" }, definition.entry.empty),
      minimum && shown.length < minimum
        ? h("p", { class: "tl-help" }, tr("exercise.minimum", { n: shown.length, minimum }))
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
        h("button", { type: "submit", class: "tl-button" }, tr("exercise.save")),
        definition.repeat ? h("button", { type: "button", class: "tl-button tl-secondary", onclick: close }, tr("exercise.done")) : "",
      ),
    );
  }

  function edit(entryId) {
    if (timer) save();
    current = entryId ? structuredClone(entries.find((e) => e.id === entryId)) : newEntry();
    adding = !entryId;
    showList();
    showForm();
    const first = form.querySelector("input, textarea");
    if (first) first.focus();
  }

  function close() {
    if (timer || current) save();
    current = null;
    adding = false;
    showForm();
    showList();
    const button = list.querySelector("button.tl-button:not(.tl-secondary)");
    if (button) button.focus();
  }

  function remove(entryId) {
    const entry = entries.find((e) => e.id === entryId);
    if (!window.confirm(tr("exercise.remove_confirm", { title: entryTitle(definition, entry) }))) return;
    entries = entries.filter((e) => e.id !== entryId);
    if (current && current.id === entryId) current = null;
    save();
    showForm();
    showList();
  }

  // A field refuses text that is too long (form.js): the status must not keep saying
  // "Bewaard" about the older text.
  form.addEventListener("tl-too-long", () => {
    status.textContent = tr("exercise.status.too_long");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const invalid = form.querySelector("[aria-invalid='true']");
    if (invalid) {
      status.textContent = tr("exercise.status.too_long");
      return invalid.focus();
    }
    // An entry of a repeatable exercise is done once it is saved: the form closes, so the
    // next person is added as a new entry instead of typed over this one.
    if (definition.repeat) close();
    else save();
  });

  const onEntries = () => {
    // Someone else changed the answers (another tab, an import, the kernel): show them,
    // but never pull the form from under the learner's fingers.
    // When the entry in the form itself changed there, the form shows the new answers,
    // keeping the learner's place (focus and caret) in it.
    const fresh = model.get("entries") || [];
    if (JSON.stringify(fresh) === JSON.stringify(entries)) return;
    entries = structuredClone(fresh);
    if (current) {
      const mine = entries.find((e) => e.id === current.id);
      const before = JSON.stringify(current.answers);
      if (mine) current = structuredClone(mine);
      else if (!definition.repeat) current = structuredClone(entries[0] || newEntry());
      else if (Object.keys(current.answers).length) current = null; // removed there
      if (!current || JSON.stringify(current.answers) !== before) refillForm();
    }
    showList();
  };
  function refillForm() {
    const active = document.activeElement;
    const id = active && form.contains(active) ? active.id : null;
    const caret = id && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
    showForm();
    const again = id && form.querySelector(`[id="${CSS.escape(id)}"]`);
    if (!again) return;
    again.focus();
    if (caret && again.setSelectionRange) {
      try {
        again.setSelectionRange(...caret);
      } catch {
        /* not a text control */
      }
    }
  }
  const onStatus = () => {
    const text = model.get("status") || "";
    if (status.textContent !== text) status.textContent = text; // no re-announcing
  };
  model.on("change:entries", onEntries);
  model.on("change:earlier", showEarlier);
  model.on("change:related", showOverview);
  model.on("change:status", onStatus);

  current = definition.repeat ? (entries.length ? null : newEntry()) : structuredClone(entries[0] || newEntry());
  adding = Boolean(definition.repeat && current);
  showList();
  showForm();
  showEarlier();
  onStatus();

  return () => {
    flush();
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", onHidden);
    model.off("change:earlier", showEarlier);
    model.off("change:entries", onEntries);
    model.off("change:related", showOverview);
    model.off("change:status", onStatus);
  };
}

// The picture of an exercise's answers (overviews.js), or null: in the exercise and on
// Mijn werkboek (workbookview.js).
function overviewOf(definition, entries, related) {
  const make = definition.overview && OVERVIEWS[definition.overview.kind];
  return make ? make(definition, entries, related || {}) : null;
}

// anywidget uses `render`; the book's script (book.js) reuses the helpers.
export default { render, h, tr, useWords, number, isEmpty, answerText, entryTitle, stamp, newEntry, longDate, overview: overviewOf, OVERVIEWS };
