// lookback.js and entrylist.js: day 5's map taking over day 1's and what changed between
// them (people matched by entry, not by spelling), day 1's log shown on day 2, and the
// order of a list of entries. Drawn into front.mjs's tiny fake document; real definitions.
import assert from "node:assert/strict";
import { test } from "node:test";
import { definitions, fakeDocument, loadUi, tableRows } from "./front.mjs";

const { definitions: defs } = definitions();
const ui = loadUi({ document: fakeDocument });
const entry = (id, answers, more = {}) => ({ id, created: "2026-11-20T09:00:00Z", updated: "2026-11-20T09:00:00Z", answers, ...more });
const day5 = defs["steunkaart-2"];
const compareView = (now, before) => ui.OVERVIEWS.compare(day5, now, { steunkaart: before });
const lines = (view) => view.all("ul")[0]?.all("li").map((li) => li.textContent);

const DAY1 = [
  entry("a", { naam: "Ingrid", kring: "dichtbij", hulp: ["emotioneel"], laatst: "jaar" }),
  entry("b", { naam: "Buurvrouw Els", kring: "verder", laatst: "nooit" }),
  entry("c", { naam: "Koen", kring: "midden" }),
  entry("d", { kring: "midden" }), // no name yet: on nobody's map
];

test("taking over copies each person with their answers and the entry they came from", () => {
  const copies = ui.takeOver(day5, DAY1);
  assert.deepEqual(
    copies.map((c) => [c.origin, c.answers]),
    DAY1.map((e) => [e.id, e.answers]),
  );
  assert.equal(new Set(copies.map((c) => c.id)).size, copies.length, "every copy has an id of its own");
  for (const copy of copies) {
    assert.match(copy.id, /^[A-Za-z0-9_-]{1,64}$/);
    assert.ok(!DAY1.some((e) => e.id === copy.id), "a new entry, not day 1's");
  }
  copies[0].answers.hulp.push("advies");
  assert.deepEqual(DAY1[0].answers.hulp, ["emotioneel"], "day 1's answers are not shared with the copy");
  assert.deepEqual(ui.takeOver(day5, [entry("x", {})]), [], "an empty entry is not worth taking over");
  const many = ui.takeOver(day5, Array.from({ length: 500 }, (_, i) => entry(`p${i}`, { naam: `P${i}` })));
  assert.equal(new Set(many.map((c) => c.id)).size, 500);
});

test("people are matched by the entry they came from, whatever their name is now", () => {
  const [ingrid, els, koen] = ui.takeOver(day5, DAY1);
  const now = [
    { ...ingrid, answers: { ...ingrid.answers, naam: "Ingrid B.", kring: "verder" } }, // renamed, moved out
    { ...els, answers: { ...els.answers, kring: "dichtbij", laatst: "week" } }, // closer, asked
    { ...koen, answers: { ...koen.answers, naam: "Ingrid" } }, // Koen renamed to Ingrid: still Koen
  ];
  assert.deepEqual(ui.compareMaps(day5, now, DAY1), {
    added: [],
    closer: ["Buurvrouw Els"],
    further: ["Ingrid B."],
    askedMore: ["Buurvrouw Els"],
    gone: [],
    renamed: [
      ["Ingrid", "Ingrid B."],
      ["Koen", "Ingrid"],
    ],
  });
  assert.deepEqual(lines(compareView(now, DAY1)), [
    "Dichterbij gekomen: Buurvrouw Els.",
    "Verder weg gegaan: Ingrid B. (op dag 1: Ingrid).",
    "Vaker gevraagd dan op dag 1: Buurvrouw Els.",
  ]);
});

test("someone added by hand is matched by name; the rest is new, or gone", () => {
  const now = [
    entry("n1", { naam: " ingrid", kring: "dichtbij", laatst: "week" }),
    entry("n2", { naam: "Oefenmaatje Sam", kring: "midden" }),
    entry("n3", { naam: "Koen", kring: "midden" }, { origin: "gone-from-day-1" }),
  ];
  const changes = ui.compareMaps(day5, now, DAY1);
  assert.deepEqual([changes.added, changes.gone, changes.askedMore], [["Oefenmaatje Sam"], ["Buurvrouw Els"], ["ingrid"]]);
  assert.deepEqual(lines(compareView(now, DAY1)), [
    "Nieuw op je kaart: Oefenmaatje Sam.",
    "Vaker gevraagd dan op dag 1: ingrid.",
    "Niet meer op je kaart: Buurvrouw Els.",
  ]);
});

test("before day 5's map is begun nothing is compared: day 1's map is shown, nobody is gone", () => {
  const view = compareView([], DAY1);
  assert.equal(view.all("ul").length, 0, "no list of changes");
  assert.doesNotMatch(view.textContent, /Niet meer op je kaart/);
  assert.deepEqual(tableRows(view.all("table")[0]).slice(1), [
    ["Heel dichtbij", "Ingrid"],
    ["Dichtbij", "Koen"],
    ["Wat verder weg", "Buurvrouw Els"],
  ]);
  const copied = compareView(ui.takeOver(day5, DAY1), DAY1);
  assert.equal(copied.all("table").length, 2, "both maps, side by side");
  assert.match(copied.textContent, /Je kaart is nog net als op dag 1\./);
  assert.match(compareView([entry("n1", { naam: "Sam", kring: "midden" })], []).textContent, /Op dag 1 heb je nog geen steunkaart ingevuld\./);
  assert.equal(compareView([], []), null, "nothing on either map: no overview");
});

