// store.js: the book's answers in localStorage, through the model the exercise UI uses
// (get, set, save_changes, send). Each "tab" is its own copy of the book's script on one
// shared fake localStorage; where a browser would send a storage event to the other tab,
// a test calls refresh() as book.js's listener does. The rules are those of CONTRIBUTING.md
// ("No answer is lost"); tests/test_answers_kept.py checks the same in a real browser.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeStorage, definitions, loadBook } from "./front.mjs";

const { definitions: defs } = definitions();
const KEY = "toelaten:v1:";
const SAVED = /^Bewaard op dit apparaat om \d{2}:\d{2}\.$/;
const FULL = /^Niet bewaard: je browser heeft geen ruimte meer voor deze cursus\. Wat je eerder bewaarde, staat er nog\./;

const entry = (id, updated, answers) => ({ id, created: "2026-11-20T09:00:00Z", updated, answers });
const tab = (storage) => loadBook({ window: { localStorage: storage } });
const open = (book, id, canStore = true) => book.storageModel(defs[id], defs, canStore);
const stored = (storage, id) => JSON.parse(storage[KEY + id] ?? "null");
const texts = (entries, field) => entries.map((e) => e.answers[field]);

// What the exercise UI does when the learner types (ui.js: save()).
function type(model, entries) {
  model.set("entries", structuredClone(entries));
  model.save_changes();
}

test("a typed answer is written at once, says Bewaard, and is there after a reload", () => {
  const storage = new FakeStorage();
  const letter = open(tab(storage), "brief-aan-jezelf");
  assert.equal(letter.get("status"), "");
  const written = entry("e1", "2026-11-20T09:00:00Z", { brief: "Lieve ik," });
  type(letter, [written]);
  assert.match(letter.get("status"), SAVED);
  assert.deepEqual(stored(storage, "brief-aan-jezelf"), { entries: [written] });
  assert.deepEqual(open(tab(storage), "brief-aan-jezelf").get("entries"), [written]);
  type(letter, []); // the last answer removed: nothing stays behind
  assert.equal(stored(storage, "brief-aan-jezelf"), null);
});

test("with storage full nothing says Bewaard, the learner is told, and the earlier answer stays", () => {
  const storage = new FakeStorage();
  const letter = open(tab(storage), "brief-aan-jezelf");
  const first = entry("e1", "2026-11-20T09:00:00Z", { brief: "Eerste versie" });
  const second = entry("e1", "2026-11-20T09:05:00Z", { brief: "Tweede versie, veel langer dan de eerste" });
  type(letter, [first]);
  storage.quota = Object.keys(storage).reduce((n, k) => n + k.length + storage[k].length, 0) + 10;
  type(letter, [second]);
  assert.match(letter.get("status"), FULL);
  assert.deepEqual(stored(storage, "brief-aan-jezelf").entries, [first]);
  assert.deepEqual(letter.get("entries"), [second], "what was typed stays on the screen");
  storage.quota = Infinity; // room again (the learner cleared some): the next change is saved
  type(letter, [second]);
  assert.match(letter.get("status"), SAVED);
  assert.deepEqual(stored(storage, "brief-aan-jezelf").entries, [second]);
});

test("an answer that would not read back is not written, and the reason is said", () => {
  const storage = new FakeStorage();
  const letter = open(tab(storage), "brief-aan-jezelf");
  type(letter, [entry("e1", "2026-11-20T09:00:00Z", { brief: "x".repeat(10001) })]);
  assert.equal(letter.get("status"), "Niet bewaard. Bij ‘Je brief’ staat te veel tekst: 10.001 tekens. Er passen er 10.000 in.");
  assert.deepEqual(Object.keys(storage), []);
});

