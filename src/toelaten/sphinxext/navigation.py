"""The course's outline for the page theme: the menu, the day a page belongs to, and
previous/next links that keep a learner on their path.

_toc.yml orders the pages in parts. One part is the learner's path (the days and the
closing page, ``toelaten_path``): with the landing page it is one sequence, and
previous/next never leave it. Parts named in ``toelaten_apart`` (the facilitator guide,
the Jupyter notebooks) are sections of their own: their pages link only to each other
and the learner's menu shows them once, at the bottom. Any other part (help, privacy,
the workbook) is the learner's too, but outside the path: reference pages without
previous/next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

PATH, APART, REFERENCE = "path", "apart", "reference"


@dataclass
class Part:
    caption: str
    kind: str
    chapters: list[str]
    children: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pages(self) -> list[str]:
        return [p for c in self.chapters for p in (c, *self.children.get(c, ()))]


@dataclass
class Outline:
    root: str
    parts: list[Part]

    def part_of(self, docname: str) -> Part | None:
        return next((p for p in self.parts if docname in p.pages), None)

    def sequence(self, docname: str) -> list[str]:
        """The pages previous/next walk through from this page: none for a reference page."""
        part = self.part_of(docname)
        if docname == self.root or (part and part.kind == PATH):
            return [self.root] + [p for x in self.parts if x.kind == PATH for p in x.pages]
        if part and part.kind == APART:
            return part.pages
        return []

    def chapter_of(self, docname: str) -> str | None:
        part = self.part_of(docname)
        if part is None:
            return None
        return next(c for c in part.chapters if docname in (c, *part.children.get(c, ())))


def _flatten(site_map: Any, docname: str) -> list[str]:
    """Every page below ``docname`` in reading order (depth first)."""
    pages: list[str] = []
    for tree in site_map[docname].subtrees:
        for item in tree.items:
            if isinstance(item, str) and item in site_map:
                pages += [item, *_flatten(site_map, item)]
    return pages


def outline(app: Sphinx) -> Outline | None:
    site_map = getattr(app.env, "external_site_map", None)
    if site_map is None:
        return None
    config = app.config
    root = site_map.root.docname
    parts = []
    for tree in site_map[root].subtrees:
        caption = tree.caption or ""
        kind = (
            PATH
            if caption == config.toelaten_path
            else APART
            if caption in config.toelaten_apart
            else REFERENCE
        )
        chapters = [i for i in tree.items if isinstance(i, str) and i in site_map]
        parts.append(Part(caption, kind, chapters, {c: _flatten(site_map, c) for c in chapters}))
    return Outline(root, parts)


def _check_parts(app: Sphinx, env: Any) -> None:
    found = {p.caption for p in (outline(app) or Outline("", [])).parts}
    for caption in [app.config.toelaten_path, *app.config.toelaten_apart]:
        if caption not in found:
            logger.warning(
                "toelaten_path/toelaten_apart name a part _toc.yml does not have: %r (parts: %s)",
                caption,
                ", ".join(sorted(found)),
                type="toelaten",
            )


def _title(app: Sphinx, docname: str) -> str:
    title = app.env.titles.get(docname)
    return title.astext() if title is not None else docname


def _link(app: Sphinx, context: dict[str, Any], docname: str, current: str) -> dict[str, Any]:
    return {
        "title": _title(app, docname),
        "url": context["pathto"](docname),
        "current": docname == current,
    }


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # A book without _toc.yml (sphinx_external_toc) is one part-less page list.
    book = outline(app) or Outline(app.config.root_doc, [])
    part = book.part_of(pagename)
    own = part if part is not None and part.kind == APART else None
    menu = []
    shown = [own] if own else [p for p in book.parts if p.kind != APART]
    for section in shown:
        chapters = []
        for chapter in section.chapters:
            item = _link(app, context, chapter, pagename)
            pages = section.children.get(chapter, [])
            item["open"] = pagename in (chapter, *pages)
            item["children"] = [_link(app, context, p, pagename) for p in pages]
            chapters.append(item)
        menu.append({"caption": section.caption, "kind": section.kind, "chapters": chapters})
    context["toelaten_menu"] = menu
    context["toelaten_home"] = _link(app, context, book.root, pagename)
    context["toelaten_apart"] = [
        {"caption": p.caption, "url": context["pathto"](p.chapters[0]), "current": p is own}
        for p in book.parts
        if p.kind == APART and p.chapters
    ]
    context["toelaten_section"] = own.caption if own else None
    # A page of a day (a chapter of the path with pages of its own): the header names it.
    day = book.chapter_of(pagename)
    in_day = day is not None and part is not None and part.kind == PATH and part.children.get(day)
    context["toelaten_chapter"] = _link(app, context, day, pagename) if in_day and day else None
    sequence = book.sequence(pagename)
    context["prev"] = context["next"] = None
    if pagename in sequence:
        at = sequence.index(pagename)
        if at > 0:
            context["prev"] = {
                "link": context["pathto"](sequence[at - 1]),
                "title": _title(app, sequence[at - 1]),
            }
        if at + 1 < len(sequence):
            context["next"] = {
                "link": context["pathto"](sequence[at + 1]),
                "title": _title(app, sequence[at + 1]),
            }


def setup(app: Sphinx) -> None:
    app.add_config_value("toelaten_path", "De vijf dagen", "env", [str])
    app.add_config_value("toelaten_apart", [], "env", [list])
    app.connect("env-check-consistency", _check_parts)
    # After Sphinx's own relations (prev/next from the whole toctree), which this replaces.
    app.connect("html-page-context", _page_context, priority=600)
