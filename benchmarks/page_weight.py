"""Print the bytes each built page makes a browser load, uncompressed.

Target: a lesson page under 800 KB. Usage: python benchmarks/page_weight.py [HTML_DIR]
Loads every page of the built book in headless Chromium from a local server and adds up the
bodies of all responses (HTML, CSS, JS, fonts, images), so fonts pulled in by CSS count too.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.site import built_pages, serve

TARGET = 800 * 1024


def weigh(page, url: str) -> tuple[int, list[tuple[int, str]]]:
    loaded: list[tuple[int, str]] = []

    def on_response(response) -> None:
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            loaded.append((len(response.body()), response.url))

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", on_response)
    return sum(n for n, _ in loaded), loaded


def main() -> int:
    html_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    verbose = "-v" in sys.argv
    over = 0
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = launch(pw)
        print(f"{'page':45} {'bytes':>10} {'KB':>8}  requests")
        for rel in built_pages(html_dir):
            context = browser.new_context()  # cold cache for every page
            page = context.new_page()
            total, loaded = weigh(page, base + rel)
            flag = "  OVER TARGET" if total > TARGET else ""
            over += total > TARGET
            print(f"{rel:45} {total:>10} {total / 1024:>8.1f}  {len(loaded)}{flag}")
            if verbose:
                for n, url in sorted(loaded, reverse=True):
                    print(f"    {n:>9}  {url.removeprefix(base)}")
            context.close()
        browser.close()
    print(f"target: under {TARGET // 1024} KB per page; pages over target: {over}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
