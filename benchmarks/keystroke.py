"""Print how long one keystroke takes in an exercise, with many saved entries in storage.

Usage: python benchmarks/keystroke.py [HTML_DIR] [--keys N] [--only SCENARIO]   (after `make book`)

Target: at most 16 ms a keystroke (median and p95) with 1,000 saved entries on the page.
For each scenario and each size (100, 500, 1,000 entries), the browser's storage is filled,
the page opened, and N characters typed one by one into a text field of the open form,
about as fast as a quick typist (one key every 80 ms). A keystroke is timed inside the page
from the moment the browser made its keydown event (so time spent waiting for earlier work
counts) until its input event has been handled and the page laid out again. These times are
wall-clock: on a busy machine they include waiting for the processor. So the main thread's
CPU time for each keystroke (to the next one: the key, and anything else that ran) is also
read from a Chromium trace ("CPU"). Work put off until the typing pauses (a chart drawn
again) is timed apart: the longest the page is busy at once in the pause after the last key.

An exercise holds at most 500 entries (schema.MAX_ENTRIES), so above 500 the rest are kept
in another exercise the page reads (day 1's map beside day 5's, day 1's log on day 2).

- repeat: day 5's support map (steunkaart-2), an entry opened with "Aanpassen", typing its
  name; the entries in steunkaart-2, the rest in day 1's map (steunkaart) beside it.
- single: the letter to yourself (brief-aan-jezelf, one answer set), typing the letter; the
  entries are its earlier versions, the rest on day 5's map on the same page.
- audit: day 2's belief audit (wiens-stem, a bar chart of every entry), an entry opened,
  typing a long answer; the rest in day 1's log (twijfelmoment).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.site import serve

SIZES = (100, 500, 1000)
MAX = 500  # schema.MAX_ENTRIES
KEY_DELAY_MS = 80
PAUSE_MS = 1500  # a pause in the typing: what was put off is done in it
DAY5 = "book/dag-5/verbinding-houden.html"
DAY2 = "book/dag-2/van-wie-is-die-stem.html"
TEXT = "Ik typ hier een zin in en kijk of het scherm bijblijft als er veel staat. "

# What the trace records: the main thread's tasks (RunTask) and the events they dispatch.
TRACED = ["devtools.timeline", "disabled-by-default-devtools.timeline"]

# Before any of the page's scripts: the time of every keystroke, from its keydown event's
# time stamp to the end of its input event with the page laid out.
WATCH = """
window.__keys = [];
let start = null;
addEventListener("keydown", (e) => { start = e.timeStamp; }, true);
addEventListener("input", () => {
  if (start === null) return;
  void document.documentElement.offsetHeight; // lay the page out now, as a frame would
  window.__keys.push(performance.now() - start);
  start = null;
});
"""


def stamp(i: int) -> str:
    return f"2026-11-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z"


def entry(prefix: str, i: int, answers: dict) -> dict:
    return {"id": f"{prefix}{i}", "created": stamp(i), "updated": stamp(i), "answers": answers}


def person(i: int) -> dict:
    return {
        "naam": f"Persoon {i}",
        "kring": ("dichtbij", "midden", "verder")[i % 3],
        "hulp": ["praktisch", "advies"][: 1 + i % 2],
        "laatst": ("week", "maand", "jaar", "langer", "nooit")[i % 5],
    }


def audit(i: int) -> dict:
    return {
        "zin": f"Ik moet het zelf kunnen ({i}).",
        "waar_voor": (i * 5) % 100,
        "stem": "ouder",
        "beschermt": "Dat ze denken dat ik zwak ben. " * 6,
        "waar_na": (i * 15) % 100,
    }


def moment(i: int) -> dict:
    return {
        "wanneer": "dinsdagavond",
        "wie": "mijn zus",
        "wat": f"Een lift ({i})",
        "spanning": i % 11,
    }


def letter(i: int) -> dict:
    return {"brief": f"Lieve ik, versie {i}. " + "Je hebt deze week veel gedaan. " * 10}


def storage(scenario: str, n: int) -> dict[str, dict]:
    """What the scenario's exercises hold with ``n`` entries in all."""
    here, rest = min(n, MAX), n - min(n, MAX)
    if scenario == "repeat":
        return {
            "steunkaart-2": {"entries": [entry("n", i, person(i)) for i in range(here)]},
            "steunkaart": {"entries": [entry("d", i, person(i)) for i in range(rest)]},
        }
    if scenario == "single":
        here = min(n - 1, MAX)
        return {
            "brief-aan-jezelf": {
                "entries": [entry("b", 9999, letter(9999))],
                "earlier": [entry("b", i, letter(i)) for i in range(here)],
            },
            "steunkaart-2": {"entries": [entry("n", i, person(i)) for i in range(n - 1 - here)]},
        }
    return {
        "wiens-stem": {"entries": [entry("z", i, audit(i)) for i in range(here)]},
        "twijfelmoment": {"entries": [entry("m", i, moment(i)) for i in range(rest)]},
    }


