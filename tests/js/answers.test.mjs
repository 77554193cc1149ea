// The book's answer checks and merges (front/schema.js, front/answers.js): first against
// Python's (schema.py with jsonschema, transfer.py, model.py) on the same files and on
// generated cases, so any drift between the two fails here; then case by case, what a
// learner restoring a file or working in two tabs gets. Run by pytest
// (tests/test_answer_files.py) or alone: node --test tests/js/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadBook } from "./front.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");

const expected = JSON.parse(
  execFileSync(python, [path.join(here, "expected.py")], { encoding: "utf8", maxBuffer: 1 << 28 }),
);
const js = loadBook();
const { definitions, documentSchema } = expected;

function outcome(run) {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (!(error instanceof js.AnswersError)) throw error;
    return { ok: false, message: error.message };
  }
}

test("every shared answers file gets the same verdict and message in both languages", () => {
  for (const item of expected.files) {
    const got = outcome(() => js.readDocument(item.text, definitions, documentSchema));
    const want = item.ok ? { ok: true, result: item.result } : { ok: false, message: item.message };
    assert.deepEqual(got, want, item.name);
  }
});

test("generated broken answers get the same verdict and message in both languages", () => {
  let refused = 0;
  for (const item of expected.generated) {
    const got = outcome(() => js.cleanBody(definitions[item.exercise], item.body).body);
    const want = item.ok ? { ok: true, result: item.result } : { ok: false, message: item.message };
    assert.deepEqual(got, want, `${item.exercise}: ${JSON.stringify(item.body)}`);
    refused += !item.ok;
  }
  assert.ok(refused > expected.generated.length / 3, "the generator must break most cases");
});

test("restoring into stored answers merges the same way in both languages", () => {
  for (const item of expected.merges) {
    const repeat = definitions[item.exercise].repeat;
    assert.deepEqual(js.merge(item.current, item.incoming, repeat), item.result, item.exercise);
  }
});

test("two writers on the same answers merge the same way in both languages", () => {
  let both = 0;
  for (const item of expected.merges3) {
    const repeat = definitions[item.exercise].repeat;
    const got = js.merge3(item.base, item.mine, item.theirs, repeat, item.earlier);
    assert.deepEqual(got, item.result, `${item.exercise}: ${JSON.stringify(item)}`);
    both += item.mine.some((m) => item.theirs.some((t) => t.id === m.id && JSON.stringify(t) !== JSON.stringify(m)));
  }
  assert.ok(both > expected.merges3.length / 4, "the generator must often change one set on both sides");
});

test("a schema keyword the browser does not know is refused, not skipped", () => {
  assert.throws(() => js.firstProblem({ format: "date-time" }, "x"), /unknown keyword/);
});

// ---- case by case ------------------------------------------------------------------------

const entry = (id, updated, answers) => ({ id, created: "2026-11-20T09:00:00Z", updated, answers });
const letter = definitions["brief-aan-jezelf"]; // one answer set: the letter
const map = definitions.steunkaart; // many answer sets: one per person
const refused = (run) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof js.AnswersError, error);
    return error.message;
  }
  assert.fail("not refused");
};

test("a stored answer is kept as the learner meant it: empty answers out, choices in the list's order", () => {
  const empty = { entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "", hulp: [] })] };
  assert.deepEqual(js.cleanBody(map, empty).body.entries[0].answers, {});
  const body = {
    entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els", kring: null, laatst: null, hulp: ["advies", "praktisch"] })],
  };
  const { body: clean, repaired } = js.cleanBody(map, body);
  assert.deepEqual(clean.entries[0].answers, { naam: "Els", hulp: ["praktisch", "advies"] });
  assert.deepEqual(clean.earlier, []);
  assert.equal(repaired, false);
});

