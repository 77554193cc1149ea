// The answers in this browser's localStorage, and the anywidget-like model the exercises
// use in the book. Rules: every change is written at once (nothing waits for a timer);
// two tabs merge instead of overwriting (merge3); an entry that cannot be read is set
// aside where Mijn werkboek shows it, never dropped; the screen never says "Bewaard" when
// nothing was written; a full storage still shows and downloads what is stored.

// STORE and storageReadable(): keys.js.
const ASIDE = ":onleesbaar"; // toelaten:v1:<exercise id>:onleesbaar -> [{"at", "raw"}]
const models = new Map(); // exercise id -> models on this page
// Per exercise, the text this page last read or wrote and the body it holds: while storage
// still holds that very text, it is not read and checked again (at every keystroke).
// Bodies are never changed in place.
const lastRead = new Map(); // exercise id -> {raw, body}

let clockFormat = null; // made once: at every keystroke it took longer than the save

// Whether `entry` holds every answer an action would copy into it: made by that action
// already (session.py's add_to does the same in Jupyter), so a second click adds nothing.
// An action that copies nothing always adds.
function madeFrom(entry, answers) {
  const copied = Object.entries(answers);
  return copied.length > 0 && copied.every(([id, value]) => JSON.stringify(entry.answers[id]) === JSON.stringify(value));
}

function clock() {
  clockFormat ??= new Intl.DateTimeFormat(tr("format.locale"), { hour: "2-digit", minute: "2-digit" });
  return clockFormat.format(new Date());
}

// Set aside in storage; when storage is full, kept in memory for this visit (Mijn werkboek
// shows and downloads it) and false is returned, so the caller keeps the stored original.
const asideInMemory = new Map(); // exercise id -> [{at, raw}]

function setAside(exerciseId, raw) {
  const key = STORE + exerciseId + ASIDE;
  const persisted = storedAside(exerciseId);
  const memory = (asideInMemory.get(exerciseId) || []).filter((k) => k.raw !== raw);
  if (persisted.some((k) => k.raw === raw)) return true;
  const item = { at: ui.stamp(), raw };
  try {
    window.localStorage.setItem(key, JSON.stringify([...persisted, item]));
    asideInMemory.set(exerciseId, memory);
    return true;
  } catch {
    asideInMemory.set(exerciseId, [...memory, item]);
    return false; // only in memory: the caller must keep the stored original
  }
}

function storedAside(exerciseId) {
  const raw = window.localStorage.getItem(STORE + exerciseId + ASIDE);
  try {
    const kept = JSON.parse(raw || "[]");
    return Array.isArray(kept) ? kept.filter((k) => k && typeof k.raw === "string") : [];
  } catch {
    return [{ at: "", raw }];
  }
}

function asideOf(exerciseId) {
  return [...storedAside(exerciseId), ...(asideInMemory.get(exerciseId) || [])];
}

// An entry with one unreadable answer (a question this version of the course no longer
// has, say) keeps its readable answers; the whole original is set aside as well.
function salvage(entrySchema, entry, root) {
  if (!entry || typeof entry !== "object" || !entry.answers || typeof entry.answers !== "object") return null;
  const fields = entrySchema.properties.answers.properties;
  const answers = {};
  for (const [key, value] of Object.entries(entry.answers)) {
    if (fields[key] && firstProblem(fields[key], value, root) === null) answers[key] = value;
  }
  const rest = { id: entry.id, created: entry.created, updated: entry.updated, answers };
  if (entrySchema.properties.origin && typeof entry.origin === "string") rest.origin = entry.origin;
  const readable = Object.keys(answers).length && firstProblem(entrySchema, rest, root) === null;
  return readable ? rest : null;
}

