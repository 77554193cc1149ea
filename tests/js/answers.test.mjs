// The book's answer checks and merges (front/schema.js, front/answers.js) against
// Python's (schema.py with jsonschema, transfer.py, model.py) on the same files and on
// generated cases: any drift between the two fails here. Run by pytest
// (tests/test_answer_files.py) or alone: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const front = path.join(root, "src", "toelaten", "exercises", "front");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");

const expected = JSON.parse(
  execFileSync(python, [path.join(here, "expected.py")], { encoding: "utf8", maxBuffer: 1 << 28 }),
);
const source = ["schema.js", "answers.js"].map((f) => readFileSync(path.join(front, f), "utf8")).join("\n");
const js = new Function(`${source}\nreturn { firstProblem, readDocument, cleanBody, merge, merge3, AnswersError };`)();
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