test("two current letters (from two devices) become one answer and one earlier version, nothing lost", () => {
  const body = {
    entries: [
      entry("e1", "2026-11-20T09:00:00Z", { brief: "Op de laptop" }),
      entry("e2", "2026-11-22T09:00:00Z", { brief: "Op de telefoon" }),
    ],
  };
  const { body: clean, repaired } = js.cleanBody(letter, body);
  assert.equal(repaired, true);
  assert.deepEqual(clean.entries.map((e) => e.answers.brief), ["Op de telefoon"]);
  assert.deepEqual(clean.earlier.map((e) => e.answers.brief), ["Op de laptop"]);
});

test("a stored answer that does not fit is refused with the Dutch reason, never cut", () => {
  const long = { entries: [entry("e1", "2026-11-20T09:00:00Z", { brief: "x".repeat(10001) })] };
  assert.equal(
    refused(() => js.cleanBody(letter, long)),
    "Bij ‘Je brief’ staat te veel tekst: 10.001 tekens. Er passen er 10.000 in.",
  );
  const twice = { entries: [entry("e1", "2026-11-20T09:00:00Z", {}), entry("e1", "2026-11-21T09:00:00Z", {})] };
  assert.equal(refused(() => js.cleanBody(map, twice)), "Twee antwoorden hebben hetzelfde nummer.");
  const unknown = { entries: [entry("e1", "2026-11-20T09:00:00Z", { leeftijd: 40 })] };
  assert.equal(refused(() => js.cleanBody(map, unknown)), "Deze oefening kent de vraag ‘leeftijd’ niet.");
});

test("a file that is not ours, too big, too deep or broken inside is refused with a reason", () => {
  const read = (text) => refused(() => js.readDocument(text, definitions, documentSchema));
  const file = (exercises) => JSON.stringify({ format: "toelaten-antwoorden", schema: 2, exercises });
  assert.match(read("mijn boodschappenlijst"), /^Dit is geen antwoordenbestand van deze cursus\. Kies het bestand/);
  assert.match(read(`${"[".repeat(40)}${"]".repeat(40)}`), /^Dit is geen antwoordenbestand/);
  assert.equal(read(" ".repeat(10 * 1024 * 1024 + 1)), "Dit bestand is te groot voor een antwoordenbestand.");
  assert.equal(read(file({ "oude-oefening": { entries: [] } })), "Dit bestand bevat een oefening die deze cursus niet kent: oude-oefening.");
  assert.equal(
    read(file({ "brief-aan-jezelf": { entries: [entry("e1", "2026-11-20T09:00:00Z", { brief: 3 })] } })),
    "‘Een brief aan jezelf’: Bij ‘Je brief’ hoort tekst te staan.",
  );
  const halfEmoji = file({ "brief-aan-jezelf": { entries: [entry("e1", "2026-11-20T09:00:00Z", { brief: "x" })] } }).replace(
    '"brief":"x"',
    '"brief":"\\ud83d"',
  );
  assert.equal(read(halfEmoji), "‘Een brief aan jezelf’: In een antwoord staat een teken dat niet kan worden bewaard.");
});