// What is stored for one exercise, as {body, notice}. Entries that do not fit the schema
// are set aside one by one; a single-set exercise with two current sets is repaired. The
// cleaned body is written back, so the notice is given once.
function readBody(definition, onWorkbook = false) {
  const id = definition.id;
  const raw = window.localStorage.getItem(STORE + id);
  const empty = { entries: [], earlier: [] };
  if (raw === null) return { body: empty, notice: "" };
  const known = lastRead.get(id);
  if (known && known.raw === raw) return { body: known.body, notice: "" };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    data = null;
  }
  const lists = data && typeof data === "object" && !Array.isArray(data) ? data : {};
  const entrySchema = definition.schema.$defs.entry;
  let aside = 0;
  let keptAside = true; // every set-aside piece is in storage: the cleaned body may replace raw
  const putAside = (text) => {
    aside += 1;
    keptAside = setAside(id, text) && keptAside;
  };
  const keep = (list) =>
    (Array.isArray(list) ? list : []).flatMap((entry) => {
      if (firstProblem(entrySchema, entry, definition.schema) === null) return [entry];
      putAside(JSON.stringify(entry));
      const rest = salvage(entrySchema, entry, definition.schema);
      return rest ? [rest] : [];
    });
  if (!Array.isArray(lists.entries)) putAside(raw);
  const candidate = { entries: keep(lists.entries), earlier: keep(lists.earlier) };
  let body = empty;
  let repaired = false;
  try {
    ({ body, repaired } = cleanBody(definition, candidate));
  } catch {
    putAside(raw);
  }
  const notices = [];
  if (aside) notices.push(onWorkbook ? tr("exercise.status.unreadable_here") : tr("exercise.status.unreadable"));
  if (repaired) notices.push(tr("exercise.status.repaired"));
  if ((aside && keptAside) || (repaired && !aside)) {
    try {
      writeBody(id, body);
    } catch {
      /* full storage: repaired again next time */
    }
  } else if (!aside && !repaired) lastRead.set(id, { raw, body });
  return { body, notice: notices.join(" ") };
}

// Writes `body` as it is (checked by the caller); a body that is read back the same may be
// remembered as read (`clean`: it passed cleanBody, as a read would make it).
function writeBody(exerciseId, body, clean = false) {
  const value = body.earlier?.length ? body : { entries: body.entries };
  lastRead.delete(exerciseId);
  if (!body.entries.length && !(body.earlier || []).length) return window.localStorage.removeItem(STORE + exerciseId);
  const raw = JSON.stringify(value);
  window.localStorage.setItem(STORE + exerciseId, raw);
  if (clean) lastRead.set(exerciseId, { raw, body: { entries: body.entries, earlier: body.earlier || [] } });
}

function relatedEntries(definition, definitions) {
  const related = {};
  for (const id of definition.related || []) {
    const other = definitions[id];
    related[id] = other ? readBody(other).body.entries : [];
  }
  return related;
}

// A change in storage (this tab or another): every model on this page catches up (but
// `writer`, which has just written it).
function refresh(exerciseId, definitions, elsewhere = false, writer = null) {
  for (const list of models.values()) {
    for (const model of list) {
      const definition = model.get("definition");
      if (definition.id === exerciseId && model !== writer) model.catchUp(elsewhere);
      if ((definition.related || []).includes(exerciseId))
        model.set("related", relatedEntries(definition, definitions));
    }
  }
}

