"""Reading the built book's pages the way the tests check them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(html: Path, rel: str) -> BeautifulSoup:
    """The page at ``rel`` (e.g. ``facilitator-guide/index.html``) under the built ``html``."""
    return BeautifulSoup((html / rel).read_text(encoding="utf-8"), "html.parser")
