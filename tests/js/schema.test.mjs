// schema.js, the book's small JSON Schema interpreter, on hand-written schemas shaped like
// the ones schema.py makes: which answer passes, and which Dutch message a learner reads
// when one does not. (answers.test.mjs checks it against Python's jsonschema on real data.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBook } from "./front.mjs";

const { firstProblem } = loadBook();

const text = (max) => ({
  type: ["string", "null"],
  maxLength: max,
  "x-messages": {
    type: "Bij ‘Je brief’ hoort tekst te staan.",
    maxLength: "Bij ‘Je brief’ staat te veel tekst: {length} tekens. Er passen er 10.000 in.",
  },
});

const scale = {
  type: ["integer", "null"],
  minimum: 0,
  maximum: 10,
  "x-messages": {
    type: "Bij ‘Spanning’ hoort een getal te staan.",
    minimum: "Bij ‘Spanning’: kies een getal van 0 tot 10.",
    maximum: "Bij ‘Spanning’: kies een getal van 0 tot 10.",
  },
};

const answers = {
  type: "object",
  additionalProperties: false,
  properties: { brief: text(10000), spanning: scale },
  "x-messages": {
    type: "De antwoorden hebben een vorm die deze oefening niet kent.",
    additionalProperties: "Deze oefening kent de vraag ‘{extra}’ niet.",
  },
};

test("a valid answer has no problem, and null means not answered", () => {
  assert.equal(firstProblem(answers, { brief: "Lieve ik,", spanning: 4 }), null);
  assert.equal(firstProblem(answers, { brief: null, spanning: null }), null);
  assert.equal(firstProblem(answers, {}), null);
});

test("a wrong type gets the field's own Dutch message", () => {
  assert.equal(firstProblem(answers, { spanning: "4" }), "Bij ‘Spanning’ hoort een getal te staan.");
  assert.equal(firstProblem(answers, { spanning: 4.5 }), "Bij ‘Spanning’ hoort een getal te staan.");
  assert.equal(firstProblem(answers, { brief: 12 }), "Bij ‘Je brief’ hoort tekst te staan.");
  assert.equal(firstProblem(answers, []), "De antwoorden hebben een vorm die deze oefening niet kent.");
  assert.equal(firstProblem({ type: "number", "x-messages": { type: "getal" } }, 3), null, "an integer is a number");
});

test("a scale outside its ends is refused with the range", () => {
  assert.equal(firstProblem(scale, 10), null);
  assert.equal(firstProblem(scale, 11), "Bij ‘Spanning’: kies een getal van 0 tot 10.");
  assert.equal(firstProblem(scale, -1), "Bij ‘Spanning’: kies een getal van 0 tot 10.");
});

test("text length counts characters as a reader does, and says the length the Dutch way", () => {
  assert.equal(firstProblem(text(600), "😀".repeat(600)), null, "600 emoji are 600 characters");
  assert.equal(
    firstProblem(text(600), "😀".repeat(601)),
    "Bij ‘Je brief’ staat te veel tekst: 601 tekens. Er passen er 10.000 in.",
  );
  assert.match(firstProblem(text(10000), "x".repeat(12345)), /te veel tekst: 12\.345 tekens\./);
  assert.match(firstProblem(text(10), "x".repeat(1234567)), /: 1\.234\.567 tekens/);
});

test("an unknown question is named, the first in Python's order when there are more", () => {
  assert.equal(firstProblem(answers, { brief: "x", wat: "y" }), "Deze oefening kent de vraag ‘wat’ niet.");
  assert.equal(firstProblem(answers, { zz: 1, aa: 2 }), "Deze oefening kent de vraag ‘aa’ niet.");
  // Python sorts by code point; a plain JavaScript sort would put the emoji first.
  assert.equal(firstProblem(answers, { "😀": 1, "！": 2 }), "Deze oefening kent de vraag ‘！’ niet.");
});

