"""Print what the book's search costs: the bytes of its index and script (raw and gzip),
and how long a few queries take in headless Chromium on the search page.

Usage: python benchmarks/search.py [HTML_DIR]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.site import serve
from toelaten.sphinxext.search import INDEX, SCRIPT

QUERIES = ["113", "eenzaamheid", "praten", "hulplijn", "steun", "hoe vraag ik hulp"]
RUNS = 50


def main() -> int:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    print(f"{'file':28} {'bytes':>9} {'gzip':>9}")
    for name in (INDEX, SCRIPT):
        data = (html / "_static" / name).read_bytes()
        print(f"{name:28} {len(data):>9} {len(gzip.compress(data, 9)):>9}")
    with serve(html) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.goto(base + "search.html?q=" + quote(QUERIES[0]), wait_until="load")
        print(f"\n{'query':24} {'ms per search':>14} {'pages':>6}")
        for query in QUERIES:
            ms, count = page.evaluate(
                """([query, runs]) => {
                    const index = self.TOELATEN_ZOEKINDEX;
                    const start = performance.now();
                    let found;
                    for (let i = 0; i < runs; i++) found = toelatenZoeken.find(index, query);
                    return [(performance.now() - start) / runs, found.count];
                }""",
                [query, RUNS],
            )
            print(f"{query:24} {ms:>14.2f} {count:>6}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
