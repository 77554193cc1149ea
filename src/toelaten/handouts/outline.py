"""A lesson page in short, for the draaiboek on paper ("De les in het kort"): read from the
page's own MyST, so it never says other than the book. The opening story's first
sentences (the example), each ``##`` section's heading with its first sentence or two,
the page's reflection questions (``{denkvraag}``) and the sources it cites (``{bron}``),
as their reference. Nothing here is written by hand."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toelaten.coursedata import CourseData
from toelaten.readability import prose

_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.M)
_QUESTION = re.compile(r"^```\{denkvraag\}[^\n]*\n(.*?)\n```\s*$", re.S | re.M)
_SOURCE = re.compile(r"\{bron\}`([^`]+)`")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’]?\s+(?=[A-Z\"“‘'])")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
#: The sentences of a section's start that the outline keeps.
SENTENCES = 2


def first_sentences(text: str, n: int = SENTENCES) -> str:
    """The first ``n`` sentences of a paragraph."""
    parts = _SENTENCE.split(" ".join(text.split()))
    return " ".join(parts[:n])


def lesson_outline(data: CourseData, path: Path) -> dict[str, Any] | None:
    """The outline of the lesson page at ``path``, or None when there is no such file."""
    if not path.is_file():
        return None
    text = _FRONT.sub("", path.read_text(encoding="utf-8"))
    pieces = _SECTION.split(text)  # [opening, heading, body, heading, body, ...]
    opening = prose(pieces[0])
    sections = []
    for heading, body in zip(pieces[1::2], pieces[2::2], strict=True):
        blocks = prose(body)
        sections.append({"heading": heading, "point": first_sentences(blocks[0]) if blocks else ""})
    cited = list(dict.fromkeys(_SOURCE.findall(text)))
    sources = {s.key: s for s in data.sources}
    return {
        "example": first_sentences(opening[0]) if opening else None,
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