test("choices compare as JSON values, object keys in any order", () => {
  const choice = { enum: ["ja", "nee", null], "x-messages": { enum: "Kies een van de antwoorden die er staan." } };
  assert.equal(firstProblem(choice, "ja"), null);
  assert.equal(firstProblem(choice, null), null);
  assert.equal(firstProblem(choice, "misschien"), "Kies een van de antwoorden die er staan.");
  const pair = { const: { a: 1, b: [2, { c: 3 }] }, "x-messages": { const: "anders" } };
  assert.equal(firstProblem(pair, { b: [2, { c: 3 }], a: 1 }), null);
  assert.equal(firstProblem(pair, { a: "1", b: [2, { c: 3 }] }), "anders");
});

test("a multiple choice refuses the same option twice and too many options", () => {
  const multi = {
    type: ["array", "null"],
    maxItems: 2,
    uniqueItems: true,
    items: { enum: ["a", "b", "c"], "x-messages": { enum: "Kies uit de lijst." } },
    "x-messages": { type: "Kies uit de lijst.", maxItems: "Kies er hoogstens 2.", uniqueItems: "Kies uit de lijst." },
  };
  assert.equal(firstProblem(multi, ["a", "c"]), null);
  assert.equal(firstProblem(multi, ["a", "a"]), "Kies uit de lijst.");
  assert.equal(firstProblem(multi, ["a", "b", "c"]), "Kies er hoogstens 2.");
  assert.equal(firstProblem(multi, ["d"]), "Kies uit de lijst.");
});

test("the first problem is the one whose keyword comes first in the schema, as in jsonschema", () => {
  const messages = { required: "Er ontbreekt iets.", additionalProperties: "Er is iets te veel." };
  const requiredFirst = { required: ["id"], additionalProperties: false, properties: {}, "x-messages": messages };
  const extraFirst = { additionalProperties: false, required: ["id"], properties: {}, "x-messages": messages };
  assert.equal(firstProblem(requiredFirst, { x: 1 }), "Er ontbreekt iets.");
  assert.equal(firstProblem(extraFirst, { x: 1 }), "Er is iets te veel.");
});

test("names of exercises and patterns: placeholders and Unicode patterns", () => {
  const exercises = {
    type: "object",
    propertyNames: {
      enum: ["brief-aan-jezelf"],
      "x-messages": { enum: "Dit bestand bevat een oefening die deze cursus niet kent: {value}." },
    },
    "x-messages": { type: "In dit antwoordenbestand staan geen oefeningen." },
  };
  assert.equal(firstProblem(exercises, { "brief-aan-jezelf": {} }), null);
  assert.equal(
    firstProblem(exercises, { "oude-oefening": {} }),
    "Dit bestand bevat een oefening die deze cursus niet kent: oude-oefening.",
  );
  const word = { type: "string", pattern: "^\\p{L}+$", "x-messages": { type: "tekst", pattern: "Alleen letters." } };
  assert.equal(firstProblem(word, "één"), null);
  assert.equal(firstProblem(word, "één twee"), "Alleen letters.");
});

test("$ref follows #/$defs of the root schema, and nothing else", () => {
  const body = {
    $defs: { entry: { type: "object", "x-messages": { type: "Een antwoord is beschadigd." } } },
    type: "array",
    items: { $ref: "#/$defs/entry" },
    "x-messages": { type: "De antwoorden zijn beschadigd." },
  };
  assert.equal(firstProblem(body, [{}, {}]), null);
  assert.equal(firstProblem(body, [{}, 3]), "Een antwoord is beschadigd.");
  assert.throws(() => firstProblem({ $ref: "#/$defs/missing" }, 1), /cannot follow/);
  assert.throws(() => firstProblem({ $ref: "https://example.org/x.json" }, 1), /cannot follow/);
});

test("a schema mistake is our bug and throws, never passes an answer unchecked", () => {
  assert.throws(() => firstProblem({ minLength: 3 }, "x"), /unknown keyword 'minLength'/);
  assert.throws(() => firstProblem({ type: "string" }, 3), /no message for 'type'/);
});
