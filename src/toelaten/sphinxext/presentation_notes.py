"""The trainer's notes on a slide of the presentation view (``{presentatie}``): hidden on
the projector until T, the right-hand column of the presenter window. Two parts: what to
say and do (it scrolls when it is very long), and the lines a trainer needs at a glance,
the timing tip and what shrinks when the group runs late (never scrolled away)."""

from __future__ import annotations

from docutils import nodes

from toelaten.schedule import Block, Schedule
from toelaten.sphinxext.directives import xref
from toelaten.strings import Strings


def _line(box: nodes.Element, label: str, text: str | nodes.Node) -> None:
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text=f"{label}: ")
    paragraph += text if isinstance(text, nodes.Node) else nodes.Text(text)
    box.append(paragraph)


def _items(box: nodes.Element, label: str, texts: tuple[str, ...]) -> None:
    box.append(nodes.paragraph("", "", nodes.strong(text=label)))
    listing = nodes.bullet_list()
    for text in texts:
        listing += nodes.list_item("", nodes.paragraph(text=text))
    box.append(listing)


def slide_notes(schedule: Schedule, block: Block, strings: Strings) -> nodes.Element | None:
    """A block's notes: ``.tl-notes-more`` (goal, what to say, how, materials, debrief, the
    page to open) and ``.tl-notes-key`` (tip, Als je uitloopt); None when there are none."""
    more = nodes.container(classes=["tl-notes-more"])
    if block.prompt and block.goal:
        _line(more, strings("schedule.goal"), block.goal)
    if block.talking_points:
        _items(more, strings("draaiboek.talking_points"), block.talking_points)
    if block.instructions:
        _line(more, strings("schedule.how"), block.instructions)
    if block.materials:
        _line(more, strings("schedule.materials"), ", ".join(block.materials))
    if block.debrief:
        _items(more, strings("schedule.debrief"), block.debrief)
    if block.page:
        link = xref("doc", "/" + block.page, "")
        link["refexplicit"] = False  # the page's own title
        _line(more, strings("draaiboek.show"), link)
    key = nodes.container(classes=["tl-notes-key"])
    if block.tip:
        _line(key, strings("draaiboek.tip"), block.tip)
    if block.shorten:
        _line(key, strings("draaiboek.shorten"), block.shorten)
    for variant_id, text in block.shorten_by.items():
        variant = schedule.variants[variant_id].label.lower()
        _line(key, f"{strings('draaiboek.shorten')} ({variant})", text)
    box = nodes.container(classes=["tl-slide-notes"])
    box.extend(part for part in (more, key) if len(part))
    return box if len(box) else None
