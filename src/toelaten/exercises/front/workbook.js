// The page "Mijn werkboek": every stored answer (earlier versions and what could not be
// read included), day by day (workbookview.js), with the learner's name for the cover,
// download, restore, wipe and print. Reading works even when the storage is full, so the
// answers stay visible and downloadable then.

const h = ui.h;

function saveFile(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// `book`: the course's title and its days ({id, title, exercises}), for the chapters.
function workbook(el, definitions, documentSchema, canStore, book = {}) {
  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const content = h("div", { class: "tl-workbook-content" });
  const coverSlot = h("div", { class: "tl-workbook-cover-slot" });
  const nameMax = documentSchema.properties?.name?.maxLength;
  const nameInput = h("input", { type: "text", id: "tl-workbook-name", autocomplete: "off", maxlength: nameMax, "aria-describedby": "tl-workbook-name-help", disabled: !canStore });
  let span = "";
  const picker = h("input", { type: "file", accept: ".json,application/json", hidden: true });
  let notices = [];

  function all() {
    const answers = {};
    notices = [];
    for (const [id, definition] of Object.entries(definitions)) {
      const { body, notice } = canStore ? readBody(definition, true) : { body: { entries: [], earlier: [] }, notice: "" };
      if (notice) notices.push(`${definition.title}: ${notice}`);
      const aside = canStore ? asideOf(id) : [];
      if (body.entries.length || body.earlier.length || aside.length) answers[id] = { ...body, aside };
    }
    return answers;
  }

  // Stored under our prefix but for no exercise of this course (an older version, say):
  // shown as unreadable pieces rather than hidden, so "Alles wissen" never takes it unseen.
  function strays() {
    if (!canStore) return [];
    return Object.keys(window.localStorage)
      .filter((key) => key.startsWith(STORE) && !definitions[key.slice(STORE.length).replace(ASIDE, "")])
      .map((key) => ({ at: "", raw: window.localStorage.getItem(key) || "", key }));
  }

  function asideView(id, item, i, heading = "h4") {
    return h(
      "div",
      { class: "tl-workbook-entry tl-aside" },
      h(heading, {}, tr("workbook.unreadable.title")),
      h("p", {}, tr("workbook.unreadable.text")),
      h("button", {
        type: "button",
        class: "tl-button tl-secondary",
        onclick: () => saveFile(tr("workbook.file.unreadable", { exercise: id, n: i + 1 }), item.raw, "text/plain"),
      }, tr("workbook.unreadable.download")),
    );
  }

  function showCover() {
    coverSlot.replaceChildren(cover(book.course || "", readName(), span));
  }

  function show() {
    const answers = all();
    const asideViews = (id, aside) => aside.map((item, i) => asideView(id, item, i));
    const sections = chapters(book.days || [], definitions, answers, asideViews);
    const other = strays();
    if (other.length)
      sections.push(
        h(
          "section",
          { class: "tl-workbook-exercise" },
          h("h2", {}, tr("workbook.gone")),
          other.map((item, i) => asideView("oud", item, i, "h3")),
        ),
      );
    content.replaceChildren(
      ...(sections.length
        ? sections
        : [h("p", { class: "tl-empty" }, tr("workbook.empty"))]),
    );
    span = dateSpan(Object.values(answers));
    showCover();
    if (document.activeElement !== nameInput) nameInput.value = readName();
    if (notices.length) status.textContent = notices.join(" ");
  }

  function download() {
    const doc = { format: FORMAT, schema: SCHEMA, exported: ui.stamp(), exercises: {} };
    const name = readName();
    if (name) doc.name = name;
    for (const [id, body] of Object.entries(all())) {
      if (!body.entries.length && !body.earlier.length) continue;
      doc.exercises[id] = body.earlier.length ? { entries: body.entries, earlier: body.earlier } : { entries: body.entries };
    }
    saveFile(tr("workbook.file.answers", { date: new Date().toISOString().slice(0, 10) }), JSON.stringify(doc, null, 2), "application/json");
    status.textContent = tr("workbook.downloaded");
  }

  async function restore(file) {
    let incoming;
    try {
      incoming = readDocument(await file.text(), definitions, documentSchema);
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      status.textContent = tr("workbook.not_restored", { problem: error.message });
      return;
    }
    const before = {};
    try {
      for (const [id, body] of Object.entries(incoming)) {
        before[id] = window.localStorage.getItem(STORE + id);
        writeBody(id, merge(readBody(definitions[id]).body, body, definitions[id].repeat));
      }
    } catch {
      for (const [id, raw] of Object.entries(before)) {
        if (raw === null) window.localStorage.removeItem(STORE + id);
        else window.localStorage.setItem(STORE + id, raw);
      }
      status.textContent = tr("workbook.no_room");
      return;
    }
    // The file's name goes on the cover when this device has none yet.
    const name = JSON.parse(await file.text()).name;
    if (typeof name === "string" && !readName()) {
      try {
        writeName(name);
      } catch {
        /* no room for the name: the answers are what counts */
      }
    }
    const names = Object.keys(incoming).map((id) => definitions[id].title);
    show();
    status.textContent = names.length
      ? tr("workbook.restored", { titles: names.map((title) => tr("workbook.restored_title", { title })).join(", ") })
      : tr("workbook.nothing_restored");
  }

  function wipe() {
    const pieces = Object.values(all()).reduce((n, body) => n + body.aside.length, 0) + strays().length;
    const also = pieces ? ` ${tr.plural("workbook.wipe_pieces", pieces)}` : "";
    const sure = window.confirm(`${tr("workbook.wipe_confirm")}${also}`);
    if (!sure) return;
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(STORE) || key === NAME) window.localStorage.removeItem(key);
    }
    nameInput.value = "";
    asideInMemory.clear();
    show();
    status.textContent = tr("workbook.wiped");
  }

  nameInput.addEventListener("input", () => {
    try {
      writeName(nameInput.value);
      status.textContent = "";
    } catch {
      status.textContent = tr("workbook.name.not_saved");
    }
    showCover();
  });
  picker.addEventListener("change", () => {
    if (picker.files.length) restore(picker.files[0]);
    picker.value = "";
  });
  el.replaceChildren(
    h(
      "div",
      { class: "tl-oefening tl-workbook" },
      h(
        "div",
        { class: "tl-actions tl-workbook-actions" },
        h("button", { type: "button", class: "tl-button", onclick: download, disabled: !canStore }, tr("workbook.download")),
        h("button", { type: "button", class: "tl-button tl-secondary", onclick: () => picker.click(), disabled: !canStore }, tr("workbook.restore")),
        h("button", { type: "button", class: "tl-button tl-secondary", onclick: () => window.print() }, tr("workbook.print")),
        h("button", { type: "button", class: "tl-button tl-secondary tl-danger", onclick: wipe, disabled: !canStore }, tr("workbook.wipe")),
        picker,
      ),
      h(
        "div",
        { class: "tl-workbook-name" },
        h("label", { for: "tl-workbook-name" }, tr("workbook.name.label")),
        h("p", { class: "tl-help", id: "tl-workbook-name-help" }, tr("workbook.name.help")),
        nameInput,
      ),
      status,
      coverSlot,
      content,
    ),
  );
  show();
  if (!canStore) status.textContent = tr("workbook.no_storage");
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(STORE) || event.key === NAME) show();
  });
}
