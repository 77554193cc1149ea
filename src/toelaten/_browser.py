"""Debian's Chromium driven by Playwright, for the browser tests and benchmarks.

Development only: needs ``requirements-test.txt`` and ``apt-get install chromium``. We never
run ``playwright install``: it downloads a browser, which this project may not do.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
#: Without these Chromium phones home at start-up; see ../shared/TECH-NOTES.md.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=AutofillServerCommunication,Translate,OptimizationHints",
]


def chromium_path() -> Path:
    found = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if not found:
        raise RuntimeError(
            "Chromium not found: install Debian's package with `apt-get install chromium`"
        )
    return Path(found)


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from a running ``sync_playwright()``."""
    return playwright.chromium.launch(
        executable_path=str(chromium_path()), headless=True, args=FLAGS
    )