test("a good file is read as clean answers per exercise", () => {
  const text = JSON.stringify({
    format: "toelaten-antwoorden",
    schema: 1,
    exercises: { steunkaart: { entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els", kring: null })] } },
  });
  assert.deepEqual(js.readDocument(text, definitions, documentSchema), {
    steunkaart: { entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" })], earlier: [] },
  });
});

test("restoring a file keeps what is there: newer answer current, the other an earlier version", () => {
  const here = { entries: [entry("e1", "2026-11-21T09:00:00Z", { brief: "Hier geschreven" })] };
  const file = { entries: [entry("e1", "2026-11-23T09:00:00Z", { brief: "Uit het bestand" })] };
  const restored = js.merge(here, file, false);
  assert.deepEqual(restored.entries.map((e) => e.answers.brief), ["Uit het bestand"]);
  assert.deepEqual(restored.earlier.map((e) => e.answers.brief), ["Hier geschreven"]);
  assert.deepEqual(js.merge(restored, file, false), restored, "the same file again changes nothing");
  assert.deepEqual(js.merge(restored, here, false), restored, "nor does the older one");
});

test("restoring into a map adds the people from the file and keeps both versions of a changed one", () => {
  const here = { entries: [entry("e1", "2026-11-21T09:00:00Z", { naam: "Els" }), entry("e2", "2026-11-21T09:00:00Z", { naam: "Jan" })] };
  const file = { entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els (buurvrouw)" }), entry("e3", "2026-11-20T09:00:00Z", { naam: "Ria" })] };
  const restored = js.merge(here, file, true);
  assert.deepEqual(restored.entries.map((e) => e.answers.naam), ["Els", "Jan", "Els (buurvrouw)", "Ria"]);
  assert.equal(new Set(restored.entries.map((e) => e.id)).size, 4, "the kept copy has its own id");
  assert.deepEqual(js.merge(restored, file, true), restored, "the same file again changes nothing");
});

test("two tabs adding people to one map keep everyone", () => {
  const base = [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" })];
  const mine = [...base, entry("e2", "2026-11-21T09:00:00Z", { naam: "Jan" })];
  const theirs = [...base, entry("e3", "2026-11-21T09:01:00Z", { naam: "Ria" })];
  const merged = js.merge3(base, mine, theirs, true);
  assert.deepEqual(merged.entries.map((e) => e.answers.naam).sort(), ["Els", "Jan", "Ria"]);
});

test("two tabs changing different questions of one answer keep both changes", () => {
  const base = [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" })];
  const mine = [entry("e1", "2026-11-21T09:00:00Z", { naam: "Els", kring: "dichtbij" })];
  const theirs = [entry("e1", "2026-11-21T09:05:00Z", { naam: "Els", laatst: "week" })];
  const merged = js.merge3(base, mine, theirs, true);
  assert.deepEqual(merged.entries, [entry("e1", "2026-11-21T09:05:00Z", { naam: "Els", kring: "dichtbij", laatst: "week" })]);
});

test("two tabs writing the same letter differently: this tab's text is the answer, the other's an earlier version", () => {
  const base = [entry("e1", "2026-11-20T09:00:00Z", { brief: "Begin" })];
  const mine = [entry("e1", "2026-11-21T09:00:00Z", { brief: "Begin, in dit venster" })];
  const theirs = [entry("e1", "2026-11-21T09:05:00Z", { brief: "Begin, in het andere venster" })];
  const single = js.merge3(base, mine, theirs, false);
  assert.deepEqual(single.entries.map((e) => e.answers.brief), ["Begin, in dit venster"]);
  assert.deepEqual(single.earlier.map((e) => e.answers.brief), ["Begin, in het andere venster"]);
  const repeat = js.merge3(base, mine, theirs, true); // in a map, both stay on it
  assert.deepEqual(repeat.entries.map((e) => e.answers.brief), ["Begin, in dit venster", "Begin, in het andere venster"]);
});

test("a removal in one tab stays removed unless the other tab changed that answer meanwhile", () => {
  const els = entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" });
  const jan = entry("e2", "2026-11-20T09:00:00Z", { naam: "Jan" });
  const janChanged = entry("e2", "2026-11-21T09:00:00Z", { naam: "Jan", kring: "midden" });
  const removedThere = js.merge3([els, jan], [els, jan], [els], true);
  assert.deepEqual(removedThere.entries.map((e) => e.answers.naam), ["Els"]);
  const removedHere = js.merge3([els, jan], [els], [els, jan], true);
  assert.deepEqual(removedHere.entries.map((e) => e.answers.naam), ["Els"]);
  const changedHere = js.merge3([els, jan], [els, janChanged], [els], true);
  assert.deepEqual(changedHere.entries, [els, janChanged]);
});
