// The live exercise, for every exercise definition (data/exercises/*.yml).
//
// One ES module for Jupyter (anywidget) and for the static book (book.js supplies a model
// backed by localStorage). front.py puts the parts (front.PARTS) and this file together;
// none of them may `import`. Only the anywidget model API is used: get, set,
// on, off, save_changes, send. Learner text is only ever set as text, never as HTML.

// A chart is drawn again once the typing pauses this long, not at every keystroke; after a
// slider or a choice at once, unless drawing it took longer than QUICK_MS (a frame's half).
const DRAW_MS = 400;
const QUICK_MS = 8;
let instances = 0;

function render({ model, el }) {
  useWords(model.get("strings")); // Jupyter; the book's script brought them already
  const definition = model.get("definition");
  const prefix = `tl${++instances}-${definition.id}`;
  const checks = definition.checks || [];
  // Never changed in place: a change makes a new entry and a new list, so the model can keep
  // what it was given (no copy at every keystroke) and the list can tell what changed.
  let entries = model.get("entries") || [];
  let current = null; // the entry being edited; not in `entries` until it has an answer
  let opened = null; // that entry as it was when its form opened (Annuleren puts it back)
  let adding = false; // a new entry is listed once saved: no row appears above the form mid-drag
  let drawTimer = null;
  let drawMs = 0; // how long the chart took to draw last time

  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const lookBackSlot = h("div", { class: "tl-look-back-slot" });
  const overview = h("div", { class: "tl-overview-slot" });
  const offer = h("div", { class: "tl-take-over-slot", hidden: true });
  let acted = null; // the entry whose action waits for what it did: {id, action}
  const actOn = (action, entry) => {
    acted = { id: entry.id, action };
    act(model, action, entry); // the book answers at once (onStatus), Jupyter a moment later
  };
  const list = definition.repeat ? entryList(definition, { edit, remove, act: actOn, add: () => edit(null) }) : null;
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
      definition.help_link ? helpLine(definition.help_link.title, model.get("help_link")) : "",
      lookBackSlot,
      offer,
      list ? list.el : "",
      form,
      status,
      // Below the form: a chart that appears or grows while a slider is dragged must not
      // move the slider under the finger.
      overview,
      earlierSlot,
    ),
  );

  // Saved as it is typed (autosave.js), flushed when the page is left.
  const saver = autosaver(model, () => entries);
  const save = saver.save;

  // Single-set exercises keep earlier versions (after a restore); one can come back.
  function showEarlier() {
    const earlier = definition.repeat ? [] : model.get("earlier") || [];
    earlierSlot.replaceChildren(...(earlier.length ? [earlierVersions(definition, earlier, earlierSlot, model)] : []));
  }

  function change(fieldId, value) {
    const answers = { ...current.answers };
    if (isEmpty(value)) delete answers[fieldId];
    else answers[fieldId] = value;
    current = { ...current, answers, updated: stamp() };
    const at = entries.findIndex((e) => e.id === current.id);
    entries = entries.slice();
    if (at >= 0) entries[at] = current;
    else entries.push(current);
    if (list) showList();
    if (at < 0) showOffer();
    saver.later();
    // A choice among this field's ticked options offers what is ticked now.
    if (definition.fields.some((f) => f.optionsFrom === fieldId)) redrawKeepingPlace(form, showForm);
    // The chart waits for a pause in the typing: a keystroke must stay quick. A slider or
    // a choice shows in it at once, while drawing it is quick too.
    if (definition.overview) {
      clearTimeout(drawTimer);
      const typed = ["text", "longtext"].includes(definition.fields.find((f) => f.id === fieldId).kind);
      drawTimer = setTimeout(showOverview, typed || drawMs > QUICK_MS ? DRAW_MS : 0);
    }
  }

  function showOverview() {
    clearTimeout(drawTimer);
    drawTimer = null;
    const start = performance.now();
    const view = overviewOf(definition, entries, model.get("related"));
    if (!view || !overview.firstChild?.isEqualNode(view)) overview.replaceChildren(...(view ? [view] : []));
    drawMs = performance.now() - start; // a field the chart does not show changes nothing
  }

  // Day 5's map, while it is empty: start from day 1's with one click.
  function showOffer() {
    const spec = definition.take_over;
    if (!spec) return;
    const before = model.get("related")?.[spec.from] || [];
    const wanted = entries.length === 0 && takeOver(definition, before).length > 0;
    if (wanted === !offer.hidden) return;
    offer.hidden = !wanted;
    offer.replaceChildren(...(wanted ? [takeOverOffer(spec, takeOverNow)] : []));
  }

  function takeOverNow() {
    const spec = definition.take_over;
    if (entries.length) return showOffer(); // begun meanwhile (another tab)
    entries = takeOver(definition, model.get("related")?.[spec.from] || []);
    current = opened = null;
    adding = false;
    save();
    showAll();
    const first = list.el.querySelector(".tl-entry button");
    if (first) first.focus();
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
      parts.push(fieldControl(field, current.answers[field.id], key, checks, (value) => change(field.id, value), current.answers));
    }
    form.replaceChildren(
      ...parts,
      h(
        "div",
        { class: "tl-actions" },
        h("button", { type: "submit", class: "tl-button" }, tr("exercise.save")),
        definition.repeat ? h("button", { type: "button", class: "tl-button tl-secondary", onclick: cancel }, tr("exercise.cancel")) : "",
      ),
    );
  }

  function showList() {
    list.show(entries, current ? current.id : null, adding && current ? current.id : null);
  }

  function showAll() {
    showForm();
    if (list) showList();
    showOverview();
    showOffer();
  }

  function edit(entryId) {
    saver.flush();
    current = entryId ? entries.find((e) => e.id === entryId) : newEntry();
    opened = entryId ? current : null;
    adding = !entryId;
    showAll();
    const first = form.querySelector("input, textarea");
    if (first) first.focus();
  }

  // The form closes; what was typed is kept (it was saved as it was typed).
  function close() {
    if (saver.dirty) save();
    current = opened = null;
    adding = false;
    showAll();
    list.add.focus();
  }

  // The form closes and what was typed since it opened is undone, after asking: never lost
  // without a word. An untouched form just closes.
  function cancel() {
    const typed = opened ? current !== opened : entries.some((e) => e.id === current.id);
    if (typed && !window.confirm(tr("exercise.cancel_confirm"))) return;
    if (typed) {
      entries = opened ? entries.map((e) => (e.id === current.id ? opened : e)) : entries.filter((e) => e.id !== current.id);
      save();
    }
    current = opened = null;
    adding = false;
    showAll();
    list.add.focus();
  }

  function remove(entryId) {
    const entry = entries.find((e) => e.id === entryId);
    if (!window.confirm(tr("exercise.remove_confirm", { title: entryTitle(definition, entry) }))) return;
    entries = entries.filter((e) => e.id !== entryId);
    if (current && current.id === entryId) current = opened = null;
    save();
    showAll();
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
    if (sameEntries(fresh, entries)) return;
    entries = fresh;
    if (current) {
      const mine = entries.find((e) => e.id === current.id);
      const before = JSON.stringify(current.answers);
      if (mine) current = mine;
      else if (!definition.repeat) current = entries[0] || newEntry();
      else if (Object.keys(current.answers).length) current = opened = null; // removed there
      if (!current || JSON.stringify(current.answers) !== before) redrawKeepingPlace(form, showForm);
    }
    if (list) showList();
    showOverview();
    showOffer();
  };
  const onStatus = () => {
    const text = model.get("status") || "";
    if (acted) {
      // A link to the new entry once it is there (not after a failure).
      const there = [acted.action.done, tr("exercise.status.already_added")].includes(text);
      list.note(acted.id, text, there ? model.get("action_links")?.[acted.action.target] : null);
    }
    acted = null;
    if (status.textContent !== text) status.textContent = text; // no re-announcing
  };
  const onRelated = () => {
    showOverview();
    showOffer();
    showLookBack(lookBackSlot, definition, model);
  };
  model.on("change:entries", onEntries);
  model.on("change:earlier", showEarlier);
  model.on("change:related", onRelated);
  model.on("change:status", onStatus);

  // A repeatable exercise opens with an empty form, unless it has entries or can take over
  // another's (then the choice comes first: take them over, or add someone new).
  if (!definition.repeat) current = entries[0] || newEntry();
  else if (!entries.length) current = newEntry();
  showOffer();
  if (!offer.hidden) current = null;
  adding = Boolean(definition.repeat && current);
  showAll();
  showLookBack(lookBackSlot, definition, model);
  showEarlier();
  onStatus();

  return () => {
    saver.stop();
    clearTimeout(drawTimer);
    model.off("change:earlier", showEarlier);
    model.off("change:entries", onEntries);
    model.off("change:related", onRelated);
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
export default { render, h, tr, useWords, number, isEmpty, answerText, entryTitle, stamp, newEntry, longDate, sameEntries, overview: overviewOf, OVERVIEWS };
