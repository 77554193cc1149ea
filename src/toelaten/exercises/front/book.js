// The exercises in the static book, with no kernel and nothing sent anywhere.
//
// The build wraps this file and ui.js into one classic script (not a module, so the book
// also works when opened from disk); `ui` is ui.js's default export. Here: a model with anywidget's API that keeps the
// answers in this browser's localStorage, the mounting of every exercise on a page, and
// the page "Mijn werkboek" (download, restore, wipe, print). The checks and the merge of
// a restored file follow transfer.py and model.py; tests run both on the same files.

const STORE = "toelaten:v1:"; // versioned: toelaten:v1:<exercise id> -> {"entries": [...]}
const FORMAT = "toelaten-antwoorden";
const SCHEMA = 1;
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ENTRIES = 500;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const models = new Map(); // exercise id -> models on this page

function clock() {
  return new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
}

function storageWorks() {
  try {
    const probe = STORE + "probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return true;
  } catch (error) {
    return false;
  }
}

function readEntries(exerciseId) {
  const raw = window.localStorage.getItem(STORE + exerciseId);
  if (raw === null) return [];
  try {
    const data = JSON.parse(raw);
    if (data && Array.isArray(data.entries)) return data.entries;
  } catch (error) {
    /* fall through */
  }
  // Keep what we could not read, so a later save does not destroy it.
  window.localStorage.setItem(STORE + exerciseId + ":onleesbaar", raw);
  return [];
}

function writeEntries(exerciseId, entries) {
  window.localStorage.setItem(STORE + exerciseId, JSON.stringify({ entries }));
}

function relatedEntries(definition, canStore) {
  const related = {};
  for (const id of definition.related || []) related[id] = canStore ? readEntries(id) : [];
  return related;
}

// Another exercise changed in this browser: show it wherever it is on this page.
function refresh(exerciseId) {
  for (const [id, list] of models) {
    for (const model of list) {
      if (id === exerciseId) model.set("entries", readEntries(id));
      if ((model.get("definition").related || []).includes(exerciseId))
        model.set("related", relatedEntries(model.get("definition"), true));
    }
  }
}

function storageModel(definition, canStore) {
  const state = {
    definition,
    entries: canStore ? readEntries(definition.id) : [],
    related: relatedEntries(definition, canStore),
    status: canStore
      ? ""
      : "Je browser bewaart niets voor deze pagina. Wat je invult, is weg als je de pagina sluit.",
  };
  const listeners = {};
  const emit = (name) => (listeners[name] || []).slice().forEach((fn) => fn());
  const model = {
    get: (name) => state[name],
    set(name, value) {
      state[name] = value;
      emit("change:" + name);
    },
    on(name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
    },
    off(name, fn) {
      listeners[name] = (listeners[name] || []).filter((f) => f !== fn);
    },
    // An action of the exercise: start an entry in another one (a small ask onto the ladder).
    send(message) {
      if (!canStore || !message || message.type !== "add-entry") return;
      const allowed = (definition.actions || []).some((a) => a.target === message.exercise);
      if (!allowed) return;
      try {
        const entry = ui.newEntry(message.answers);
        writeEntries(message.exercise, [...readEntries(message.exercise), entry]);
        refresh(message.exercise);
        model.set("status", message.done);
      } catch (error) {
        model.set("status", "Niet gelukt: je browser heeft geen ruimte meer voor deze pagina.");
      }
    },
    save_changes() {
      if (!canStore) return;
      try {
        writeEntries(definition.id, state.entries);
        refresh(definition.id);
        model.set("status", `Bewaard op dit apparaat om ${clock()}.`);
      } catch (error) {
        model.set(
          "status",
          "Niet bewaard: je browser heeft geen ruimte meer voor deze pagina. Download je antwoorden via Mijn werkboek.",
        );
      }
    },
  };
  return model;
}

// ---- checking and merging a restored file (see transfer.py and model.py) --------------

function fail(message) {
  throw new Error(message);
}

