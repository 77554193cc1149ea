// The exercise UI's logic that needs no browser: how an answer reads as text (dom.js), the
// gentle hints on a text (form.js) and the overviews (overviews.js), drawn into a tiny fake
// document and read back as the tables and lists a screen reader reads. Real definitions.
import assert from "node:assert/strict";
import { test } from "node:test";
import { definitions, fakeDocument, loadUi, tableRows } from "./front.mjs";

const { definitions: defs } = definitions();
const ui = loadUi({ document: fakeDocument });
const field = (exercise, id) => defs[exercise].fields.find((f) => f.id === id);
const entry = (id, answers) => ({ id, created: "2026-11-20T09:00:00Z", updated: "2026-11-20T09:00:00Z", answers });

// ---- dom.js -------------------------------------------------------------------------------

test("an answer reads as text the way Mijn werkboek shows it", () => {
  assert.equal(ui.answerText(field("experiment", "spanning"), 7), "7 van 10");
  assert.equal(ui.answerText(field("experiment", "spanning"), 0), "0 van 10", "0 is an answer");
  assert.equal(ui.answerText(field("steunkaart", "kring"), "midden"), "Dichtbij");
  assert.equal(
    ui.answerText(field("steunkaart", "hulp"), ["praktisch", "advies"]),
    "Praktische hulp, zoals een klus of een lift; Advies",
  );
  assert.equal(ui.answerText(field("helpersrollen", "rapport"), { b: "proces", a: "dokter" }), "A: Dokter; B: Procesbegeleider");
  assert.equal(ui.answerText(field("steunkaart", "kring"), "oud-antwoord"), "oud-antwoord", "an option gone from the course still shows");
  assert.equal(ui.answerText(field("brief-aan-jezelf", "brief"), "Lieve ik,"), "Lieve ik,");
  for (const empty of [null, undefined, "", [], {}]) assert.equal(ui.answerText(field("steunkaart", "hulp"), empty), "");
});

test("an answer set is named by its title question, or says what is still missing", () => {
  assert.equal(ui.entryTitle(defs.steunkaart, entry("e1", { naam: "Els" })), "Els");
  assert.equal(ui.entryTitle(defs.steunkaart, entry("e1", { kring: "midden" })), "(persoon nog niet ingevuld)");
});

