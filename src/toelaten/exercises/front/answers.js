// A learner's answers in the book: checking a restored file or a stored value, and the
// merges. No DOM and no storage here, so tests/js/ runs it in node.
//
// What is valid comes from the schemas in the definitions (schema.py, read by schema.js).
// The merges follow transfer.py (merge), model.py (normalise, copy_id) and merging.py
// (merge3); tests/js/ checks they give the same results on the same files.

const FORMAT = "toelaten-antwoorden";
const SCHEMA = 2;
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_DEPTH = 32;

class AnswersError extends Error {}

function refuse(message) {
  throw new AnswersError(message);
}

function emptyAnswer(value) {
  return (
    value === undefined || value === null || value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

// Empty answers left out, options in the definition's order (model.py: _answers).
function normalAnswers(definition, answers) {
  const fields = Object.fromEntries(definition.fields.map((f) => [f.id, f]));
  const clean = {};
  for (const [key, value] of Object.entries(answers)) {
    if (emptyAnswer(value)) continue;
    const field = fields[key];
    const ids = (field.options || []).map((o) => o.id);
    if (field.kind === "multi") clean[key] = ids.filter((id) => value.includes(id));
    else if (field.kind === "roles")
      clean[key] = Object.fromEntries(Object.keys(value).sort(byCodePoint).map((k) => [k, value[k]]));
    else clean[key] = value;
  }
  return clean;
}

// Entries already found valid and normal for a definition: entry -> definition. Nothing
// changes an entry in place (a change makes a new one), so a typed keystroke checks the
// one entry it changed, not the hundreds around it.
const checked = new WeakMap();
const STAND_IN = { id: "x", created: "2026-01-01T00:00:00Z", updated: "2026-01-01T00:00:00Z", answers: {} };

function normalEntries(definition, entries) {
  const seen = new Set();
  return entries.map((entry) => {
    if (seen.has(entry.id)) refuse(tr("answers.same_id"));
    seen.add(entry.id);
    if (checked.get(entry) === definition) return entry;
    const answers = normalAnswers(definition, entry.answers);
    const normal = JSON.stringify(answers) === JSON.stringify(entry.answers) ? entry : { ...entry, answers };
    checked.set(normal, definition);
    return normal;
  });
}

// The id of a kept copy: derived from its own date (model.py: copy_id).
function copyId(entry) {
  return `${entry.id.slice(0, 40)}-${entry.updated.replace(/[^0-9]/g, "").slice(0, 14)}`;
}

function sameValue(a, b) {
  return canonical(a) === canonical(b);
}

// One current answer set in a single-set exercise; the others become earlier versions
// (model.py: normalise). Nothing is dropped.
function normalise(body, repeat) {
  let entries = body.entries.slice();
  let earlier = (body.earlier || []).slice();
  if (!repeat && entries.length > 1) {
    let newest = 0;
    entries.forEach((e, i) => {
      if (e.updated > entries[newest].updated) newest = i;
    });
    const taken = new Set([entries[newest].id, ...earlier.map((e) => e.id)]);
    const older = [];
    entries.forEach((entry, i) => {
      if (i === newest || earlier.some((e) => sameValue(e, entry))) return;
      if (taken.has(entry.id)) entry = { ...entry, id: copyId(entry) };
      if (!taken.has(entry.id)) {
        taken.add(entry.id);
        older.push(entry);
      }
    });
    entries = [entries[newest]];
    earlier = [...older, ...earlier];
  }
  return { entries, earlier };
}

// A body ({entries, earlier}) checked against the exercise's schema and repaired where it
// must be; {body, repaired}. Throws AnswersError with the learner's message. An entry
// checked before is checked as a valid stand-in (the list's own rules still apply).
function cleanBody(definition, body) {
  const fresh = (list) => (Array.isArray(list) ? list.map((e) => (checked.get(e) === definition ? STAND_IN : e)) : list);
  const outline = body && typeof body === "object" && !Array.isArray(body) ? { ...body, entries: fresh(body.entries) } : body;
  if (outline !== body && "earlier" in body) outline.earlier = fresh(body.earlier);
  const found = firstProblem(definition.schema, outline);
  if (found !== null) refuse(found);
  const cleaned = {
    entries: normalEntries(definition, body.entries),
    earlier: normalEntries(definition, body.earlier || []),
  };
  // Only a single-set exercise with more than one current set changes in normalise().
  return { body: normalise(cleaned, definition.repeat), repaired: !definition.repeat && cleaned.entries.length > 1 };
}

function tooDeep(text) {
  let depth = 0;
  for (const char of text) {
    if (char === "[" || char === "{") {
      if (++depth > MAX_DEPTH) return true;
    } else if (char === "]" || char === "}") depth -= 1;
  }
  return false;
}

// JSON can spell half a character (a lone surrogate); no file or store can keep it.
function hasLoneSurrogate(value) {
  if (typeof value === "string") return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || hasLoneSurrogate(v));
  return false;
}

// Validated answers per exercise from a downloaded file (transfer.py: read_document).
function readDocument(text, definitions, documentSchema) {
  if (text.length > MAX_BYTES) refuse(tr("answers.too_big"));
  if (tooDeep(text)) refuse(tr("answers.not_ours"));
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    refuse(tr("answers.not_ours"));
  }
  const found = firstProblem(documentSchema, data);
  if (found !== null) refuse(found);
  const result = {};
  for (const [id, body] of Object.entries(data.exercises)) {
    const definition = definitions[id];
    try {
      result[id] = cleanBody(definition, body).body;
      if (hasLoneSurrogate(result[id]))
        refuse(tr("answers.bad_character"));
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      refuse(tr("answers.in_exercise", { title: definition.title, problem: error.message }));
    }
  }
  return result;
}