function cleanValue(field, value) {
  if (ui.isEmpty(value)) return null;
  const where = `Bij ‘${field.label}’`;
  if (field.kind === "text" || field.kind === "longtext") {
    if (typeof value !== "string") fail(`${where} hoort tekst te staan.`);
    const length = [...value].length;
    if (length > field.maxLength)
      fail(`${where} staat te veel tekst: ${length} tekens. Er passen er ${field.maxLength} in.`);
    return value;
  }
  if (field.kind === "scale") {
    if (typeof value !== "number" || !Number.isInteger(value)) fail(`${where} hoort een getal te staan.`);
    if (value < field.min || value > field.max)
      fail(`${where}: kies een getal van ${field.min} tot ${field.max}.`);
    return value;
  }
  const ids = (field.options || []).map((o) => o.id);
  if (field.kind === "multi") {
    const many = `${where}: kies een of meer van de antwoorden die er staan.`;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail(many);
    if (new Set(value).size !== value.length || value.some((v) => !ids.includes(v))) fail(many);
    if (field.maxChoices && value.length > field.maxChoices) fail(`${where}: kies er hoogstens ${field.maxChoices}.`);
    return ids.filter((id) => value.includes(id));
  }
  if (field.kind === "roles") {
    const responses = field.responses.map((r) => r.id);
    if (typeof value !== "object" || Array.isArray(value) ||
        Object.entries(value).some(([k, v]) => !responses.includes(k) || !ids.includes(v)))
      fail(`${where}: kies bij elke reactie een van de rollen.`);
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
  }
  if (!ids.includes(value)) fail(`${where}: kies een van de antwoorden die er staan.`);
  return value;
}

function isStamp(value) {
  return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

function cleanEntries(definition, entries) {
  const shape = "De antwoorden hebben een vorm die deze oefening niet kent.";
  if (!Array.isArray(entries)) fail(shape);
  if (entries.length > MAX_ENTRIES) fail(`Er passen hoogstens ${MAX_ENTRIES} antwoorden in één oefening.`);
  if (!definition.repeat && entries.length > 1) fail("Deze oefening heeft maar één set antwoorden.");
  const fields = Object.fromEntries(definition.fields.map((f) => [f.id, f]));
  const seen = new Set();
  return entries.map((entry) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) fail(shape);
    const answers = entry.answers;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) fail(shape);
    if (Object.keys(entry).some((k) => !["id", "created", "updated", "answers"].includes(k))) fail(shape);
    if (typeof entry.id !== "string" || !ENTRY_ID.test(entry.id)) fail("Een antwoord heeft geen geldig nummer.");
    if (!isStamp(entry.created) || !isStamp(entry.updated)) fail("Bij een antwoord ontbreekt een geldige datum.");
    const unknown = Object.keys(answers).filter((k) => !(k in fields)).sort();
    if (unknown.length) fail(`Deze oefening kent de vraag ‘${unknown[0]}’ niet.`);
    const clean = {};
    for (const [key, value] of Object.entries(answers)) {
      const cleaned = cleanValue(fields[key], value);
      if (cleaned !== null) clean[key] = cleaned;
    }
    if (seen.has(entry.id)) fail("Twee antwoorden hebben hetzelfde nummer.");
    seen.add(entry.id);
    return { id: entry.id, created: entry.created, updated: entry.updated, answers: clean };
  });
}

