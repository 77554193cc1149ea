"""Links between pages, on paper (``handouts/guide.py``): a page of the trainer pack
cannot be clicked, so a link says where its page is.

One rule: a link (``[tekst](pagina.md)``, ``{doc}``, ``{ref}`tekst <label>` ``) prints its
text, then where to find its page — ``(zie ‘<titel>’ in dit pakket)`` when the pack prints
that page, ``(op de website: <titel>)`` when it does not (a lesson, the guide's start
page). When the text already is the title, only ``(in dit pakket)`` or ``(op de
website)``. A page the pack prints in a form of its own (the invitation letter filled in
from the run) goes by that sheet's title. A link to a page or label the book does not have
stops, with the file and the line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path

from toelaten.strings import Strings

_LABEL = re.compile(r"^\((?P<label>[A-Za-z0-9_-]+)\)=\s*$")
_HEADING = re.compile(r"^#{1,4}\s+(.+?)\s*#*$")


class PaperLinks:
    """Where a link of a guide page leads, on paper. ``printed`` names the guide's pages in
    the pack (by file name without ``.md``), each with the title it carries there (``None``:
    the page's own)."""

    def __init__(self, guide: Path, printed: Mapping[str, str | None], strings: Strings):
        self.guide, self.printed, self.strings = guide.resolve(), printed, strings

    def note(self, page: Path, target: str, text: str) -> str | None:
        """The words after a link's ``text`` on ``page``; ``None`` for an address on the
        web (printed as its text) or a target that is not in the book."""
        if re.match(r"^[a-z]+:", target):
            return None
        found = self._page(page, target) if _is_path(target) else self._label(target)
        if found is None:
            return None
        path, section = found
        title = _title(path)
        if path.parent == self.guide and path.stem in self.printed:
            shown = self.printed[path.stem] or title
            same = _same(text, shown)
            if same:
                return self.strings("pdf.guide.link.here")
            return self.strings("pdf.guide.link.pack", title=shown)
        if section and not _same(section, title):
            title = self.strings("pdf.guide.link.section", page=title, section=section)
        if _same(text, title):
            return self.strings("pdf.guide.link.web_same")
        return self.strings("pdf.guide.link.web", title=title)

    def _page(self, page: Path, target: str) -> tuple[Path, str | None] | None:
        """A link to a file (``drietallen.md``, ``../book/dag-4/drie-rollen``, ``/book/…``)."""
        name = target.split("#", 1)[0]
        base = self.guide.parent if name.startswith("/") else page.resolve().parent
        path = (base / name.lstrip("/")).resolve()
        if path.suffix != ".md":
            path = path.with_name(path.name + ".md")
        return (path, None) if path.is_file() else None

    def _label(self, label: str) -> tuple[Path, str | None] | None:
        """A ``(label)=`` before a heading, on a page of the book."""
        return _labels(self.guide.parent).get(label)


def _is_path(target: str) -> bool:
    return "/" in target or target.endswith(".md") or "#" in target


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@functools.cache
def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


@functools.cache
def _labels(book: Path) -> dict[str, tuple[Path, str | None]]:
    """Every label of the book's pages (its guide and lessons), with the heading after it."""
    out: dict[str, tuple[Path, str | None]] = {}
    for folder in ("facilitator-guide", "book"):
        for path in sorted((book / folder).rglob("*.md")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                if m := _LABEL.match(line.strip()):
                    heading = next(
                        (h[1] for h in map(_HEADING.match, lines[i + 1 : i + 4]) if h), None
                    )
                    out.setdefault(m["label"], (path, heading))
    return out
