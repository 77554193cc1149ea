// The book's rule of where a learner is (front/progress.js) against Python's
// (exercises/progress.py), on the same answers: the journey of tests/samples/progress.py
// and generated ones (tests/js/progress_cases.py). Both scripts that carry it, the book's
// and the landing page's own, must agree. Run by pytest (tests/test_answer_files.py) or
// alone: node --test tests/js/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadBook, loadPath } from "./front.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");

const expected = JSON.parse(
  execFileSync(python, [path.join(here, "progress_cases.py")], { encoding: "utf8", maxBuffer: 1 << 28 }),
);
const scripts = { book: loadBook(), path: loadPath() };

for (const [name, js] of Object.entries(scripts)) {
  test(`${name}: every exercise gets the state Python gives it`, () => {
    assert.ok(expected.cases.length > 500);
    for (const item of expected.cases) {
      const got = js.exerciseState(expected.specs[item.exercise], item.entries);
      assert.deepEqual(got, item.result, `${item.exercise}: ${JSON.stringify(item.entries)}`);
    }
  });

  test(`${name}: days and the way in are where Python says`, () => {
    for (const item of expected.resumes) {
      const states = item.states;
      assert.deepEqual(js.resumeTarget(expected.days, states), item.result);
      const days = expected.days.map((d) => js.dayState(d.exercises.map((i) => states[i])));
      assert.deepEqual(days, item.days);
    }
  });
}

test("every state is met in the cases, and every reason", () => {
  const seen = new Set(expected.cases.map((c) => `${c.result.state} ${c.result.reason}`));
  for (const kind of ["open ", "done ", "half missing", "half fewer", "half waiting"]) assert.ok(seen.has(kind), kind);
  const kinds = new Set(expected.resumes.map((r) => r.result.kind));
  for (const kind of ["start", "day", "exercise", "finished"]) assert.ok(kinds.has(kind), kind);
});