function readDocument(text, definitions) {
  if (text.length > MAX_BYTES) fail("Dit bestand is te groot voor een antwoordenbestand.");
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(
      "Dit is geen antwoordenbestand van deze cursus. Kies het bestand dat je eerder hebt gedownload (het eindigt op .json).",
    );
  }
  if (!data || typeof data !== "object" || data.format !== FORMAT)
    fail("Dit is geen antwoordenbestand van deze cursus.");
  if (data.schema !== SCHEMA)
    fail("Dit antwoordenbestand komt uit een andere versie van de cursus en kan hier niet worden teruggezet.");
  if (!data.exercises || typeof data.exercises !== "object" || Array.isArray(data.exercises))
    fail("In dit antwoordenbestand staan geen oefeningen.");
  const result = {};
  for (const [id, body] of Object.entries(data.exercises)) {
    const definition = definitions[id];
    if (!definition) fail(`Dit bestand bevat een oefening die deze cursus niet kent: ${id}.`);
    if (!body || typeof body !== "object" || Object.keys(body).join() !== "entries")
      fail(`De antwoorden bij ‘${definition.title}’ zijn beschadigd.`);
    try {
      result[id] = cleanEntries(definition, body.entries);
    } catch (error) {
      fail(`‘${definition.title}’: ${error.message}`);
    }
  }
  return result;
}

function sameAnswers(a, b) {
  const keys = Object.keys(a).sort();
  return (
    JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) &&
    keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))
  );
}

function merge(current, incoming) {
  const merged = current.map((e) => ({ ...e }));
  const index = new Map(merged.map((e, i) => [e.id, i]));
  for (const entry of incoming) {
    const i = index.get(entry.id);
    if (i === undefined) {
      index.set(entry.id, merged.length);
      merged.push({ ...entry });
      continue;
    }
    const mine = merged[i];
    if (sameAnswers(mine.answers, entry.answers)) continue;
    const [newer, older] = entry.updated > mine.updated ? [entry, mine] : [mine, entry];
    merged[i] = { ...newer };
    const copyId = `${older.id.slice(0, 40)}-${older.updated.replace(/[^0-9]/g, "").slice(0, 14)}`;
    if (!index.has(copyId)) {
      index.set(copyId, merged.length);
      merged.push({ ...older, id: copyId });
    }
  }
  return merged;
}

// ---- the page "Mijn werkboek" ------------------------------------------------------------

const h = ui.h;