function storageModel(definition, definitions, canStore) {
  const first = canStore ? readBody(definition) : { body: { entries: [], earlier: [] }, notice: "" };
  let base = first.body.entries; // what this tab last read or wrote
  const state = {
    definition,
    entries: base,
    earlier: first.body.earlier,
    related: canStore ? relatedEntries(definition, definitions) : {},
    autosave_ms: 0,
    status: canStore ? first.notice : tr("exercise.status.no_storage"),
  };
  const listeners = {};
  const emit = (name) => {
    for (const fn of (listeners[name] || []).slice()) fn();
  };
  const set = (name, value) => {
    state[name] = value;
    emit(`change:${name}`);
  };

  const setEarlier = (earlier) => {
    if (!ui.sameEntries(earlier, state.earlier)) set("earlier", earlier);
  };

  // Write `entries` merged with whatever another tab stored meanwhile; true if written.
  // While storage holds what this tab last wrote, there is nothing to merge.
  function store(entries) {
    const stored = readBody(definition).body;
    const merged =
      stored.entries === base
        ? normalise({ entries, earlier: stored.earlier }, definition.repeat)
        : merge3(base, entries, stored.entries, definition.repeat, stored.earlier);
    let clean;
    try {
      clean = cleanBody(definition, merged).body; // never write what could not be read back
    } catch (error) {
      set("status", tr("exercise.status.not_saved", { problem: error.message }));
      return false;
    }
    try {
      writeBody(definition.id, clean, true);
    } catch {
      set("status", tr("exercise.status.storage_full"));
      return false;
    }
    base = clean.entries;
    setEarlier(clean.earlier);
    if (!ui.sameEntries(clean.entries, entries)) set("entries", clean.entries);
    refresh(definition.id, definitions, false, model);
    return true;
  }

  const model = {
    get: (name) => state[name],
    set,
    on(name, fn) {
      listeners[name] = [...(listeners[name] || []), fn];
    },
    off(name, fn) {
      listeners[name] = (listeners[name] || []).filter((f) => f !== fn);
    },
    save_changes() {
      if (!canStore) return;
      if (store(state.entries)) set("status", tr("exercise.status.saved_device", { time: clock() }));
    },
    // Storage changed (another tab, an action, a restore): show it, keeping unsaved work.
    catchUp(elsewhere = false) {
      if (!canStore) return;
      const stored = readBody(definition).body;
      if (stored.entries === base && ui.sameEntries(stored.earlier, state.earlier)) return; // nothing new
      const wiped = base.length > 0 && stored.entries.length === 0 && !stored.earlier.length;
      const merged = merge3(base, state.entries, stored.entries, definition.repeat, stored.earlier);
      const changed = !ui.sameEntries(merged.entries, state.entries);
      base = stored.entries;
      setEarlier(merged.earlier);
      if (changed || wiped) set("entries", merged.entries);
      if (wiped) set("status", tr("exercise.status.wiped"));
      else if (changed && elsewhere) set("status", tr("exercise.status.updated"));
    },
    send(message) {
      if (!canStore || !message) return;
      if (message.type === "bring-back") return bringBack(message.id);
      if (message.type !== "add-entry") return;
      const allowed = (definition.actions || []).some((a) => a.target === message.exercise);
      const target = definitions[message.exercise];
      if (!allowed || !target) return;
      try {
        const stored = readBody(target).body;
        // Clicked twice: the entry it made is there already (session.py: add_to).
        if (stored.entries.some((e) => madeFrom(e, message.answers))) return set("status", tr("exercise.status.already_added"));
        const entry = ui.newEntry(message.answers);
        const found = firstProblem(target.schema, { entries: [...stored.entries, entry] });
        if (found !== null) return set("status", tr("exercise.status.failed", { problem: found }));
        writeBody(target.id, { ...stored, entries: [...stored.entries, entry] });
      } catch {
        return set("status", tr("exercise.status.storage_full"));
      }
      refresh(message.exercise, definitions);
      set("status", message.done);
    },
  };

  // An earlier version becomes the answer again; the current one becomes earlier.
  function bringBack(entryId) {
    const chosen = state.earlier.find((e) => e.id === entryId);
    if (!chosen) return;
    const revived = { ...chosen, updated: ui.stamp() };
    const others = state.earlier.filter((e) => e.id !== entryId);
    const stored = readBody(definition).body;
    const earlier = [...stored.entries, ...others.filter((e) => !stored.entries.some((s) => s.id === e.id))];
    try {
      writeBody(definition.id, { entries: [revived], earlier });
    } catch {
      return set("status", tr("exercise.status.storage_full"));
    }
    base = [revived];
    setEarlier(earlier);
    set("entries", [revived]);
    set("status", tr("exercise.status.brought_back"));
  }

  if (!models.has(definition.id)) models.set(definition.id, []);
  models.get(definition.id).push(model);
  return model;
}
