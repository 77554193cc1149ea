"""Print how long the support map takes to lay out its names (supportmap.js), which it does
again at every change of a name: for 4 to 30 people in the inner circle, with long Dutch
names and with short ones, in a phone's width (330 px) and a laptop's (520 px).

Usage: python benchmarks/support_map.py. Runs the front end in node, as tests/js/ does
(front.mjs joins the parts); needs node and the course's definitions (PYTHON, default
.venv/bin/python). Each figure is the median of 5 layouts, each from an empty cache.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from samples.realistic import PEOPLE  # noqa: E402

SHORT = ["Moeder", "Jan", "Els", "Mijn zus", "Opa", "Fatima", "Broer", "Kees", "Anna", "Mo"]

SCRIPT = """
import { fakeDocument, loadUi } from "./tests/js/front.mjs";
const ui = loadUi({ document: fakeDocument });
const [names, inners, widths] = JSON.parse(process.argv[1]);
for (const [label, list] of Object.entries(names)) {
  for (const width of widths) {
    const row = [];
    for (const inner of inners) {
      const times = [];
      for (let run = 0; run < 5; run++) {
        const name = (i) => list[i % list.length] + (i >= list.length ? ` ${i}` : "");
        const groups = [
          Array.from({ length: inner }, (_, i) => ({ name: name(i) })),
          Array.from({ length: 3 }, (_, i) => ({ name: name(inner + i) })),
          Array.from({ length: 3 }, (_, i) => ({ name: name(inner + 3 + i) })),
        ];
        const start = performance.now();
        ui.planMap(groups, width + run / 10); // another width: no cached plan
        times.push(performance.now() - start);
      }
      row.push(times.sort((a, b) => a - b)[2]);
    }
    const figures = row.map((t) => t.toFixed(1).padStart(7)).join("");
    console.log(`${label.padEnd(6)} ${String(width).padStart(4)} px  ${figures}`);
  }
}
"""


def main() -> None:
    inners = [4, 8, 15, 30]
    print(f"names  width   {''.join(f'{n:>4} in' for n in inners)}   (ms; plus 6 further out)")
    args = json.dumps([{"long": PEOPLE, "short": SHORT}, inners, [330, 520]])
    subprocess.run(["node", "--input-type=module", "-e", SCRIPT, args], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