test("two tabs adding people to one map keep everyone, and the other tab catches up", () => {
  const storage = new FakeStorage();
  const [a, b] = [open(tab(storage), "steunkaart"), open(tab(storage), "steunkaart")];
  const els = entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" });
  const jan = entry("e2", "2026-11-20T09:01:00Z", { naam: "Jan" });
  type(a, [els]);
  type(b, [jan]); // b never saw Els
  assert.match(b.get("status"), SAVED);
  assert.deepEqual(texts(stored(storage, "steunkaart").entries, "naam"), ["Jan", "Els"]);
  assert.deepEqual(texts(b.get("entries"), "naam"), ["Jan", "Els"], "the saving tab shows Els too");
  a.catchUp(true); // the storage event in tab a
  assert.deepEqual(texts(a.get("entries"), "naam"), ["Els", "Jan"]);
  assert.equal(a.get("status"), "Bijgewerkt met wat er in een ander venster is bewaard.");
});

test("two tabs writing the same letter: the last save is the answer, the other an earlier version", () => {
  const storage = new FakeStorage();
  const start = entry("e1", "2026-11-20T09:00:00Z", { brief: "Begin" });
  type(open(tab(storage), "brief-aan-jezelf"), [start]);
  const [a, b] = [open(tab(storage), "brief-aan-jezelf"), open(tab(storage), "brief-aan-jezelf")];
  type(a, [{ ...start, updated: "2026-11-20T09:10:00Z", answers: { brief: "Begin, in venster A" } }]);
  type(b, [{ ...start, updated: "2026-11-20T09:11:00Z", answers: { brief: "Begin, in venster B" } }]);
  const body = stored(storage, "brief-aan-jezelf");
  assert.deepEqual(texts(body.entries, "brief"), ["Begin, in venster B"]);
  assert.deepEqual(texts(body.earlier, "brief"), ["Begin, in venster A"]);
  a.catchUp(true);
  assert.deepEqual(texts(a.get("entries"), "brief"), ["Begin, in venster B"]);
  assert.deepEqual(texts(a.get("earlier"), "brief"), ["Begin, in venster A"], "tab A finds its text back");
});

