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

test("a run file's link (Python writes it) gives each day the run's start and end", () => {
  const { readTimesLink } = timing();
  const days = expected.data.days.map((d) => d.id);
  const variants = expected.data.variants.map((v) => v.id);
  assert.ok(expected.links.length >= 4);
  for (const link of expected.links) {
    const got = readTimesLink(`#${link.fragment}`, days, variants);
    assert.deepEqual(JSON.parse(JSON.stringify(got)), { variant: link.variant, times: link.times }, link.fragment);
    // What a PDF viewer copies (a zero-width space after each comma) reads the same.
    const copied = readTimesLink(`#${encodeURI(link.fragment.replaceAll(",", ",\u200b"))}`, days, variants);
    assert.deepEqual(JSON.parse(JSON.stringify(copied)), JSON.parse(JSON.stringify(got)));
  }
});

test("a link with a silly value is refused whole, naming the bad part; others are no link", () => {
  const { readTimesLink } = timing();
  const days = ["dag-1", "dag-2"];
  const variants = ["dag", "dagdeel"];
  assert.equal(readTimesLink("#presentatie-dag-1", days, variants), null);
  assert.equal(readTimesLink("", days, variants), null);
  const refused = [
    "#versie=nacht&tijden=dag-1@09:30-16:00",
    "#tijden=dag-9@09:30-16:00",
    "#tijden=dag-1@25:00-26:00",
    "#tijden=dag-1@16:00-09:30",
    "#tijden=dag-1@09:30-16:00,dag-1@10:00-16:00",
    "#tijden=dag-1@9.30-16.00",
    "#tijden=dag-1@09:30-16:00<script>",
    "#tijden=%E0%A4%A",
    "#tijden=",
    `#tijden=${"dag-1@09:30-16:00,".repeat(50)}`,
  ];
  for (const hash of refused) {
    const got = readTimesLink(hash, days, variants);
    assert.ok(got?.error, hash);
    assert.ok(got.piece.length <= 40, hash);
  }
});

test("a werkvorm's rounds: each round numbered in turn, its time left, a mark as one ends", () => {
  const { roundAt } = timing();
  const withRounds = expected.data.days.flatMap((d) => d.blocks).filter((b) => Object.keys(b.rounds).length);
  assert.ok(withRounds.some((b) => Object.values(b.rounds).some((clocks) => clocks.some((c) => c.group === 4))));
  for (const block of withRounds) {
    for (const [variant, clocks] of Object.entries(block.rounds)) {
      for (const parts of clocks) {
        const length = parts.intro + parts.round * parts.rounds + parts.close;
        assert.ok(length <= block.minutes[variant], `${block.id} fits its block`);
        let last = 0;
        for (let second = 0; second < length * 60; second += 1) {
          const at = roundAt(parts, second);
          if (at.phase === "round") {
            assert.equal(at.n, Math.floor((second - parts.intro * 60) / (parts.round * 60)) + 1);
            assert.ok(at.n >= last && at.n <= parts.rounds && at.total === parts.rounds);
            assert.ok(at.left > 0 && at.left <= parts.round * 60);
            const into = parts.round * 60 - at.left;
            assert.equal(at.fresh, at.n > 1 && into < 20);
            last = at.n;
          } else if (at.phase === "intro") assert.equal(last, 0);
          else assert.equal(at.n, parts.rounds);
        }
        assert.equal(last, parts.rounds);
        assert.ok(roundAt(parts, length * 60 + 60).phase === "done");
      }
    }
  }
});

test("a block that runs over eats the Uitloop first; only what is left makes the day late", () => {
  const { outlook } = timing();
  const rest = [{ minutes: 30 }, { minutes: 20, buffer: true }];
  const end = 16 * 60;
  // On time: the block ends when planned, the rest takes 30 minutes, 20 to spare.
  assert.deepEqual([outlook(end - 50 - 10, end, 600, rest).late, outlook(end - 50 - 10, end, 600, rest).slack], [0, 20]);
  // Seven minutes over: 13 minutes of Uitloop left, no later end.
  const seven = outlook(end - 50 + 7, end, -420, rest);
  assert.deepEqual([seven.late, seven.slack], [0, 13]);
  // Twenty-five over: the Uitloop is gone and the day ends five minutes late.
  const late = outlook(end - 50 + 25, end, -1500, rest);
  assert.deepEqual([late.late, late.slack], [5, 0]);
  // Without an Uitloop ahead, every minute over is a minute late.
  assert.equal(outlook(end - 30 + 4, end, -240, [{ minutes: 30 }]).late, 4);
});
