"""Print the bytes each built page makes a browser load, raw and gzip-compressed, and
what blocks its first paint.

Targets (issue 12): a page with an exercise at most 250 KB raw and 80 KB gzip as loaded;
nothing render-blocking but one stylesheet. Usage: python benchmarks/page_weight.py [HTML_DIR]
Loads every page of the built book in headless Chromium from a local server and adds up the
bodies of all responses (HTML, CSS, JS, fonts, images), so fonts pulled in by CSS count too;
gzip is each body compressed at level 6, as a web server would send it.
"""

from __future__ import annotations

import contextlib
import gzip
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.site import built_pages, serve

TARGET = 250 * 1024
TARGET_GZIP = 80 * 1024
# Stylesheets and scripts in <head> without async/defer/module: the browser waits for them.
BLOCKING = """() => [...document.head.querySelectorAll(
  'link[rel=stylesheet], script[src]:not([async]):not([defer]):not([type=module])'
)].map((el) => el.getAttribute('href') || el.getAttribute('src'))"""


def weigh(page, url: str) -> tuple[int, int, list[tuple[int, str]], list[str]]:
    loaded: list[tuple[int, int, str]] = []

    def on_response(response) -> None:
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            body = response.body()
            loaded.append((len(body), len(gzip.compress(body, 6)), response.url))

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", on_response)
    blocking = page.evaluate(BLOCKING)
    raw, packed = sum(n for n, _, _ in loaded), sum(z for _, z, _ in loaded)
    return raw, packed, [(n, u) for n, _, u in loaded], blocking


def main() -> int:
    html_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    verbose = "-v" in sys.argv
    over = 0
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = launch(pw)
        print(f"{'page':45} {'KB raw':>8} {'KB gzip':>8} {'requests':>8} {'blocking':>8}")
        for rel in built_pages(html_dir):
            context = browser.new_context()  # cold cache for every page
            page = context.new_page()
            total, packed, loaded, blocking = weigh(page, base + rel)
            bad = total > TARGET or packed > TARGET_GZIP or len(blocking) > 1
            flag = "  OVER TARGET" if bad else ""
            over += bad
            print(
                f"{rel:45} {total / 1024:>8.1f} {packed / 1024:>8.1f} {len(loaded):>8}"
                f" {len(blocking):>8}{flag}"
            )
            if verbose:
                for n, url in sorted(loaded, reverse=True):
                    print(f"    {n:>9}  {url.removeprefix(base)}")
            context.close()
        browser.close()
    print(
        f"target: at most {TARGET // 1024} KB raw, {TARGET_GZIP // 1024} KB gzip and one"
        f" render-blocking stylesheet per page; pages over target: {over}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
