"""Reading the built book's pages the way the tests check them."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def soup(html: Path, rel: str | Path) -> BeautifulSoup:
    """The page at ``rel`` (e.g. ``facilitator-guide/index.html``) under the built ``html``.
    Parsed once per session: the tests only read it."""
    return _parsed(html / rel)


def reader_copy(doc: BeautifulSoup) -> BeautifulSoup:
    """A copy of ``doc`` without what a reader never sees as text (scripts, styles) or reads
    as code; the parsed page stays as it is for the other tests."""
    copy = BeautifulSoup(str(doc), "html.parser")
    for hidden in copy.select("script, style, pre, code"):
        hidden.decompose()
    return copy


@functools.cache
def _parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> str:
    """Where a relative link on ``page`` points, relative to the site root (``#anchor``
    alone: the page itself)."""
    path = urlsplit(href).path
    if not path:
        return page
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def redirect_target(doc: BeautifulSoup) -> str | None:
    """Where a redirect page sends the browser (its ``<meta http-equiv="refresh">``)."""
    meta = doc.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    if meta is None:
        return None
    return meta["content"].split("url=", 1)[1]