test("a wipe in another tab shows here, and what is typed next is kept without the wiped answers", () => {
  const storage = new FakeStorage();
  const book = tab(storage);
  const map = open(book, "steunkaart");
  type(map, [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" })]);
  storage.clear(); // "Alles wissen" on Mijn werkboek in another tab
  book.refresh("steunkaart", defs, true);
  assert.deepEqual(map.get("entries"), []);
  assert.equal(map.get("status"), "Je antwoorden bij deze oefening zijn gewist, op een andere pagina of in een ander venster.");
  type(map, [entry("e2", "2026-11-20T09:05:00Z", { naam: "Jan" })]);
  assert.deepEqual(texts(stored(storage, "steunkaart").entries, "naam"), ["Jan"]);
});

test("a damaged entry is set aside for Mijn werkboek, the rest works, and the notice comes once", () => {
  const storage = new FakeStorage();
  const els = entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" });
  const broken = { id: "e2", answers: "kapot" };
  storage.setItem(`${KEY}steunkaart`, JSON.stringify({ entries: [els, broken] }));
  const book = tab(storage);
  const map = open(book, "steunkaart");
  assert.deepEqual(map.get("entries"), [els]);
  assert.equal(
    map.get("status"),
    "Een deel van je antwoorden hier kon niet worden gelezen. Je vindt het bij Mijn werkboek, onder ‘Kon niet worden gelezen’.",
  );
  assert.deepEqual(book.asideOf("steunkaart").map((k) => k.raw), [JSON.stringify(broken)]);
  assert.deepEqual(stored(storage, "steunkaart"), { entries: [els] });
  const again = tab(storage);
  assert.equal(open(again, "steunkaart").get("status"), "");
  assert.deepEqual(again.asideOf("steunkaart").map((k) => k.raw), [JSON.stringify(broken)]);
});

test("a store that is not JSON at all is set aside whole, never dropped", () => {
  const storage = new FakeStorage();
  storage.setItem(`${KEY}steunkaart`, "{kapot");
  const book = tab(storage);
  const map = open(book, "steunkaart");
  assert.deepEqual(map.get("entries"), []);
  assert.match(map.get("status"), /kon niet worden gelezen/);
  assert.deepEqual(book.asideOf("steunkaart").map((k) => k.raw), ["{kapot"]);
});

test("with storage full, a damaged entry is shown aside from memory and the stored original is kept", () => {
  const raw = JSON.stringify({ entries: [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" }), { id: "e2" }] });
  // Full to the last character: the piece cannot be set aside, though the smaller cleaned
  // version would fit in place of the original. Writing it would lose the piece.
  const storage = new FakeStorage({ quota: KEY.length + "steunkaart".length + raw.length });
  storage.setItem(`${KEY}steunkaart`, raw);
  const book = tab(storage);
  const map = open(book, "steunkaart");
  assert.deepEqual(texts(map.get("entries"), "naam"), ["Els"]);
  assert.deepEqual(book.asideOf("steunkaart").map((k) => k.raw), [JSON.stringify({ id: "e2" })]);
  assert.equal(storage.getItem(`${KEY}steunkaart`), raw, "not replaced by the cleaned version");
});

test("an entry with one question this course no longer has keeps its other answers", () => {
  const storage = new FakeStorage();
  const old = entry("e1", "2026-11-20T09:00:00Z", { naam: "Els", leeftijd: 40 });
  storage.setItem(`${KEY}steunkaart`, JSON.stringify({ entries: [old] }));
  const book = tab(storage);
  assert.deepEqual(open(book, "steunkaart").get("entries"), [{ ...old, answers: { naam: "Els" } }]);
  assert.deepEqual(book.asideOf("steunkaart").map((k) => JSON.parse(k.raw)), [old]);
});

test("two current letters are repaired once, and the earlier one can come back", () => {
  const storage = new FakeStorage();
  const laptop = entry("e1", "2026-11-20T09:00:00Z", { brief: "Op de laptop" });
  const phone = entry("e2", "2026-11-22T09:00:00Z", { brief: "Op de telefoon" });
  storage.setItem(`${KEY}brief-aan-jezelf`, JSON.stringify({ entries: [laptop, phone] }));
  const letter = open(tab(storage), "brief-aan-jezelf");
  assert.equal(
    letter.get("status"),
    "Bij deze oefening stonden twee antwoorden. Het nieuwste staat hieronder; het andere vind je bij ‘Eerdere versies’.",
  );
  assert.deepEqual(letter.get("entries"), [phone]);
  assert.deepEqual(letter.get("earlier"), [laptop]);
  assert.deepEqual(stored(storage, "brief-aan-jezelf"), { entries: [phone], earlier: [laptop] });
  assert.equal(open(tab(storage), "brief-aan-jezelf").get("status"), "", "repaired once, so said once");

  letter.send({ type: "bring-back", id: "e1" });
  assert.equal(letter.get("status"), "Die eerdere versie staat er weer. De vorige vind je nu bij ‘Eerdere versies’.");
  assert.deepEqual(texts(letter.get("entries"), "brief"), ["Op de laptop"]);
  assert.deepEqual(texts(stored(storage, "brief-aan-jezelf").entries, "brief"), ["Op de laptop"]);
  assert.deepEqual(stored(storage, "brief-aan-jezelf").earlier, [phone]);
});

test("an action copies an answer into its target exercise on the same page, and only there", () => {
  const storage = new FakeStorage();
  const book = tab(storage);
  const voice = open(book, "wiens-stem");
  const ladder = open(book, "vraagladder");
  const action = defs["wiens-stem"].actions.find((a) => a.target === "vraagladder");
  voice.send({ type: "add-entry", exercise: "vraagladder", answers: { vraag: "Wil je me helpen?" }, done: action.done });
  assert.equal(voice.get("status"), action.done);
  assert.deepEqual(texts(stored(storage, "vraagladder").entries, "vraag"), ["Wil je me helpen?"]);
  assert.deepEqual(texts(ladder.get("entries"), "vraag"), ["Wil je me helpen?"], "the ladder on the page shows it");
  voice.send({ type: "add-entry", exercise: "brief-aan-jezelf", answers: { brief: "x" }, done: "Klaar." });
  assert.equal(stored(storage, "brief-aan-jezelf"), null, "not an action of this exercise");
});

test("the day 5 map sees the day 1 map, also after the day 1 map changes in another tab", () => {
  const storage = new FakeStorage();
  const book = tab(storage);
  const now = open(book, "steunkaart-2");
  assert.deepEqual(now.get("related"), { steunkaart: [] });
  type(open(tab(storage), "steunkaart"), [entry("e1", "2026-11-20T09:00:00Z", { naam: "Els" })]);
  book.refresh("steunkaart", defs, true);
  assert.deepEqual(texts(now.get("related").steunkaart, "naam"), ["Els"]);
});

test("a browser that blocks storage is said so, and nothing claims to be saved", () => {
  const storage = new FakeStorage();
  storage.blocked = true;
  const book = tab(storage);
  assert.equal(book.storageReadable(), false);
  const letter = open(book, "brief-aan-jezelf", book.storageReadable());
  assert.equal(letter.get("status"), "Je browser laat deze pagina niets bewaren. Wat je invult, is weg als je de pagina sluit.");
  type(letter, [entry("e1", "2026-11-20T09:00:00Z", { brief: "Lieve ik," })]);
  assert.doesNotMatch(letter.get("status"), /Bewaard/);
  storage.blocked = false;
  assert.deepEqual(Object.keys(storage), []);
});

test("typing in a long list: each keystroke is kept, and another tab's work is still merged in", () => {
  const storage = new FakeStorage();
  const people = Array.from({ length: 300 }, (_, i) => entry(`p${i}`, "2026-11-20T09:00:00Z", { naam: `Persoon ${i}` }));
  const a = open(tab(storage), "steunkaart");
  let mine = people;
  const keystroke = (text) => {
    // As ui.js does: a new list with one new entry, the others the same objects.
    mine = mine.slice();
    mine[0] = { ...mine[0], updated: "2026-11-20T09:05:00Z", answers: { naam: text } };
    a.set("entries", mine);
    a.save_changes();
  };
  keystroke("I");
  keystroke("In");
  assert.equal(stored(storage, "steunkaart").entries[0].answers.naam, "In");
  const b = open(tab(storage), "steunkaart"); // another tab adds someone
  b.set("entries", [...b.get("entries"), entry("new", "2026-11-20T09:06:00Z", { naam: "Sam" })]);
  b.save_changes();
  keystroke("Ing");
  const names = texts(stored(storage, "steunkaart").entries, "naam");
  assert.equal(names.length, 301);
  assert.equal(names[0], "Ing");
  assert.ok(names.includes("Sam"), "the other tab's person is kept");
  assert.ok(names.includes("Sam") && texts(a.get("entries"), "naam").includes("Sam"), "and shown here");
  // A text too long among hundreds already checked is still refused, and not written.
  keystroke("x".repeat(1001));
  assert.match(a.get("status"), /^Niet bewaard\. Bij ‘Wie is het\?’ staat te veel tekst/);
  assert.equal(stored(storage, "steunkaart").entries[0].answers.naam, "Ing");
});

test("a copy on day 5's map keeps the entry it came from; a bad one is refused", () => {
  const storage = new FakeStorage();
  const now = open(tab(storage), "steunkaart-2");
  const copy = { ...entry("n1", "2026-11-20T09:00:00Z", { naam: "Els" }), origin: "e1" };
  type(now, [copy]);
  assert.deepEqual(stored(storage, "steunkaart-2").entries, [copy]);
  assert.deepEqual(open(tab(storage), "steunkaart-2").get("entries"), [copy], "read back with its origin");
  type(now, [{ ...copy, origin: "not an id!" }]);
  assert.match(now.get("status"), /^Niet bewaard\. Een antwoord heeft geen geldig nummer\./);
  const day1 = open(tab(storage), "steunkaart");
  type(day1, [copy]);
  assert.match(day1.get("status"), /^Niet bewaard\./, "day 1's map has no origins");
});