def open_field(page, scenario: str):
    """The text field the scenario types into, focused, caret at the end."""
    if scenario == "single":
        field = page.locator(".tl-form textarea[id$='-brief']")
    else:
        exercise = page.locator(".toelaten-oefening").first
        exercise.locator(".tl-entry button").first.click()  # "Aanpassen" of the first
        name = "naam" if scenario == "repeat" else "beschermt"
        field = exercise.locator(f".tl-form [id$='-{name}']")
    field.focus()
    page.keyboard.press("End")
    return field


def cpu_per_key(trace: bytes) -> list[float]:
    """From a Chromium trace: the main thread's CPU time (ms) from each keydown to the
    next, work done for the key and whatever else ran meanwhile (timers, frames, GC).
    Unlike the times above it barely grows when other programs share the processor."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    tasks = sorted(
        (e["ts"], e["ts"] + e.get("dur", 0), e.get("tdur", e.get("dur", 0)))
        for e in events
        if e.get("name") == "RunTask" and e.get("ph") == "X" and (e["pid"], e["tid"]) in main
    )
    keydowns = sorted(
        e["ts"]
        for e in events
        if e.get("name") == "EventDispatch"
        and e.get("args", {}).get("data", {}).get("type") == "keydown"
    )
    # Each keystroke starts with the task that dispatched its keydown.
    starts = [next(t0 for t0, t1, _ in tasks if t0 <= k <= t1) for k in keydowns]
    ends = [*starts[1:], starts[-1] + KEY_DELAY_MS * 1000]
    return [
        sum(cpu for t0, _, cpu in tasks if a <= t0 < b) / 1000
        for a, b in zip(starts, ends, strict=True)
    ]


def run(browser, base: str, scenario: str, n: int, keys: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(base + "book/index.html")
    data = json.dumps({k: v for k, v in storage(scenario, n).items() if v["entries"]})
    page.evaluate(
        """data => { for (const [id, body] of Object.entries(JSON.parse(data)))
        localStorage.setItem("toelaten:v1:" + id, JSON.stringify(body)); }""",
        data,
    )
    page.goto(base + (DAY2 if scenario == "audit" else DAY5))
    page.wait_for_selector(".toelaten-oefening[data-ready]")
    page.wait_for_timeout(300)
    open_field(page, scenario)
    page.wait_for_timeout(PAUSE_MS)
    page.evaluate("window.__keys = []")
    browser.start_tracing(page=page, categories=TRACED)
    for char in (TEXT * 3)[:keys]:
        page.keyboard.press(char if char != " " else "Space")
        page.wait_for_timeout(KEY_DELAY_MS)
    cpu = cpu_per_key(browser.stop_tracing())
    times = page.evaluate("window.__keys")
    # After a pause: the longest the page was busy at once (a chart drawn again, say).
    after = page.evaluate(
        """() => new Promise((done) => {
          let last = performance.now(), longest = 0;
          const end = last + 1400;
          const tick = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            if (now < end) setTimeout(tick, 0); else done(longest);
          };
          setTimeout(tick, 0);
        })"""
    )
    stored = page.evaluate(
        "id => JSON.parse(localStorage.getItem('toelaten:v1:' + id) || '{}')",
        {"repeat": "steunkaart-2", "single": "brief-aan-jezelf", "audit": "wiens-stem"}[scenario],
    )
    typed = json.dumps(stored).count("Ik typ hier")
    context.close()
    if len(times) != keys or len(cpu) != keys or typed != 1:
        raise SystemExit(f"{scenario} {n}: {len(times)} of {keys} keys timed, text kept {typed}x")
    return {"times": times, "cpu": cpu, "after": after}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("html", nargs="?", default="_build/html", type=Path)
    parser.add_argument("--keys", type=int, default=60, help="keys typed per run")
    parser.add_argument("--only", choices=("repeat", "single", "audit"), help="one scenario")
    options = parser.parse_args()
    html, keys = options.html, options.keys
    print(f"ms per keystroke, {keys} keys each (target: median and p95 at most 16 ms at 1000)")
    print(
        "load average of this machine (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    )
    head = f"{'scenario':10} {'entries':>7} {'median':>8} {'p95':>8} {'max':>8}"
    print(f"{head}   {'CPU median':>10} {'CPU p95':>8}   longest task after a pause")
    with serve(html) as base, sync_playwright() as pw:
        browser = launch(pw)
        for scenario in [options.only] if options.only else ("repeat", "single", "audit"):
            for n in SIZES:
                got = run(browser, base, scenario, n, keys)
                times, cpu = got["times"], got["cpu"]
                print(
                    f"{scenario:10} {n:>7} {statistics.median(times):>8.1f} {p95(times):>8.1f}"
                    f" {max(times):>8.1f}   {statistics.median(cpu):>10.1f} {p95(cpu):>8.1f}"
                    f"   {got['after']:.0f} ms",
                    flush=True,
                )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
