// The gentle checks (form.js: hintsFor) against the course's own model sentences: a
// sentence the course offers as the way to do it (a worked example, a lesson's
// "bijvoorbeeld", the helper who asks first) must get no hint. The sentences come from
// Python (model_sentences.py), so new lessons and examples are checked as they are written.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { definitions, loadUi } from "./front.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const python = process.env.PYTHON || path.join(here, "..", "..", ".venv", "bin", "python");
const { definitions: defs } = definitions();
const ui = loadUi();
const cases = JSON.parse(execFileSync(python, [path.join(here, "model_sentences.py")], { encoding: "utf8" }));

test("the course's model sentences are found (lesson pages, examples, the helper who asks)", () => {
  const exercises = new Set(cases.map((c) => c.exercise));
  for (const id of Object.keys(defs).filter((i) => defs[i].checks.length)) {
    assert.ok(exercises.has(id), `no model sentence found for ${id}'s checks`);
  }
});

test("no check flags a sentence the course itself gives as a model", () => {
  const alarms = cases
    .map((c) => ({ ...c, hints: ui.hintsFor(defs[c.exercise].checks, c.field, c.sentence) }))
    .filter((c) => c.hints.length)
    .map((c) => `${c.where}: ‘${c.sentence}’ (${c.exercise}.${c.field}) gets: ${c.hints.join(" / ")}`);
  assert.deepEqual(alarms, []);
});