// A restored file into what is there, losing nothing (transfer.py: merge).
function merge(current, incoming, repeat) {
  const entries = (current.entries || []).map((e) => ({ ...e }));
  const earlier = (current.earlier || []).map((e) => ({ ...e }));
  const taken = new Set([...entries, ...earlier].map((e) => e.id));
  const index = new Map(entries.map((e, i) => [e.id, i]));
  for (let entry of incoming.entries || []) {
    const i = index.get(entry.id);
    if (i === undefined) {
      if (earlier.some((e) => e.id === entry.id && sameValue(e.answers, entry.answers))) continue;
      if (taken.has(entry.id)) {
        entry = { ...entry, id: copyId(entry) };
        if (taken.has(entry.id)) continue;
      }
      index.set(entry.id, entries.length);
      taken.add(entry.id);
      entries.push({ ...entry });
      continue;
    }
    const mine = entries[i];
    if (sameValue(mine.answers, entry.answers)) continue;
    const [newer, older] = entry.updated > mine.updated ? [entry, mine] : [mine, entry];
    entries[i] = { ...newer };
    const kept = { ...older, id: copyId(older) };
    if (!taken.has(kept.id)) {
      taken.add(kept.id);
      entries.push(kept);
    }
  }
  for (const entry of incoming.earlier || []) {
    if (!taken.has(entry.id)) {
      taken.add(entry.id);
      earlier.push({ ...entry });
    }
  }
  return normalise({ entries, earlier }, repeat);
}

// Three-way merge of two tabs' work on one exercise (transfer.py: merge3). `base` is what
// this tab last read or wrote, `mine` what it has now, `theirs` and `earlier` what is
// stored now. Where both changed the same field, theirs is kept as a copy (an earlier
// version in a single-set exercise). Returns the body to store: {entries, earlier}.
function merge3(base, mine, theirs, repeat, earlier = []) {
  const byId = (list) => new Map(list.map((e) => [e.id, e]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const changed = (x, y) => !sameValue(x, y);
  const result = [];
  const copies = [];
  for (const entry of mine) {
    const old = b.get(entry.id);
    const other = t.get(entry.id);
    if (!old) result.push(entry); // new here
    else if (!other) {
      if (changed(entry, old)) result.push(entry); // deleted there, but changed here
    } else if (!changed(entry, old)) result.push(other);
    else if (!changed(other, old)) result.push(entry);
    else {
      const answers = {};
      let clash = false;
      const keys = new Set([...Object.keys(old.answers), ...Object.keys(entry.answers), ...Object.keys(other.answers)]);
      for (const key of keys) {
        const [was, here, there] = [old, entry, other].map((x) => x.answers[key]);
        const pick = changed(here, was) ? entry.answers : other.answers;
        clash = clash || (changed(here, was) && changed(there, was) && changed(here, there));
        if (pick[key] !== undefined) answers[key] = pick[key];
      }
      const updated = entry.updated > other.updated ? entry.updated : other.updated;
      result.push({ ...entry, updated, answers });
      if (clash) copies.push({ ...other, id: copyId(other) });
    }
  }
  for (const entry of theirs) {
    if (m.has(entry.id)) continue;
    const old = b.get(entry.id);
    if (!old || changed(entry, old)) result.push(entry); // added there, or changed there
  }
  const taken = new Set([...result, ...earlier].map((e) => e.id));
  for (const copy of copies) if (!taken.has(copy.id)) result.push(copy);
  return normalise({ entries: result, earlier: earlier.slice() }, repeat);
}