test("day 2 shows the log of day 1, read-only, or says it is empty and where it is", () => {
  const spec = defs["wiens-stem"].look_back;
  const log = [
    entry("m1", { wanneer: "Dinsdag", wat: "Een lift naar het ziekenhuis", tegenhield: "Ik wil niemand lastigvallen.", spanning: 7 }),
    entry("m2", { wie: "Mijn zus" }),
    entry("m3", {}),
  ];
  const view = ui.lookBack(spec, log, "../dag-1/afsluiting.html#oefening-twijfelmoment");
  assert.equal(view.all("summary")[0].textContent, "Je logboek van dag 1 (2)");
  const items = view.all("li");
  assert.equal(items.length, 2, "an empty moment is left out");
  assert.equal(items[0].all("p")[0].textContent, "Een lift naar het ziekenhuis");
  assert.deepEqual(
    items[0].all("dd").map((d) => d.textContent),
    ["Dinsdag", "Ik wil niemand lastigvallen.", "7 van 10"],
  );
  assert.equal(items[1].all("p")[0].textContent, "(moment nog niet ingevuld)");
  assert.equal(view.all("button").length + view.all("input").length + view.all("textarea").length, 0, "read-only");
  assert.equal(view.all("a")[0].getAttribute("href"), "../dag-1/afsluiting.html#oefening-twijfelmoment");
  const empty = ui.lookBack(spec, [], "../dag-1/afsluiting.html#oefening-twijfelmoment");
  assert.match(empty.textContent, /Je hebt nog niets in je logboek van dag 1 gezet\./);
  assert.equal(empty.all("a")[0].textContent, "Naar je logboek van dag 1");
  assert.equal(ui.lookBack(spec, [], null).all("a").length, 0, "no link where the page does not know it (Jupyter)");
});

test("a list of entries follows its sort field, unanswered last; two lists compare cheaply", () => {
  const ladder = defs.vraagladder;
  const rungs = [entry("a", { moeilijk: 8 }), entry("b", {}), entry("c", { moeilijk: 2 })];
  assert.deepEqual(ui.sortedEntries(ladder, rungs).map((e) => e.id), ["c", "a", "b"]);
  assert.equal(ui.sortedEntries(day5, rungs), rungs, "no sort field: the order as saved");
  assert.ok(ui.sameEntries(rungs, rungs.slice()));
  assert.ok(ui.sameEntries(rungs, structuredClone(rungs)));
  assert.ok(!ui.sameEntries(rungs, [rungs[0], rungs[2], rungs[1]]));
  assert.ok(!ui.sameEntries(rungs, rungs.slice(1)));
});

test("day 5's self-check stands beside day 1's, per statement, as bars and as a table", () => {
  const day5check = defs["zelfcheck-2"];
  const scales = day5check.fields.filter((f) => f.kind === "scale");
  const now = [entry("n1", { [scales[0].id]: 6, [scales[1].id]: 5 })];
  const then = [entry("t1", { [scales[0].id]: 4, [scales[2].id]: 2 })];
  const view = ui.OVERVIEWS["then-now"](day5check, now, { zelfcheck: then });
  const rows = tableRows(view.all("table")[0]);
  assert.deepEqual(rows[0], [day5check.overview.label_title, "Dag 1", "Dag 5"]);
  assert.deepEqual(rows.slice(1), [
    [scales[0].label, "4 van 10", "6 van 10"],
    [scales[1].label, "–", "5 van 10"],
    [scales[2].label, "2 van 10", "–"],
  ], "only the statements answered at least once; a missing answer is a dash, never a 0");
  assert.equal(view.all("figure")[0].getAttribute("aria-hidden"), "true", "the table says what the bars show");
  const hidden = view.all("div").filter((d) => d.getAttribute("class") === "tl-sr-only");
  assert.equal(hidden.length === 1 && hidden[0].all("table").length, 1, "on screen the bars alone: the table is for screen readers");
  const words = day5check.fields.find((f) => f.kind === "longtext" || f.kind === "text");
  const written = ui.OVERVIEWS["then-now"](day5check, [entry("n2", { [scales[0].id]: 6, [words.id]: "Ik vraag nu sneller." })], {
    zelfcheck: [entry("t2", { [scales[0].id]: 4, [words.id]: "Ik schrok van mijn eerste zin." })],
  });
  const text = written.textContent;
  assert.ok(text.includes("Ik schrok van mijn eerste zin.") && text.includes("Ik vraag nu sneller."), "what was written on day 1 stands beside today's");
  assert.equal(ui.OVERVIEWS["then-now"](day5check, [], {}), null, "nothing yet, nothing drawn");
});
