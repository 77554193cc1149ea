// The exercises in the static book, with no kernel and nothing sent anywhere.
//
// The build joins ui.js (as `ui`), schema.js, answers.js, store.js, workbook.js and this
// file into one classic script (not a module, so the book also works from disk). Here:
// mounting every exercise on a page, "Mijn voortgang", and keeping tabs in step.

// ---- the page "Mijn voortgang" (progress.py counts the same way for the CLI) -----------

function progressPage(el, canStore) {
  for (const day of el.querySelectorAll("ul")) {
    const items = [...day.querySelectorAll("li.tl-progress")];
    let started = 0;
    for (const item of items) {
      const id = [...item.classList].find((c) => c.startsWith("tl-ex-")).slice(6);
      const n = canStore ? storedCount(id) : 0;
      started += n > 0;
      const repeat = item.classList.contains("tl-repeat");
      item.querySelector(".tl-progress-state").textContent =
        n === 0 ? tr("progress.not_started") : !repeat ? tr("progress.filled_in") : tr.plural("progress.entries", n);
      item.classList.toggle("tl-started", n > 0);
    }
    const count = day.previousElementSibling?.querySelector(".tl-day-count");
    if (count) count.textContent = ` ${tr("progress.count", { started, total: items.length })}`;
  }
}

function storedCount(exerciseId) {
  try {
    const data = JSON.parse(window.localStorage.getItem(STORE + exerciseId) || "{}");
    return Array.isArray(data.entries) ? data.entries.length : 0;
  } catch {
    return 0;
  }
}

// ---- mounting ----------------------------------------------------------------------------

function attribute(el, name) {
  return JSON.parse(el.getAttribute(name) || "{}");
}

// The links the build put after an exercise (exercises.py: to the exercise it looks back
// at), by the id of the exercise they lead to; the exercise shows them where they belong.
function linksAfter(el) {
  const links = {};
  const next = el.nextElementSibling;
  if (!next?.classList.contains("tl-look-back-link")) return links;
  for (const a of next.querySelectorAll("a[href*='#oefening-']")) {
    links[a.getAttribute("href").split("#oefening-")[1]] = a.getAttribute("href");
  }
  next.hidden = true;
  return links;
}

function start() {
  const canStore = storageReadable();
  const definitions = {};
  const mounts = [...document.querySelectorAll(".toelaten-oefening[data-exercise]")];
  for (const el of mounts) {
    const definition = attribute(el, "data-definition");
    Object.assign(definitions, attribute(el, "data-linked"), { [definition.id]: definition });
  }
  for (const el of mounts) {
    const model = storageModel(definitions[el.getAttribute("data-exercise")], definitions, canStore);
    model.set("links", linksAfter(el));
    ui.render({ model, el });
    el.setAttribute("data-ready", "");
  }
  document.querySelectorAll(".toelaten-werkboek[data-definitions]").forEach((el) => {
    Object.assign(definitions, attribute(el, "data-definitions"));
    workbook(el, definitions, attribute(el, "data-schema"), canStore);
    el.setAttribute("data-ready", "");
  });
  document.querySelectorAll(".toelaten-voortgang").forEach((el) => {
    progressPage(el, canStore);
    el.setAttribute("data-ready", "");
  });
  // Back to this page from the browser's memory (Back/Forward): storage may have changed
  // meanwhile, and no storage event reached the page then.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) for (const id of Object.keys(definitions)) refresh(id, definitions, true);
  });
  // Another tab saved, restored or wiped: catch up here (key null: everything was cleared).
  window.addEventListener("storage", (event) => {
    if (event.key === null) for (const id of Object.keys(definitions)) refresh(id, definitions, true);
    else if (event.key.startsWith(STORE) && !event.key.endsWith(ASIDE))
      refresh(event.key.slice(STORE.length), definitions, true);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
