// The exercises in the static book, with no kernel and nothing sent anywhere.
//
// The build joins ui.js (as `ui`), schema.js, answers.js, keys.js, store.js, workbook.js,
// progress.js, tasks.js and this file into one classic script (not a module, so the book
// also works from disk). Here: mounting every exercise on a page, the charts of "Mijn
// voortgang" and the course path (tasks.js), and keeping tabs in step.

// ---- the page "Mijn voortgang": its charts (tasks.js shows the days) ------------------

// Each exercise whose answers make a chart: overviews.js draws it, as on its own page.
function progressCharts(el, canStore) {
  const definitions = attribute(el, "data-definitions");
  for (const item of el.querySelectorAll(".tl-chart-item[data-chart]")) {
    const definition = definitions[item.getAttribute("data-chart")];
    const stored = (d) => (canStore && d ? readBody(d).body.entries : []);
    const entries = stored(definition);
    // The answers of the exercises it reads (day 1's self-check beside day 5's).
    const related = Object.fromEntries((definition?.related || []).map((id) => [id, stored(definitions[id])]));
    const view = entries.length ? ui.OVERVIEWS[definition.overview.kind](definition, entries, related) : null;
    const slot = item.querySelector(".tl-chart-slot");
    if (view) slot.replaceChildren(view);
    else if (!slot.querySelector(".tl-empty")) slot.replaceChildren(h("p", { class: "tl-empty" }, tr("progress.charts.empty")));
  }
}

// ---- mounting ----------------------------------------------------------------------------

function attribute(el, name) {
  return JSON.parse(el.getAttribute(name) || "{}");
}

// The links the build put after an exercise (exercises.py: to the exercise it looks back
// at), by the id of the exercise they lead to; the exercise shows them where they belong.
function after(el, className) {
  for (let next = el.nextElementSibling; next?.matches(".tl-look-back-link, .tl-help-link, .tl-action-link"); next = next.nextElementSibling) {
    if (next.classList.contains(className)) return next;
  }
  return null;
}

function linksAfter(el) {
  const links = {};
  const next = after(el, "tl-look-back-link");
  if (!next) return links;
  for (const a of next.querySelectorAll("a[href*='#oefening-']")) {
    links[a.getAttribute("href").split("#oefening-")[1]] = a.getAttribute("href");
  }
  next.hidden = true;
  return links;
}

// The help page's link the build put after an exercise with `help_link` (exercises.py):
// the exercise shows it under its intro.
function helpLinkAfter(el) {
  const line = after(el, "tl-help-link");
  const a = line?.querySelector("a[href]");
  if (!a) return null;
  line.hidden = true;
  return a.getAttribute("href");
}

// Where each action's exercise is ({id: {href, text}}), from the links the build put after
// an exercise with `actions` (exercises.py): shown next to the button once it ran.
function actionLinksAfter(el) {
  const line = after(el, "tl-action-link");
  if (!line) return {};
  line.hidden = true;
  const links = [...line.querySelectorAll("a[href*='#oefening-']")];
  return Object.fromEntries(links.map((a) => [a.getAttribute("href").split("#oefening-")[1], { href: a.getAttribute("href"), text: a.textContent }]));
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
    model.set("help_link", helpLinkAfter(el));
    model.set("action_links", actionLinksAfter(el));
    ui.render({ model, el });
    el.setAttribute("data-ready", "");
  }
  document.querySelectorAll(".toelaten-werkboek[data-definitions]").forEach((el) => {
    Object.assign(definitions, attribute(el, "data-definitions"));
    workbook(el, definitions, attribute(el, "data-schema"), canStore, attribute(el, "data-book"));
    el.setAttribute("data-ready", "");
  });
  const charts = [...document.querySelectorAll(".toelaten-voortgang[data-definitions]")];
  for (const el of charts) progressCharts(el, canStore);
  startTasks(canStore);
  // Back to this page from the browser's memory (Back/Forward): storage may have changed
  // meanwhile, and no storage event reached the page then.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const id of Object.keys(definitions)) refresh(id, definitions, true);
    for (const el of charts) progressCharts(el, canStore);
  });
  // Another tab saved, restored or wiped: catch up here (key null: everything was cleared).
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(STORE)) for (const el of charts) progressCharts(el, canStore);
    if (event.key === null) for (const id of Object.keys(definitions)) refresh(id, definitions, true);
    else if (event.key.startsWith(STORE) && !event.key.endsWith(ASIDE))
      refresh(event.key.slice(STORE.length), definitions, true);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
