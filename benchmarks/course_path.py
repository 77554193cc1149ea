"""Print the course path's figures: layout shift (CLS) while its widgets fill in from the
stored answers, the time until they are filled, and its script's bytes.

Usage: python benchmarks/course_path.py [HTML_DIR]   (after `make book`)
Pages: the landing page, a day page and Mijn voortgang, each on a phone (390x844) and a
laptop (1280x800), with nothing stored and with the learner of tests/samples/progress.py,
on this machine and on a slow phone (CPU 4x slower). CLS is the sum of every layout shift
(PerformanceObserver, buffered) until a second after the widgets are ready; the target is
0.02 at most.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from samples import progress as journey  # noqa: E402
from toelaten._browser import launch  # noqa: E402
from toelaten.coursedata import CourseData  # noqa: E402
from toelaten.site import serve  # noqa: E402

PAGES = ("book/index.html", "book/dag-3/index.html", "book/mijn-voortgang.html")
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
WATCH = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) if (!shift.hadRecentInput) window.__cls += shift.value;
}).observe({type: "layout-shift", buffered: true});
new MutationObserver((_, observer) => {
  if (document.querySelector('.tl-progress[data-ready]')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});
"""


def measure(browser, base: str, rel: str, size: dict, bodies: dict, slow: bool) -> tuple:
    context = browser.new_context(viewport=size)
    context.add_init_script(WATCH)
    page = context.new_page()
    if bodies:
        page.goto(base + "book/privacy.html")
        page.evaluate(
            "(bodies) => { for (const [id, body] of Object.entries(bodies))"
            " localStorage.setItem('toelaten:v1:' + id, JSON.stringify(body)); }",
            bodies,
        )
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base + rel)
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=20_000)
    page.wait_for_timeout(1000)
    cls, ready = page.evaluate("[window.__cls, window.__readyAt]")
    context.close()
    return cls, ready


def main() -> None:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "html")
    script = (html / "_static" / "toelaten" / "voortgang.js").read_bytes()
    print(f"voortgang.js: {len(script):,} bytes, {len(gzip.compress(script)):,} gzip")
    for rel in PAGES:
        text = (html / rel).read_bytes()
        data = text.count(b"data-course=")
        print(f"{rel}: {len(text):,} bytes ({data} copy of the course's states to judge)")
    bodies = journey.bodies(CourseData.default())[0]
    worst = 0.0
    with serve(html) as base, sync_playwright() as pw:
        browser = launch(pw)
        print(f"{'page':32} {'size':7} {'answers':8} {'cpu':5} {'CLS':>7} {'ready ms':>9}")
        for rel in PAGES:
            for name, size in SIZES.items():
                for label, stored in (("none", {}), ("journey", bodies)):
                    for slow in (False, True):
                        cls, ready = measure(browser, base, rel, size, stored, slow)
                        worst = max(worst, cls)
                        cpu = "4x" if slow else "1x"
                        print(f"{rel:32} {name:7} {label:8} {cpu:5} {cls:7.4f} {ready:9.0f}")
        browser.close()
    print(json.dumps({"worst_cls": round(worst, 4), "target": 0.02}))


if __name__ == "__main__":
    main()
