"""Print the exercise engine's figures: time to a usable exercise, page bytes, handouts, saves.

Usage: python benchmarks/exercises.py [HTML_DIR]   (after `make book`)
Time to usable = from navigation start until every exercise on the page has been mounted
(its [data-ready] attribute set), measured inside the page; median of 5, cold (new browser
profile each time) and warm (reload in the same profile).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from page_weight import weigh
from toelaten._browser import launch
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal
from toelaten.handouts import workbook_pdf, write_worksheets
from toelaten.handouts.pack import write_packs
from toelaten.site import serve

LESSON = "book/dag-2/van-wie-is-die-stem.html"
RUNS = 5
WATCH = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.toelaten-oefening[data-ready]')) {
    window.__usableAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});
"""


def usable_ms(page) -> float:
    # A function: Playwright evals a bare expression on every poll; the pages' CSP forbids eval.
    page.wait_for_function("() => window.__usableAt !== undefined", timeout=10_000)
    return page.evaluate("window.__usableAt")


def browser_figures(html: Path) -> None:
    with serve(html) as base, sync_playwright() as pw:
        browser = launch(pw)
        cold = []
        for _ in range(RUNS):
            context = browser.new_context()
            context.add_init_script(WATCH)
            page = context.new_page()
            page.goto(base + LESSON)
            cold.append(usable_ms(page))
            context.close()
        context = browser.new_context()
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(base + LESSON)
        usable_ms(page)
        warm = []
        for _ in range(RUNS):
            page.reload()
            warm.append(usable_ms(page))
        context.close()
        context = browser.new_context()
        total, loaded = weigh(context.new_page(), base + LESSON)
        script = sum(n for n, url in loaded if "toelaten/oefeningen" in url)
        context.close()
        browser.close()
    print(f"time to usable exercise, cold: median {statistics.median(cold):.0f} ms {_runs(cold)}")
    print(f"time to usable exercise, warm: median {statistics.median(warm):.0f} ms {_runs(warm)}")
    print(f"lesson page bytes: {total} ({total / 1024:.0f} KB), of which exercise JS+CSS {script}")


def handout_figures() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("first", "again"):
            start = time.perf_counter()
            written = write_worksheets(CourseData(), Path(tmp))
            ms = (time.perf_counter() - start) * 1000
            print(f"write all worksheets ({len(written)}), {label}: {ms:.0f} ms")
        for label in ("first", "again"):
            start = time.perf_counter()
            written = write_packs(CourseData(), Path(tmp) / "pack")
            ms = (time.perf_counter() - start) * 1000
            size = sum(p.stat().st_size for p in written if p.parent.name == "pack")
            print(f"both packs ({len(written)} PDFs), {label}: {ms:.0f} ms, packs {size} bytes")
        journal = Journal(Path(tmp) / "j.sqlite")
        journal.save("wiens-stem", [_entry(i) for i in range(20)])
        start = time.perf_counter()
        pdf = workbook_pdf(journal)
        ms = (time.perf_counter() - start) * 1000
        print(f"workbook with 20 audits: {ms:.0f} ms, {len(pdf)} bytes")


def _entry(i: int) -> dict:
    return {
        "id": f"e{i}",
        "created": "2026-11-20T09:00:00Z",
        "updated": "2026-11-20T09:00:00Z",
        "answers": {"zin": f"Zin {i}", "waar_voor": 80, "beschermt": "woorden " * 100},
    }


def journal_figures() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "j.sqlite")
        for n in (1, 100):
            times = []
            for k in range(30):
                entries = [_entry(i) for i in range(n)]
                entries[0]["answers"]["zin"] = f"versie {k}"
                start = time.perf_counter()
                journal.save("wiens-stem", entries)
                times.append((time.perf_counter() - start) * 1000)
            print(f"journal save, {n} audit(s): median {statistics.median(times):.1f} ms")


def _runs(values: list[float]) -> str:
    return "(" + ", ".join(f"{v:.0f}" for v in values) + ")"


def main() -> int:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    browser_figures(html)
    handout_figures()
    journal_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
