// The list of a repeatable exercise's entries. Drawn once, then kept up to date piece by
// piece: a keystroke in the open entry changes its title in the list, never the whole list
// (with hundreds of entries a full redraw took longer than a keystroke may).

// The entries in the order the list shows them (by `sort_by`, unanswered last).
function sortedEntries(definition, entries) {
  const key = definition.entry.sort_by;
  if (!key) return entries;
  const value = (e) => (isEmpty(e.answers[key]) ? Infinity : e.answers[key]);
  return entries.slice().sort((a, b) => value(a) - value(b));
}

// `on`: {edit(id), remove(id), act(action, entry), add()}. Returns {el, show, add, note}: show(entries,
// currentId, hiddenId) marks the entry being edited and leaves out one being added (it joins
// the list above the form once saved, so nothing moves under a finger on a slider).
function entryList(definition, on) {
  const rows = new Map(); // entry id -> {li, title, current, entry}
  const list = h("ul", { class: "tl-entries", "aria-label": tr("exercise.list_label", { title: definition.title }) });
  const empty = h("p", { class: "tl-empty" }, definition.entry.empty);
  const minimum = h("p", { class: "tl-help" });
  const add = h("button", { type: "button", class: "tl-button", onclick: () => on.add() }, definition.entry.add);
  const el = h("div", { class: "tl-list-slot" }, list, empty, minimum, add);

  function buttons(entry, title) {
    return [
      h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": tr("exercise.edit_label", { title }), onclick: () => on.edit(entry.id) }, tr("exercise.edit")),
      h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": tr("exercise.remove_label", { title }), onclick: () => on.remove(entry.id) }, tr("exercise.remove")),
      (definition.actions || []).map((action) =>
        h("button", { type: "button", class: "tl-button tl-secondary", "aria-label": `${action.label}: ${title}`, onclick: () => on.act(action, rows.get(entry.id).entry) }, action.label),
      ),
    ];
  }

  // An entry begun whose after-the-fact questions are still open (an experiment before its
  // outcome): the list says so, where the learner will look.
  const later = definition.fields.filter((f) => f.later);
  function waiting(entry) {
    const answers = entry.answers || {};
    return later.length > 0 && later.some((f) => isEmpty(answers[f.id])) && definition.fields.some((f) => !f.later && !isEmpty(answers[f.id]));
  }

  function row(entry, current) {
    const title = entryTitle(definition, entry);
    const todo = h("span", { class: "tl-entry-todo" }, tr("exercise.later_todo"));
    todo.hidden = !waiting(entry);
    const said = h("p", { class: "tl-entry-note", hidden: true });
    const li = h(
      "li",
      { class: current ? "tl-entry tl-current" : "tl-entry" },
      h("span", { class: "tl-entry-title" }, title),
      todo,
      h("span", { class: "tl-entry-actions" }, buttons(entry, title)),
      said,
    );
    return { li, title, current, entry, todo, said };
  }

  // What an action did, next to its button (the status line under the form is out of
  // sight below a long list), with a link ({href, text}) to where the entry went.
  function note(entryId, text, link) {
    const known = rows.get(entryId);
    if (!known) return;
    known.said.replaceChildren(text, ...(link ? [" ", h("a", { href: link.href }, link.text)] : []));
    known.said.hidden = !text;
  }

  // What changed since the last call, and only that, goes into the page.
  function show(entries, currentId, hiddenId = null) {
    const order = sortedEntries(definition, entries).filter((e) => e.id !== hiddenId);
    const seen = new Set();
    for (const entry of order) {
      seen.add(entry.id);
      const current = entry.id === currentId;
      const known = rows.get(entry.id);
      if (!known) {
        rows.set(entry.id, row(entry, current));
        continue;
      }
      known.entry = entry;
      known.todo.hidden = !waiting(entry);
      const title = entryTitle(definition, entry);
      if (title !== known.title) {
        known.title = title;
        known.li.firstChild.textContent = title;
        const [edit, remove, ...acts] = known.li.querySelector(".tl-entry-actions").children;
        edit.setAttribute("aria-label", tr("exercise.edit_label", { title }));
        remove.setAttribute("aria-label", tr("exercise.remove_label", { title }));
        acts.forEach((button, i) => {
          button.setAttribute("aria-label", `${definition.actions[i].label}: ${title}`);
        });
      }
      if (current !== known.current) {
        known.current = current;
        known.li.classList.toggle("tl-current", current);
      }
    }
    for (const [id, known] of rows) {
      if (seen.has(id)) continue;
      known.li.remove();
      rows.delete(id);
    }
    // Into the order of `order`, moving only the rows that are out of place.
    let at = list.firstChild;
    for (const entry of order) {
      const li = rows.get(entry.id).li;
      if (li === at) at = at.nextSibling;
      else list.insertBefore(li, at);
    }
    list.hidden = order.length === 0;
    empty.hidden = order.length > 0;
    const aim = definition.entry.minimum;
    const short = aim && order.length < aim;
    minimum.hidden = !short;
    if (short) minimum.textContent = tr("exercise.minimum", { n: order.length, minimum: aim });
    add.hidden = Boolean(currentId);
  }

  return { el, show, add, note };
}

// Two lists of entries hold the same answers (the same objects, mostly: cheap to tell).
function sameEntries(a, b) {
  return a === b || (a.length === b.length && a.every((e, i) => e === b[i] || JSON.stringify(e) === JSON.stringify(b[i])));
}

// Earlier versions of a single-set exercise's answer set (after a restore from another
// device): each can be brought back. `slot` keeps whether the list was open.
function earlierVersions(definition, earlier, slot, model) {
  const open = Boolean(slot.querySelector("details[open]"));
  const first = definition.fields.find((f) => f.kind === "text" || f.kind === "longtext");
  return h(
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
  );
}

// An entry's action: start an entry in another exercise with some of its answers (a small
// ask onto the question ladder).
function act(model, action, entry) {
  const answers = {};
  for (const [target, source] of Object.entries(action.copy)) {
    if (!isEmpty(entry.answers[source])) answers[target] = entry.answers[source];
  }
  model.send({ type: "add-entry", exercise: action.target, answers, done: action.done });
}

// `container` drawn again by `draw()`, the learner's place in it (focus and caret) kept:
// the answers in an open form changed elsewhere (another tab) while the learner types.
function redrawKeepingPlace(container, draw) {
  const active = document.activeElement;
  const id = active && container.contains(active) ? active.id : null;
  const caret = id && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  draw();
  const again = id && container.querySelector(`[id="${CSS.escape(id)}"]`);
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