function longDate(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

function workbook(el, definitions, canStore) {
  const status = h("p", { class: "tl-status", role: "status", "aria-live": "polite" });
  const content = h("div", { class: "tl-workbook-content" });
  const picker = h("input", { type: "file", accept: ".json,application/json", hidden: true });

  function all() {
    const answers = {};
    for (const id of Object.keys(definitions)) {
      const entries = canStore ? readEntries(id) : [];
      if (entries.length) answers[id] = entries;
    }
    return answers;
  }

  function show() {
    const answers = all();
    const sections = Object.entries(answers).map(([id, entries]) => {
      const definition = definitions[id];
      return h(
        "section",
        { class: "tl-workbook-exercise" },
        h("h2", {}, definition.title),
        entries.map((entry) => {
          return h(
            "article",
            { class: "tl-workbook-entry" },
            definition.repeat ? h("h3", {}, ui.entryTitle(definition, entry)) : "",
            h("p", { class: "tl-workbook-date" }, `Bijgewerkt op ${longDate(entry.updated)}`),
            h(
              "dl",
              {},
              definition.fields
                .filter((f) => entry.answers[f.id] !== undefined)
                .flatMap((f) => [h("dt", {}, f.label), h("dd", {}, ui.answerText(f, entry.answers[f.id]))]),
            ),
          );
        }),
      );
    });
    content.replaceChildren(
      ...(sections.length
        ? sections
        : [h("p", { class: "tl-empty" }, "Je hebt nog niets ingevuld. Wat je bij de oefeningen invult, zie je hier terug.")]),
    );
  }

  function download() {
    const doc = { format: FORMAT, schema: SCHEMA, exported: ui.stamp(), exercises: {} };
    for (const [id, entries] of Object.entries(all())) doc.exercises[id] = { entries };
    const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: `mijn-antwoorden-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = "Je antwoorden zijn gedownload. Bewaar het bestand op een veilige plek.";
  }

  async function restore(file) {
    let incoming;
    try {
      incoming = readDocument(await file.text(), definitions);
    } catch (error) {
      status.textContent = `Niet teruggezet. ${error.message} Er is niets veranderd.`;
      return;
    }
    const before = {};
    try {
      for (const [id, entries] of Object.entries(incoming)) {
        before[id] = window.localStorage.getItem(STORE + id);
        writeEntries(id, merge(readEntries(id), entries));
      }
    } catch (error) {
      for (const [id, raw] of Object.entries(before)) {
        if (raw === null) window.localStorage.removeItem(STORE + id);
        else window.localStorage.setItem(STORE + id, raw);
      }
      status.textContent = "Niet teruggezet: je browser heeft niet genoeg ruimte. Er is niets veranderd.";
      return;
    }
    const names = Object.keys(incoming).map((id) => definitions[id].title);
    status.textContent = names.length
      ? `Teruggezet: ${names.join(", ")}. Wat je al had, is gebleven.`
      : "In dit bestand stonden geen antwoorden.";
    show();
  }

  function wipe() {
    const sure = window.confirm(
      "Weet je zeker dat je al je antwoorden van dit apparaat wilt wissen? Dit kun je niet ongedaan maken. Download ze eerst als je ze wilt bewaren.",
    );
    if (!sure) return;
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(STORE)) window.localStorage.removeItem(key);
    }
    status.textContent = "Al je antwoorden zijn van dit apparaat gewist.";
    show();
  }

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
        h("button", { type: "button", class: "tl-button", onclick: download, disabled: !canStore }, "Mijn antwoorden downloaden"),
        h("button", { type: "button", class: "tl-button tl-secondary", onclick: () => picker.click(), disabled: !canStore }, "Antwoorden terugzetten"),
        h("button", { type: "button", class: "tl-button tl-secondary", onclick: () => window.print() }, "Afdrukken"),
        h("button", { type: "button", class: "tl-button tl-secondary", onclick: wipe, disabled: !canStore }, "Alles wissen"),
        picker,
      ),
      status,
      content,
    ),
  );
  if (!canStore) status.textContent = "Je browser bewaart niets voor deze pagina, dus er is hier niets te zien.";
  show();
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(STORE)) show();
  });
}

// ---- the page "Mijn voortgang" (progress.py counts the same way for the CLI) -----------

function progressPage(el, canStore) {
  for (const day of el.querySelectorAll("ul")) {
    const items = [...day.querySelectorAll("li.tl-progress")];
    let started = 0;
    for (const item of items) {
      const id = [...item.classList].find((c) => c.startsWith("tl-ex-")).slice(6);
      const n = canStore ? readEntries(id).length : 0;
      started += n > 0;
      const repeat = item.classList.contains("tl-repeat");
      item.querySelector(".tl-progress-state").textContent =
        n === 0 ? "nog niet begonnen" : !repeat ? "ingevuld" : `${n} ${n === 1 ? "antwoord" : "antwoorden"}`;
      item.classList.toggle("tl-started", n > 0);
    }
    const count = day.previousElementSibling && day.previousElementSibling.querySelector(".tl-day-count");
    if (count) count.textContent = ` (${started} van ${items.length})`;
  }
}

// ---- mounting ----------------------------------------------------------------------------

function start() {
  const canStore = storageWorks();
  document.querySelectorAll(".toelaten-oefening[data-exercise]").forEach((el) => {
    const definition = JSON.parse(el.getAttribute("data-definition"));
    const model = storageModel(definition, canStore);
    if (!models.has(definition.id)) models.set(definition.id, []);
    models.get(definition.id).push(model);
    ui.render({ model, el });
    el.setAttribute("data-ready", "");
  });
  document.querySelectorAll(".toelaten-werkboek[data-definitions]").forEach((el) => {
    workbook(el, JSON.parse(el.getAttribute("data-definitions")), canStore);
    el.setAttribute("data-ready", "");
  });
  document.querySelectorAll(".toelaten-voortgang").forEach((el) => {
    progressPage(el, canStore);
    el.setAttribute("data-ready", "");
  });
  // Another tab saved: show its answers here too.
  window.addEventListener("storage", (event) => {
    if (event.key && event.key.startsWith(STORE)) refresh(event.key.slice(STORE.length));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
