"""A lesson page in short, for the draaiboek on paper ("De les in het kort"): read from the
page's own MyST, so it never says other than the book. The opening story's first
sentences (the example), each ``##`` section's heading with its first sentence or two,
the page's reflection questions (``{denkvraag}``) and the sources it cites (``{bron}``),
as their reference. Nothing here is written by hand.

What it prints reads as text of its own: whole sentences, their quotes closed; a sentence
that ends in ":" keeps the list it introduces; a section without running text is left out;
the self-study lines of a day's page ("Reken op 60 tot 90 minuten") are not for a group."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toelaten.coursedata import CourseData
from toelaten.readability import prose_blocks

_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.M)
_QUESTION = re.compile(r"^```\{denkvraag\}[^\n]*\n(.*?)\n```\s*$", re.S | re.M)
_SOURCE = re.compile(r"\{bron\}`([^`]+)`")
#: Between two sentences: after . ! ? … and a closing quote if any, before a capital or an
#: opening quote.
_SENTENCE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’']))\s+(?=[A-Z\"“‘'])")
#: A sentence a group in the room does not need: how long the page takes on your own.
_SELF_STUDY = re.compile(r"^Reken op\b", re.I)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
#: The sentences of a section's start that the outline keeps.
SENTENCES = 2


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, a quotation never split in two: a sentence that leaves
    a quote open takes the next ones with it until it closes."""
    out: list[str] = []
    for part in _SENTENCE.split(" ".join(text.split())):
        if out and not _balanced(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [s for s in out if not _SELF_STUDY.match(s)]


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def first_sentences(text: str, n: int = SENTENCES) -> str:
    """The first ``n`` whole sentences of a paragraph."""
    return " ".join(sentences(text)[:n])


def _point(blocks: list[tuple[str, bool]]) -> tuple[str, list[str]]:
    """A section's first sentences and, when the last one introduces a list (":"), the
    list's items, each by its first sentence."""
    paragraphs = [(text, item) for text, item in blocks if sentences(text)]
    if not paragraphs or paragraphs[0][1]:
        return "", []
    parts = sentences(paragraphs[0][0])
    point = " ".join(parts[:SENTENCES])
    if not point.endswith(":"):
        return point, []
    items = []
    for text, item in paragraphs[1:] if len(parts) <= SENTENCES else []:
        if not item:
            break
        items.append(sentences(text)[0])
    if items:
        return point, items
    return " ".join(parts[: min(len(parts), SENTENCES) - 1]), []  # no list: not its opening


def lesson_outline(data: CourseData, path: Path) -> dict[str, Any] | None:
    """The outline of the lesson page at ``path``, or None when there is no such file."""
    if not path.is_file():
        return None
    text = _FRONT.sub("", path.read_text(encoding="utf-8"))
    pieces = _SECTION.split(text)  # [opening, heading, body, heading, body, ...]
    opening, _ = _point(prose_blocks(pieces[0]))
    sections = []
    for heading, body in zip(pieces[1::2], pieces[2::2], strict=True):
        point, items = _point(prose_blocks(body))
        if point:
            sections.append({"heading": heading, "point": point, "items": items})
    cited = list(dict.fromkeys(_SOURCE.findall(text)))
    sources = {s.key: s for s in data.sources}
    return {
        "example": opening or None,
        "sections": sections,
        "questions": [" ".join(q.split()) for q in _QUESTION.findall(text)],
        "sources": [_plain(sources[key].reference) for key in cited if key in sources],
    }


def figure(book: Path | None, image: str) -> dict[str, str] | None:
    """A figure of the book (``book/images/…svg``) for typst to place: its SVG text and
    its ``<title>`` as the alternative text, or None when the file is not at hand."""
    path = book / image if book else None
    if path is None or not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8")
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)
    return {"svg": svg, "alt": " ".join(title[1].split()) if title else Path(image).stem}


def _plain(text: str) -> str:
    """A reference without its Markdown emphasis (``*Journal*``)."""
    return re.sub(r"\*([^*]+)\*", r"\1", " ".join(text.split()))
