"""Print how soon a page's exercise can be used and how much the page shifts while it loads,
on this machine and on a slow phone's profile.

Targets (issue 12): the exercise usable within 150 ms here and 1 s on a slow phone
(1.6 Mbit/s, 150 ms latency, CPU 4x slower); cumulative layout shift at most 0.02.
Usage: python benchmarks/experience.py [HTML_DIR] [--answers FILE] [PAGE ...]
With --answers (an answers file, e.g. tests/samples/workbook/full-course.json) the pages
load with those answers stored, as a learner's browser has them; else with none.
"Usable" is the time from navigation start until the first exercise's form (or the
workbook's or progress page's content) is on screen, measured in the page.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.site import serve

PAGES = [
    "book/index.html",
    "book/dag-1/waarom-vragen-moeilijk-is.html",
    "book/dag-3/een-vraag-als-experiment.html",
    "book/mijn-werkboek.html",
    "book/mijn-voortgang.html",
]
READY = ".tl-form, .toelaten-werkboek > :not(noscript), .toelaten-voortgang, article h1"
SLOW = {"latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
RUNS = 5
# Layout shifts, kept from the first paint on (buffered), and when READY first showed.
WATCH = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
USABLE = """async (selector) => {
  const start = performance.timeOrigin;
  while (!document.querySelector(selector)) await new Promise((r) => setTimeout(r, 5));
  return performance.now();
}"""


def stored(answers: dict | None) -> str:
    """A script that puts ``answers`` (an answers file) in localStorage before the page."""
    if not answers:
        return ""
    items = {f"toelaten:v1:{k}": json.dumps(v) for k, v in answers["exercises"].items()}
    if answers.get("name"):
        items["toelaten:naam"] = answers["name"]
    return f"for (const [k, v] of Object.entries({json.dumps(items)})) localStorage.setItem(k, v);"


def measure(browser, url: str, slow: bool, answers: dict | None) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(stored(answers) + WATCH)
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="commit")
    usable = page.evaluate(USABLE, READY)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # late shifts: fonts, scripts filling in
    shift = page.evaluate("window.__shift")
    context.close()
    return usable, shift


def main() -> int:
    args = list(sys.argv[1:])
    html_dir = Path(args.pop(0)) if args and Path(args[0]).is_dir() else Path("_build/html")
    answers = None
    if "--answers" in args:
        at = args.index("--answers")
        answers = json.loads(Path(args[at + 1]).read_text(encoding="utf-8"))
        del args[at : at + 2]
    pages = args or PAGES
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = launch(pw)
        print(f"{'page':45} {'usable ms':>10} {'slow ms':>9} {'CLS':>6}  (median of {RUNS})")
        for rel in pages:
            fast = [measure(browser, base + rel, False, answers) for _ in range(RUNS)]
            slow = [measure(browser, base + rel, True, answers) for _ in range(RUNS)]
            usable = statistics.median(u for u, _ in fast)
            slow_usable = statistics.median(u for u, _ in slow)
            shift = max(s for _, s in fast + slow)
            print(f"{rel:45} {usable:>10.0f} {slow_usable:>9.0f} {shift:>6.3f}")
        browser.close()
    print("targets: usable <= 150 ms here, <= 1000 ms slow; CLS <= 0.02 (worst run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
