"""The guide's pages on paper: a small reader of the MyST the facilitator guide is written
in, turned into blocks the typst template prints (kit.typ: guide).

It knows headings, paragraphs (a backslash at a line's end breaks the line), block
quotes, lists (bulleted, numbered), emphasis, inline code, links (printed as their text),
admonitions, pipe tables, labels and the course's own data directives the guide uses
(``{hulplijnen}``, ``{formulier}``, ``{groepsafspraken}``, ``{werkvorm-tijd}``).
Anything else stops with the file and the line, so a page never prints half.

The text travels to typst as JSON strings, never as typst source: a ``#`` or ``*`` in a
page is printed as it stands, there is nothing to escape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten._fields import DataError
from toelaten.coursedata import CourseData

if TYPE_CHECKING:
    from toelaten.handouts.guide_links import PaperLinks

Inline = dict[str, Any]
Block = dict[str, Any]
#: Where a link (its target, its text) leads on paper: guide_links.PaperLinks.note.
LinkNote = Callable[[str, str], str | None]

ADMONITIONS = (
    "admonition",
    "note",
    "tip",
    "hint",
    "important",
    "warning",
    "attention",
    "caution",
    "danger",
    "seealso",
)
ROLES_AS_TEXT = ("ref", "doc", "term")

_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[a-z-]+)\}\s*(?P<arg>.*)$")
_PLAIN_FENCE = re.compile(r"^`{3,}\s*$")
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*$")
_BULLET = re.compile(r"^([-*+])\s+(.*)$")
_NUMBER = re.compile(r"^(\d+)[.)]\s+(.*)$")
_LABEL = re.compile(r"^\([A-Za-z0-9_-]+\)=\s*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = re.compile(
    r"(?P<strong>\*\*(?P<s>.+?)\*\*)"
    r"|(?P<role>\{(?P<rname>[a-z-]+)\}`(?P<rtext>[^`]+)`)"
    r"|(?P<code>`(?P<c>[^`]+)`)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)\s]+)\))"
    r"|(?P<emph>(?<![\w*])[*_](?P<e>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*]))"
)


class GuideError(DataError):
    """A page uses MyST the paper version does not know."""


def _note(link: LinkNote | None, target: str, text: str) -> list[Inline]:
    """Where a link's page is, on paper, as a run after the link's text."""
    note = link(target, " ".join(text.split())) if link is not None else None
    return [{"text": f" {note}", "note": True}] if note else []


def inlines(
    text: str, where: str, cites: Mapping[str, str] | None = None, link: LinkNote | None = None
) -> list[Inline]:
    """The runs of one paragraph's text: plain, strong, emphasised or code; a source
    (``{bron}`key` ``) as its short citation in ``cites``, in brackets; a link as its
    text, followed by where its page is on paper when ``link`` says (guide_links.py)."""
    cites = cites or {}
    text = " ".join(text.split())
    runs: list[Inline] = []
    at = 0
    for match in _INLINE.finditer(text):
        if match.start() > at:
            runs.append({"text": text[at : match.start()]})
        if match["strong"]:
            runs += [{**run, "strong": True} for run in inlines(match["s"], where, cites)]
        elif match["role"] and match["rname"] == "bron":
            if match["rtext"] not in cites:
                raise GuideError(f"{where}: no source {match['rtext']!r} in sources.yml")
            runs.append({"text": f"({cites[match['rtext']]})"})
        elif match["role"]:
            if match["rname"] not in ROLES_AS_TEXT:
                raise GuideError(f"{where}: the role {{{match['rname']}}} is not known on paper")
            target = re.search(r"<([^>]*)>$", match["rtext"])
            shown = re.sub(r"\s*<[^>]*>$", "", match["rtext"])
            runs.append({"text": shown})
            if match["rname"] in ("ref", "doc"):
                runs += _note(link, target[1] if target else shown, shown)
        elif match["code"]:
            runs.append({"text": match["c"], "code": True})
        elif match["link"]:
            runs += inlines(match["ltext"], where, cites)
            runs += _note(link, match["lurl"], match["ltext"])
        else:
            runs += [{**run, "emph": True} for run in inlines(match["e"], where, cites)]
        at = match.end()
    if at < len(text):
        runs.append({"text": text[at:]})
    for run in runs:
        if re.search(r"\{[a-z-]+\}`|\[[^\]]*\]\(", run["text"]):
            raise GuideError(f"{where}: markup the paper version does not understand")
    return runs


class _Reader:
    def __init__(
        self,
        path: Path,
        data: CourseData,
        lines: list[str],
        first: int = 1,
        links: PaperLinks | None = None,
    ):
        self.path, self.data, self.lines, self.first = path, data, lines, first
        self.links = links
        self.i = 0

    def inlines(self, text: str, where: str) -> list[Inline]:
        cites = {s.key: s.cite for s in self.data.sources}
        links = self.links
        if links is None:
            return inlines(text, where, cites)
        return inlines(
            text, where, cites, lambda target, shown: links.note(self.path, target, shown)
        )

    def where(self, i: int | None = None) -> str:
        return f"{self.path}:{self.first + (self.i if i is None else i)}"

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        while self.i < len(self.lines):
            line = self.lines[self.i].rstrip()
            stripped = line.strip()
            if not stripped or _LABEL.match(stripped) or stripped.startswith("%"):
                self.i += 1
            elif m := _HEADING.match(line):
                out.append(
                    {
                        "type": "heading",
                        "level": len(m[1]),
                        "inlines": self.inlines(m[2], self.where()),
                    }
                )
                self.i += 1
            elif m := _FENCE.match(stripped):
                out += self.directive(m)
            elif stripped.startswith(">"):
                out.append(self.quote())
            elif _PLAIN_FENCE.match(stripped) or stripped.startswith(("<", "$$", "![")):
                raise GuideError(f"{self.where()}: {stripped[:30]!r} is not known on paper")
            elif stripped.startswith("|"):
                out.append(self.table())
            elif _BULLET.match(line) or _NUMBER.match(line):
                out.append(self.items())
            elif line.startswith((" ", "\t")):
                raise GuideError(f"{self.where()}: an indented line outside a list")
            else:
                out.append(self.paragraph())
        return out

    def paragraph(self) -> Block:
        """Lines up to a blank one; a line ending in a backslash ends with a line break."""
        start = self.i
        lines: list[list[str]] = [[]]
        while self.i < len(self.lines):
            line = self.lines[self.i].strip()
            if not line or _HEADING.match(line) or _FENCE.match(line) or _BULLET.match(line):
                break
            if line.endswith("\\"):
                lines[-1].append(line[:-1])
                lines.append([])
            else:
                lines[-1].append(line)
            self.i += 1
        runs: list[Inline] = []
        for number, part in enumerate(p for p in lines if p):
            if number:
                runs.append({"text": "", "break": True})
            runs += self.inlines(" ".join(part), self.where(start))
        return {"type": "para", "inlines": runs}

    def quote(self) -> Block:
        """A block quote (``> ``), read as blocks of its own: a sample letter, say."""
        start, body = self.i, []
        while self.i < len(self.lines) and self.lines[self.i].strip().startswith(">"):
            body.append(re.sub(r"^>\s?", "", self.lines[self.i].strip()))
            self.i += 1
        inner = _Reader(self.path, self.data, body, self.first + start, self.links).blocks()
        return {"type": "quote", "blocks": inner}

    def items(self) -> Block:
        ordered = bool(_NUMBER.match(self.lines[self.i]))
        items: list[list[Inline]] = []
        start, text = self.i, ""
        while self.i < len(self.lines):
            line = self.lines[self.i].rstrip()
            item = (_NUMBER if ordered else _BULLET).match(line)
            if item:
                if text:
                    items.append(self.inlines(text, self.where(start)))
                start, text = self.i, item[2]
            elif line.startswith(("  ", "\t")) and text:
                if _BULLET.match(line.strip()) or _NUMBER.match(line.strip()):
                    raise GuideError(f"{self.where()}: a list inside a list is not known on paper")
                text += " " + line.strip()
            else:
                break
            self.i += 1
        items.append(self.inlines(text, self.where(start)))
        return {"type": "list", "ordered": ordered, "items": items}

    def table(self) -> Block:
        rows: list[list[list[Inline]]] = []
        header = False
        while self.i < len(self.lines) and self.lines[self.i].strip().startswith("|"):
            line = self.lines[self.i].strip()
            if _TABLE_RULE.match(line):
                header = len(rows) == 1
            else:
                cells = [c.strip() for c in line.strip("|").split("|")]
                rows.append([self.inlines(c, self.where()) for c in cells])
            self.i += 1
        if len({len(r) for r in rows}) != 1:
            raise GuideError(f"{self.where()}: the rows of a table differ in length")
        return {"type": "table", "header": header, "rows": rows}

    def directive(self, m: re.Match[str]) -> list[Block]:
        fence, name, arg, start = m["fence"], m["name"], m["arg"].strip(), self.i
        self.i += 1
        body: list[str] = []
        while self.i < len(self.lines) and self.lines[self.i].strip() != fence:
            body.append(self.lines[self.i])
            self.i += 1
        if self.i == len(self.lines):
            raise GuideError(f"{self.where(start)}: {{{name}}} is never closed")
        self.i += 1
        body = [b for b in body if not re.match(r"^:[a-z-]+:", b.strip())]  # its options
        if name in ADMONITIONS:
            strings = self.data.strings
            titles = {
                "note": strings("pdf.guide.note"),
                "tip": strings("pdf.guide.tip"),
                "important": strings("pdf.guide.important"),
                "warning": strings("pdf.guide.warning"),
            }
            title = arg or titles.get(name, "")
            inner = _Reader(self.path, self.data, body, self.first + start + 1, self.links).blocks()
            return [{"type": "admonition", "kind": name, "title": title or "", "blocks": inner}]
        if any(b.strip() for b in body):
            raise GuideError(f"{self.where(start)}: {{{name}}} with a body is not known on paper")
        from toelaten.handouts.guide_data import data_blocks  # it imports this module

        return data_blocks(self.data, name, arg, self.where(start))


def guide_page(
    data: CourseData, path: Path, links: PaperLinks | None = None
) -> tuple[str, list[Block]]:
    """A guide page's title (its ``#`` heading) and its blocks; with ``links`` (the pack's
    pages), every link says where its page is on paper."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = 1
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if end is None:
            raise GuideError(f"{path}:1: the front matter is never closed")
        first, lines = end + 2, lines[end + 1 :]
    blocks = _Reader(path, data, lines, first, links).blocks()
    titles = [b for b in blocks if b["type"] == "heading" and b["level"] == 1]
    if len(titles) != 1 or blocks[0] is not titles[0]:
        raise GuideError(f"{path}: a page starts with one '# title'")
    title = "".join(run["text"] for run in titles[0]["inlines"])
    return title, blocks[1:]