test("numbers and dates are written the Dutch way", () => {
  assert.equal(ui.number(20000), "20.000");
  assert.equal(ui.longDate("2026-11-20T09:00:00Z"), "20 november 2026");
  assert.equal(ui.longDate("kapot"), "");
  assert.match(ui.clockTime("2026-11-20T09:00:00Z"), /^\d{2}:\d{2}$/);
  assert.equal(ui.clockTime("kapot"), "");
  assert.match(ui.stamp(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "no milliseconds: the merges compare stamps as text");
  const made = [ui.newEntry({ naam: "Els" }), ui.newEntry()];
  assert.notEqual(made[0].id, made[1].id);
  assert.match(made[0].id, /^[A-Za-z0-9_-]{1,64}$/);
  assert.deepEqual(made[0].answers, { naam: "Els" });
});

// ---- form.js ------------------------------------------------------------------------------

const hints = (exercise, fieldId, text) => ui.hintsFor(defs[exercise].checks, fieldId, text);

test("a clear one-sentence question gets no hints", () => {
  assert.deepEqual(hints("een-zin", "zin", "Wil je morgen om drie uur een kwartier met me meekijken?"), []);
  assert.deepEqual(hints("een-zin", "zin", ""), []);
  assert.deepEqual(hints("een-zin", "zin", "   "), []);
  assert.deepEqual(hints("een-zin", "bericht", "Sorry sorry sorry."), [], "hints are for their own question only");
});

test("the hints count sentences and apologies, and miss what is not there", () => {
  assert.deepEqual(hints("een-zin", "zin", "Sorry. Het spijt me, wil je morgen een uurtje helpen? Dank je!"), [
    "Dit zijn 3 zinnen. Lukt het in één?",
    "Je zegt 2 keer sorry. Eén keer is genoeg, en het mag ook zonder.",
  ]);
  assert.deepEqual(hints("een-zin", "zin", "Help me even."), [
    "Staat er wat je precies vraagt? Bijvoorbeeld: ‘Wil je …?’",
    "Zeg erbij wanneer: vandaag, zaterdag of om drie uur?",
    "Hoe lang duurt het ongeveer? ‘Tien minuten’ of ‘een uurtje’ maakt ja zeggen makkelijker.",
  ]);
});

test("hint words count as whole words, in any case", () => {
  // "uur" is in "duurste": only the word itself counts; "Morgen" is "morgen".
  const asked = "Kun je Morgen helpen met de duurste klus?";
  assert.deepEqual(hints("een-zin", "zin", asked), [
    "Hoe lang duurt het ongeveer? ‘Tien minuten’ of ‘een uurtje’ maakt ja zeggen makkelijker.",
  ]);
  assert.deepEqual(hints("eerst-vragen", "vraag", "Wat moet er nu gebeuren?"), [
    "Er zit nog een advies in je vraag. Lukt het om je vraag helemaal open te laten?",
  ]);
  assert.deepEqual(hints("eerst-vragen", "vraag", "Wat verwacht je van die ontmoeting?"), [], "'moet' in a longer word is no advice");
  assert.deepEqual(hints("eerst-vragen", "vraag", "Waarom ga je niet gewoon?"), [
    "Begin je vraag eens met wat, hoe of welke. Dan kan de ander vrij antwoorden.",
    "Er zit nog een advies in je vraag. Lukt het om je vraag helemaal open te laten?",
  ]);
  assert.deepEqual(hints("eerst-vragen", "vraag", "  Hoe gaat het nu?"), [], "the first word, after spaces and in any case");
});

test("what a sentence needs may be part of a longer word, and a question may open after a lead-in", () => {
  for (const asked of [
    "Kun je me morgenavond tien minuten bellen?",
    "Wil je dinsdagmiddag een kwartiertje meekijken?",
    "Heb je zaterdagochtend een uurtje voor me?",
  ]) {
    assert.deepEqual(hints("een-zin", "zin", asked), [], asked);
  }
  // Still missing when it is missing: a day without how long, a word that only contains it.
  assert.deepEqual(hints("een-zin", "zin", "Kun je dinsdagmiddag meekijken?"), [
    "Hoe lang duurt het ongeveer? ‘Tien minuten’ of ‘een uurtje’ maakt ja zeggen makkelijker.",
  ]);
  for (const open of ["Vertel eens, wat is er aan de hand?", "En hoe gaat het met je?", "Dat klinkt zwaar. Wat maakt het lastig?"]) {
    assert.deepEqual(hints("eerst-vragen", "vraag", open), [], open);
  }
  assert.deepEqual(hints("eerst-vragen", "vraag", "Wat fijn. Ga je naar de huisarts?"), [
    "Begin je vraag eens met wat, hoe of welke. Dan kan de ander vrij antwoorden.",
  ]);
});

test("a time of day counts as when, in Dutch and Flemish words and with a date", () => {
  const when = "Zeg erbij wanneer: vandaag, zaterdag of om drie uur?";
  for (const asked of [
    "Kun je in de namiddag eens een kwartier naar de papieren kijken?",
    "Kun je in de voormiddag een uurtje helpen?",
    "Wil je ’s avonds tien minuten bellen?",
    "Wil je 's middags een half uur meekijken?",
    "Kun je na het werk een kwartier langskomen?",
    "Kun je op 12 mei een uurtje helpen?",
    "Heb je in de middag een uur voor me?",
  ]) {
    assert.ok(!hints("een-zin", "zin", asked).includes(when), asked);
  }
  assert.ok(hints("een-zin", "zin", "Kun je eens een kwartier naar de papieren kijken?").includes(when));
});

// ---- overviews.js -------------------------------------------------------------------------

const overview = (exercise, entries, related = {}) => {
  const definition = defs[exercise];
  return ui.OVERVIEWS[definition.overview.kind](definition, entries, related);
};

test("experiments show the average prediction against what happened, only for finished ones", () => {
  const done = overview("experiment", [
    entry("e1", { vraag: "Lift", kans_ja: 20, irritatie_verwacht: 8, uitkomst: "ja", irritatie_echt: 2 }),
    entry("e2", { vraag: "Klus", kans_ja: 30, irritatie_verwacht: 6, uitkomst: "deels", irritatie_echt: 1 }),
    entry("e3", { vraag: "Nog niet gevraagd", kans_ja: 90, irritatie_verwacht: 9 }),
  ]);
  const [chance, irritation] = done.all("ul")[0].all("li").map((li) => li.textContent);
  assert.match(chance, /25 van 100/, "the average expected chance");
  assert.match(chance, /1 keer ja\b/);
  assert.match(chance, /1 keer deels ja\b/);
  assert.match(irritation, /7 van 10.*2 van 10/, "a scale is averaged, before and after");
  const rows = tableRows(done.all("table")[0]);
  assert.deepEqual(rows.map((row) => row[0]), ["Experiment", "Lift", "Klus"], "only experiments with an outcome");
  assert.match(rows[1][1], /20 van 100.*Ja/, "expected and what happened, as words");
  assert.match(rows[1][2], /8 van 10.*2 van 10/);
  assert.equal(overview("experiment", [entry("e1", { vraag: "Lift", kans_ja: 20 })]), null, "nothing to show yet");
});

test("a yes and a no are counted, never averaged into a half", () => {
  const view = overview("experiment", [
    entry("e1", { vraag: "Lift", kans_ja: 20, uitkomst: "ja" }),
    entry("e2", { vraag: "Klus", kans_ja: 40, uitkomst: "nee" }),
  ]);
  assert.doesNotMatch(view.textContent, /50 van 100/);
  assert.match(view.all("li")[0].textContent, /1 keer ja\b.*1 keer nee\b/);
  // In the chart an outcome is its word beside the colour of what happened, not a bar.
  const outcomes = view.all("div").filter((d) => d.getAttribute("class") === "tl-bar-row tl-outcome");
  assert.deepEqual(outcomes.map((d) => d.all("span")[1].textContent), ["Ja", "Nee"]);
});

// Every colour in a chart is in its legend, once, and means one thing there.
function legendOf(view) {
  const items = view.all("ul").find((u) => u.getAttribute("class") === "tl-legend").all("li");
  return new Map(items.map((li) => [li.all("span")[0].getAttribute("class"), li.textContent]));
}

test("charts with more than one colour have a legend that names every colour", () => {
  const cases = {
    experiment: [entry("e1", { vraag: "Lift", kans_ja: 20, irritatie_verwacht: 8, uitkomst: "ja", irritatie_echt: 2 })],
    "dubbele-maat": [entry("e1", { ander_zwak: 2, zelf_zwak: 7, ander_moedig: 8, zelf_moedig: 3 })],
    "wiens-stem": [entry("e1", { zin: "Ik moet het zelf kunnen.", waar_voor: 90, waar_na: 40, nieuw_waar: 70 })],
    geefbalans: [entry("e1", { situatie: "Soep gebracht", keuze: 8, grenzen: 4, groei: 6 })],
  };
  for (const [exercise, entries] of Object.entries(cases)) {
    const view = overview(exercise, entries);
    const legend = legendOf(view);
    assert.equal(new Set(legend.values()).size, legend.size, `${exercise}: one meaning per colour`);
    const used = view.all("span").map((s) => s.getAttribute("class") || "").filter((c) => /^tl-(bar|swatch) tl-series-\d$/.test(c));
    for (const colour of used) {
      assert.ok(legend.has(colour.replace("tl-bar", "tl-swatch")), `${exercise}: ${colour} is in the legend`);
    }
  }
});

test("the double standard shows each trait with the difference, signed", () => {
  const view = overview("dubbele-maat", [
    entry("e1", { ander_zwak: 2, zelf_zwak: 7, ander_moedig: 8, zelf_moedig: 3, ander_lastig: 4, zelf_lastig: 4, ander_vertrouwen: 5 }),
  ]);
  assert.deepEqual(tableRows(view.all("table")[0]), [
    ["Eigenschap", "De ander", "Jij", "Verschil"],
    ["Zwak", "2", "7", "+5"],
    ["Lastig", "4", "4", "0"],
    ["Moedig", "8", "3", "-5"],
  ]);
});

test("the help tally counts each kind of help given and received", () => {
  const view = overview("vormen-van-hulp", [
    entry("e1", { wat: "Lift", vorm: "informeel", richting: "kreeg" }),
    entry("e2", { wat: "Soep", vorm: "informeel", richting: "gaf" }),
    entry("e3", { wat: "Oppas", vorm: "informeel", richting: "gaf" }),
    entry("e4", { wat: "Huisarts", vorm: "formeel", richting: "kreeg" }),
    entry("e5", { wat: "Nog niet af", vorm: "semiformeel" }),
  ]);
  const kind = (id) => field("vormen-van-hulp", "vorm").options.find((o) => o.id === id).label;
  assert.deepEqual(tableRows(view.all("table")[0]).slice(1), [
    [kind("informeel"), "2", "1"],
    [kind("semiformeel"), "0", "0"],
    [kind("formeel"), "0", "1"],
  ]);
});

test("taking help is told in a sentence per answer, not a table of counts", () => {
  const view = overview("hulp-aannemen", [
    entry("e1", { aanbod: "Krat dragen", antwoord: "deels", echt: "ja" }),
    entry("e2", { aanbod: "Koken", antwoord: "ja", echt: "nog-niet" }),
    entry("e3", { aanbod: "Verhuizen", antwoord: "ja", echt: "ja" }),
    entry("e4", { aanbod: "Nog niet af", antwoord: "ja" }),
  ]);
  assert.equal(view.all("table").length, 0, "no table of 0s and 1s");
  const lines = view.all("li").map((li) => li.textContent);
  const answer = (id) => field("hulp-aannemen", "antwoord").options.find((o) => o.id === id).label.toLowerCase();
  assert.equal(lines.length, 2, "one sentence per answer chosen, none for an answer nobody chose");
  assert.ok(lines[0].includes(answer("ja")) && /\b2\b/.test(lines[0]) && /\b1\b.*\b1\b/.test(lines[0]), lines[0]);
  assert.ok(lines[1].includes(answer("deels")) && /\b1\b/.test(lines[1]), lines[1]);
  assert.ok(!/\b0\b/.test(lines.join(" ")), "no zero counts");
});

test("the support map lists who is in each circle", () => {
  const view = overview("steunkaart", [
    entry("e1", { naam: "Els", kring: "dichtbij" }),
    entry("e2", { naam: "Jan", kring: "dichtbij" }),
    entry("e3", { naam: "Ria", kring: "verder" }),
    entry("e4", { naam: "Zonder kring" }),
  ]);
  assert.deepEqual(tableRows(view.all("table")[0]), [
    ["Kring", "Wie"],
    ["Heel dichtbij", "Els, Jan"],
    ["Dichtbij", "–"],
    ["Wat verder weg", "Ria"],
  ]);
});

// Long names and descriptions, as the exercise's help suggests ("buurvrouw Els").
const PEOPLE = [
  "Moeder", "Buurvrouw Els van hiernaast", "Mijn teamleider Annemarieke", "Jan", "Schoonzus Wilhelmina",
  "Opa Hendrik", "Vriendin van de volleybalvereniging", "Huisarts dokter Verstraeten", "Fatima",
  "Collega Bart-Jan", "Ex-collega Josefien", "Broer", "Nichtje Anne-Sophie", "Oom Karel uit Gent",
  "Mentor Mohammed", "Sportschoolmaatje Kees",
];

function supportMap(inner, others = 6) {
  const rings = [...Array(inner).fill("dichtbij"), ...Array.from({ length: others }, (_, i) => ["midden", "verder"][i % 2])];
  return overview("steunkaart", rings.map((kring, i) => entry(`p${i}`, { naam: PEOPLE[i % PEOPLE.length] + (i >= PEOPLE.length ? ` ${i}` : ""), kring })));
}

const num = (el, name) => Number(el.getAttribute(name));

test("the support map puts every name inside its own ring, none over another", () => {
  for (const inner of [1, 4, 8, 15, 30]) {
    const view = supportMap(inner);
    const svg = view.all("svg")[0];
    const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
    const [cx, cy] = [width / 2, height / 2];
    const ovals = svg.all("ellipse").map((e) => ({ ring: e.getAttribute("class").split("tl-ring-")[1], rx: num(e, "rx"), ry: num(e, "ry") }));
    const oval = Object.fromEntries(ovals.map((o) => [o.ring, o]));
    // How far a point is out to an oval: 1 on it, more outside.
    const reach = (o, x, y) => Math.hypot((x - cx) / o.rx, (y - cy) / o.ry);
    const chips = svg.all("rect").map((r) => ({ ring: r.getAttribute("data-ring"), x: num(r, "x"), y: num(r, "y"), w: num(r, "width"), h: num(r, "height") }));
    assert.equal(chips.length, inner + 6, `${inner}: everyone is on the map`);
    for (const chip of chips) {
      const corners = [[chip.x, chip.y], [chip.x + chip.w, chip.y], [chip.x, chip.y + chip.h], [chip.x + chip.w, chip.y + chip.h]];
      assert.ok(Math.max(...corners.map(([x, y]) => reach(oval[chip.ring], x, y))) <= 1, `${inner}: a name in ring ${chip.ring} stays inside it`);
      const near = [Math.max(chip.x, Math.min(cx, chip.x + chip.w)), Math.max(chip.y, Math.min(cy, chip.y + chip.h))];
      const within = chip.ring === "0" ? { rx: 20, ry: 20 } : oval[chip.ring - 1];
      assert.ok(reach(within, ...near) >= 1, `${inner}: a name in ring ${chip.ring} stays outside the ring within`);
    }
    for (const [i, a] of chips.entries()) {
      for (const b of chips.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        assert.ok(apart, `${inner}: two names overlap`);
      }
    }
    // A unit is a pixel: the map is as wide as its place (330 here), its text 14 px.
    assert.ok(width <= 330 || inner >= 30, `${inner}: the map stays as wide as its place`);
  }
});

test("a name that does not fit in its ring is a number on the map, and the key names it", () => {
  for (const inner of [4, 15]) {
    const view = supportMap(inner);
    const texts = view.all("svg")[0].all("text").map((t) => t.textContent);
    const drawn = texts.join("").replaceAll(" ", ""); // a name's lines follow each other
    const key = view.all("ol")[0]?.all("li") || [];
    const numbers = new Map(key.map((li) => [li.all("span")[0].textContent, li.textContent.slice(li.all("span")[0].textContent.length)]));
    for (const [i, name] of PEOPLE.slice(0, inner + 6).entries()) {
      const shown = drawn.includes(name.replaceAll(" ", ""));
      const numbered = [...numbers].some(([n, named]) => named === name && texts.includes(n));
      assert.ok(shown || numbered, `${inner}: ${i} ${name} is on the map`);
    }
  }
});

test("the question ladder lists the questions from easy to hard", () => {
  const view = overview("vraagladder", [
    entry("e1", { vraag: "Lift vragen", moeilijk: 6 }),
    entry("e2", { vraag: "Hulp bij verhuizen", moeilijk: 9 }),
    entry("e3", { vraag: "Zout lenen", moeilijk: 1 }),
    entry("e4", { vraag: "Nog geen cijfer" }),
  ]);
  assert.deepEqual(
    view.all("ol")[0].all("li").map((li) => li.textContent),
    ["Zout lenen: moeilijk 1 van 10", "Lift vragen: moeilijk 6 van 10", "Hulp bij verhuizen: moeilijk 9 van 10"],
  );
});

test("before and after shows a dash where a scale is not filled in yet", () => {
  const view = overview("wiens-stem", [entry("e1", { zin: "Ik moet het zelf kunnen.", waar_voor: 90 })]);
  assert.deepEqual(tableRows(view.all("table")[0]), [
    ["Zin", "Oude zin eerst", "Oude zin nu", "Nieuwe zin"],
    ["Ik moet het zelf kunnen.", "90", "–", "–"],
  ]);
});

// ---- form.js: a choice among another question's ticked options (g1) ----------------------

test("the top three offers only the reasons ticked, and keeps one chosen before", () => {
  const reason = field("acht-redenen", "reden_1");
  assert.equal(reason.optionsFrom, "redenen");
  const ids = (answers) => ui.offeredOptions(reason, answers).map((o) => o.id);
  assert.deepEqual(ids({}), [], "nothing ticked: nothing to choose yet");
  assert.deepEqual(ids({ redenen: ["nee", "last"] }), ["last", "nee"], "in the order of the list");
  assert.deepEqual(ids({ redenen: ["nee"], reden_1: "last" }), ["last", "nee"], "unticked later: still there");
  const source = field("acht-redenen", "redenen");
  assert.deepEqual(ui.offeredOptions(source, {}), source.options, "any other choice offers all");
});
