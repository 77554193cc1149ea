"""A Content-Security-Policy in every built page, so a page runs only the site's own code.

The policy (``toelaten.site.POLICY``) allows files from the site itself and nothing from
another host. Inline ``<script>`` and ``<style>`` blocks (the theme's colour-mode script
in ``<head>``) are allowed one by one, by the sha256 of their text on that page: a script
that was not in the page when it was built cannot run. The tag goes in after the build,
as the first thing in ``<head>`` after ``<meta charset>`` (which must stay within the
first 1024 bytes), before any script.
It is a <meta> tag so the book keeps its policy when opened from disk or any web server;
``toelaten serve`` repeats it as a header and adds what only a header can say.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from toelaten.site import content_security_policy

logger = logging.getLogger(__name__)

META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_OLD_META = re.compile(r'\n<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# A <script> whose type is not one of these is a data block: it never runs.
_RUNNABLE = re.compile(r"^(|module|importmap|speculationrules|.*(java|ecma)script)$")


def source_hash(text: str) -> str:
    """The CSP source for an inline block, hashed as the browser sees its text: the HTML
    parser turns CR LF and CR into LF and NUL into U+FFFD before the script runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _Scan(HTMLParser):
    """The inline scripts and styles of a page, and where its policy goes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.handlers: list[str] = []  # on*="" attributes and javascript: URLs
        self.insert_at = (1, 0)  # (line, column) where the policy goes
        self._head = "before"  # then "first" (nothing in it yet), then "after"
        self._block: tuple[str, list[str]] | None = None
        self._noscript = 0

    def _after(self, text: str) -> tuple[int, int]:
        line, col = self.getpos()
        if "\n" in text:
            return line + text.count("\n"), len(text) - text.rfind("\n") - 1
        return line, col + len(text)

    def handle_decl(self, decl: str) -> None:
        if self._head == "before":  # never before <!DOCTYPE>: that would mean quirks mode
            self.insert_at = self._after(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.handlers += [n for n in values if n.startswith("on")]
        self.handlers += [v for v in values.values() if v.strip().lower().startswith("javascript:")]
        if tag == "head" and self._head == "before":
            self.insert_at, self._head = self._after(self.get_starttag_text() or ""), "first"
        elif self._head == "first":
            if tag == "meta" and "charset" in values:  # the encoding declaration stays first
                self.insert_at = self._after(self.get_starttag_text() or "")
            self._head = "after"
        if tag == "noscript":
            self._noscript += 1
        elif tag == "script" and not self._noscript:
            kind = values.get("type", "").strip().lower()
            if "src" not in values and _RUNNABLE.match(kind):
                self._block = ("script", [])
        elif tag == "style":
            self._block = ("style", [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._block:
            self._block[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "noscript":
            self._noscript = max(0, self._noscript - 1)
        elif self._block and tag == self._block[0]:
            kind, parts = self._block
            (self.scripts if kind == "script" else self.styles).append("".join(parts))
            self._block = None


def with_policy(page: str) -> tuple[str, list[str]]:
    """``page`` with its policy tag (any earlier one replaced), and the inline event
    handlers it holds, which no hash can allow."""
    page = _OLD_META.sub("", page)
    scan = _Scan()
    scan.feed(page)
    scan.close()
    policy = content_security_policy(
        dict.fromkeys(map(source_hash, scan.scripts)), dict.fromkeys(map(source_hash, scan.styles))
    )
    # Without a <head> tag it goes at the start, where a <meta> opens the implied head.
    line, col = scan.insert_at
    offset = sum(len(x) + 1 for x in page.split("\n")[: line - 1]) + col
    return f"{page[:offset]}\n{META.format(policy)}{page[offset:]}", scan.handlers


def _add_policies(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path in sorted(outdir.rglob("*.html")):
        try:
            page = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            logger.warning("%s is not UTF-8: no policy added", path, type="toelaten")
            continue
        new, handlers = with_policy(page)
        if handlers:
            logger.warning(
                "%s: inline handlers the policy blocks: %s",
                path.relative_to(outdir),
                ", ".join(handlers),
                type="toelaten",
            )
        if new != page:
            path.write_text(new, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # After everything else that writes pages (the root redirect, sphinx_external_toc's).
    app.connect("build-finished", _add_policies, priority=900)
