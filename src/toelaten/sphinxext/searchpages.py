"""What the search reads of a page (search.py): its sections, each an anchor, a heading
and its text, and the exercises it shows."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from docutils import nodes
from sphinx import addnodes

_EXERCISE = re.compile(r'data-exercise="([^"]+)"')
# Never text: code, comments, the table of contents, link targets.
_SKIP = (
    nodes.literal_block,
    nodes.comment,
    nodes.system_message,
    nodes.substitution_definition,
    nodes.target,
    nodes.image,
    addnodes.toctree,
)


class _HtmlText(HTMLParser):
    """The text of an HTML fragment (an exercise's mount), without scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    parser = _HtmlText()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def page_sections(doctree: nodes.Node, *, html: bool = True) -> tuple[list[list[str]], list[str]]:
    """A page's sections as ``[anchor, heading, text]`` (the first holds what comes before
    any heading), and the ids of the exercises it shows. ``html``: the text of raw HTML
    (an exercise's questions) counts too."""
    sections: list[list[str]] = []
    exercises: list[str] = []
    parts: dict[int, list[str]] = {}

    def open_section(anchor: str, heading: str) -> int:
        sections.append([anchor, heading, ""])
        parts[len(sections) - 1] = []
        return len(sections) - 1

    def visit(node: nodes.Node, at: int) -> None:
        if isinstance(node, nodes.section):
            title = node.next_node(nodes.title)
            ids = node.get("ids") or [""]
            here = open_section(ids[0], title.astext() if title is not None else "")
            for child in node.children:
                if child is not title:
                    visit(child, here)
            return
        if isinstance(node, _SKIP):
            return
        if isinstance(node, nodes.raw):
            if "html" in node.get("format", "").split():
                exercises.extend(_EXERCISE.findall(node.astext()))
                if html:
                    parts[at].append(html_text(node.astext()))
            return
        if isinstance(node, nodes.Text):
            parts[at].append(node.astext())
            return
        for child in node.children:
            visit(child, at)
        if not isinstance(node, nodes.Inline):
            parts[at].append(" ")

    visit(doctree, open_section("", ""))
    for i, section in enumerate(sections):
        section[2] = " ".join("".join(parts[i]).split())
    kept = [s for i, s in enumerate(sections) if i == 0 or s[1] or s[2]]
    if not kept[0][2] and len(kept) > 1:  # nothing before the first heading
        kept.pop(0)
    return kept, list(dict.fromkeys(exercises))
