// The presentation view's planned clock times (sphinxext/presentatie/timing.js) against
// Python's (Schedule.run_sheet and the run file's check), on the data the page gets and the
// cases of tests/js/presentation_cases.py. Run by pytest (tests/test_answer_files.py) or
// alone: node --test tests/js/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");
const expected = JSON.parse(
  execFileSync(python, [path.join(here, "presentation_cases.py")], { encoding: "utf8", maxBuffer: 1 << 26 }),
);

function timing() {
  const context = vm.createContext({});
  const source = readFileSync(path.join(root, "src", "toelaten", "sphinxext", "presentatie", "timing.js"), "utf8");
  vm.runInContext(source, context, { filename: "timing.js" });
  return context.toelatenPresentatie;
}

test("every day plans its blocks at the times Python gives them, or refuses as Python does", () => {
  const { plan } = timing();
  const days = new Map(expected.data.days.map((day) => [day.id, day]));
  const variants = new Map(expected.data.variants.map((v) => [v.id, v]));
  assert.ok(expected.cases.length > 200);
  for (const item of expected.cases) {
    const got = plan(days.get(item.day).blocks, variants.get(item.variant), item.window);
    assert.deepEqual(JSON.parse(JSON.stringify(got)), item.result, `${item.day} ${item.variant} ${JSON.stringify(item.window)}`);
  }
});

test("the cases meet each outcome: a fit, an Uitloop eaten whole, too short, the wrong way round", () => {
  const results = expected.cases.map((c) => c.result);
  assert.ok(results.some((r) => r.slots));
  assert.ok(results.some((r) => r.error === "fit"));
  assert.ok(results.some((r) => r.error === "order"));
  const buffers = new Set(expected.data.days.flatMap((d) => d.blocks.filter((b) => b.buffer).map((b) => b.id)));
  assert.ok(results.some((r) => r.slots && !r.slots.some((s) => buffers.has(s.id))));
});
