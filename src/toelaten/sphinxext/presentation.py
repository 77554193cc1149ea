"""Presentation mode: the group schedule (data/schedule.yml) on a projector.

``{presentatie}`` writes every day's blocks as slides (title, format, the prompt for the
group, the figure, the trainer's notes), read from the same file as the run sheets, so a
changed schedule changes the slides. The script (``presentatie/*.js``, joined into one
classic script so the view works from disk) shows one slide at a time, full screen and by
keyboard, with a countdown of the block's minutes, each block's planned clock time, what
comes next and the end of the day, and keeps a presenter window in step; it gets the
timing (blocks per variant, start and end: ``presentation_data``) and its words as JSON in
a data attribute, and writes only text. ``{presentatie-link} dag-1`` links a day's guide
page to its slides.

The text is written here, escaped; the figures are Sphinx images (copied with the build,
so the view works offline and from ``file://``); links to lesson pages are cross-references
a strict build checks.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain

from toelaten import Course
from toelaten.exercises.static import json_attribute
from toelaten.group import GroupMaterials, Timing
from toelaten.schedule import BUFFER, Block, Schedule
from toelaten.sphinxext import presentation_chrome as chrome
from toelaten.sphinxext.directives import DataDirective, course_data, write_static, xref
from toelaten.sphinxext.presentation_notes import slide_notes
from toelaten.strings import Strings

HERE = Path(__file__).parent
SCRIPT = "toelaten/presentatie.js"
#: The script's parts, joined in this order (each adds to ``globalThis.toelatenPresentatie``).
PARTS = ("timing.js", "link.js", "draw.js", "screen.js")
MARKER = 'class="tl-presentation"'
#: A slide with an upright figure and a prompt up to this long puts them side by side, the
#: figure the height of the screen (``tl-slide-side``); a wide figure, or a longer prompt,
#: gets the whole width under the text and the timer (``tl-slide-wide``).
SIDE_BY_SIDE = 160
UPRIGHT = 1.3  # width / height
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')
_SVG_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL)


def day_label(day_id: str) -> str:
    """The label (and the anchor) of a day's slides: ``presentatie-dag-1``."""
    return f"presentatie-{day_id}"


def _raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


def _figure_alt(path: Path) -> str:
    """An SVG's own <title>: what the figure shows, for whoever cannot see it."""
    try:
        found = _SVG_TITLE.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""
    return " ".join(found.group(1).split()) if found else ""


def _rounds(timing: Timing, variant_id: str, group: int) -> dict[str, int] | None:
    parts = timing.parts(variant_id)
    if parts is None or not parts[2]:
        return None
    intro, round_, rounds, close = parts
    return {"group": group, "intro": intro, "round": round_, "rounds": rounds, "close": close}


def block_rounds(block: Block, group: GroupMaterials | None) -> dict[str, list[dict[str, int]]]:
    """A block's werkvorm clock per variant: its rounds in a group of three (or the
    werkvorm's own group) and, with ``four:``, in a group of four (group.yml)."""
    werkvorm = group.werkvormen.get(block.werkvorm) if group and block.werkvorm else None
    if werkvorm is None:
        return {}
    out: dict[str, list[dict[str, int]]] = {}
    for variant_id in block.minutes:
        clocks = [_rounds(werkvorm.timing, variant_id, 3 if werkvorm.timing.four else 0)]
        if werkvorm.timing.four:
            clocks.append(_rounds(werkvorm.timing.four, variant_id, 4))
        found = [c for c in clocks if c]
        if found:
            out[variant_id] = found
    return out


def _aspect(path: Path) -> float | None:
    """An SVG's width over its height (its viewBox); None when it cannot be read."""
    try:
        found = _VIEWBOX.search(path.read_text(encoding="utf-8")[:2000])
    except (OSError, UnicodeDecodeError):
        return None
    if not found or not float(found.group(2)):
        return None
    return float(found.group(1)) / float(found.group(2))


def presentation_data(
    course: Course, schedule: Schedule, strings: Strings, group: GroupMaterials | None = None
) -> dict[str, Any]:
    """What the script needs: the variants' hours, each day's blocks with their minutes per
    variant (and which is a break, which the Uitloop, the werkvorm's rounds), and its
    words."""
    return {
        "variants": [
            {"id": v.id, "label": v.label, "start": f"{v.start:%H:%M}", "end": f"{v.end:%H:%M}"}
            for v in schedule.variants.values()
        ],
        "days": [
            {
                "id": day.id,
                "title": day.heading(strings),
                "blocks": [
                    {
                        "id": b.id,
                        "title": b.title,
                        "pause": b.format == "pauze",
                        "buffer": b.format == BUFFER,
                        "minutes": b.minutes,
                        "rounds": block_rounds(b, group),
                    }
                    for b in schedule.days[day.id]
                ],
            }
            for day in course.days
        ],
        "words": strings.section("presentation.script"),
    }


def script() -> str:
    """The view's script: its parts as one classic script."""
    parts = [(HERE / "presentatie" / name).read_text(encoding="utf-8") for name in PARTS]
    return "/* Generated from toelaten/sphinxext/presentatie/*.js; edit those. */\n" + "\n".join(
        parts
    )


class PresentationDirective(DataDirective):
    """``{presentatie}``: every day of the schedule as slides, one day and variant shown."""

    def run(self) -> list[nodes.Node]:
        schedule, course, strings = self.schedule(), self.course(), self.strings
        data = presentation_data(course, schedule, strings, self.group())
        out: list[nodes.Node] = [
            _raw(
                f'<div class="tl-presentation" {json_attribute("data-presentation", data)}>'
                f'<noscript><p class="tl-pres-noscript">{escape(strings("presentation.noscript"))}'
                "</p></noscript>"
                + chrome.setup(course, schedule, strings)
                + '<div class="tl-pres-screen" hidden>'
                '<div class="tl-pres-top"><p class="tl-pres-day-title"></p>'
                '<p class="tl-pres-clock"><span class="tl-pres-now"></span>'
                '<span class="tl-pres-end"></span></p></div>'
                '<div class="tl-pres-main"><div class="tl-pres-slides">'
            )
        ]
        std = cast(StandardDomain, self.env.get_domain("std"))
        for day in course.days:
            label = day_label(day.id)
            std.note_hyperlink_target(label, self.env.docname, label, day.heading(strings))
            out.append(_raw(f'<div class="tl-pres-day" id="{label}" data-day="{day.id}">'))
            for block in schedule.days[day.id]:
                out.extend(self._slide(schedule, day.id, block))
            out.append(_raw("</div>"))
        out.append(_raw("</div>" + chrome.timer_box() + "</div>" + chrome.controls(strings)))
        footer = nodes.paragraph(classes=["tl-pres-footer"])
        footer += self.doc_link(self.config.toelaten_help_page, strings("help.title"))
        footer += nodes.inline(text=strings("presentation.keys"), classes=["tl-pres-keys"])
        footer += nodes.inline(text="", classes=["tl-pres-position"])
        out.append(footer)
        out.append(_raw('<p class="tl-pres-live tl-sr-only" aria-live="polite"></p></div></div>'))
        return out

    def _slide(self, schedule: Schedule, day_id: str, block: Block) -> list[nodes.Node]:
        strings = self.strings
        kind = "pause" if block.format == "pauze" else block.format
        prompt = block.prompt or block.goal
        figure = block.figure
        layout = ""
        if figure:
            aspect = _aspect(Path(self.env.srcdir, figure))
            upright = aspect is not None and aspect <= UPRIGHT
            side = upright and len(prompt or "") <= SIDE_BY_SIDE
            layout = " tl-slide-figured " + ("tl-slide-side" if side else "tl-slide-wide")
        head = (
            f'<section class="tl-slide tl-slide-{escape(kind)}{layout}"'
            f' data-block="{escape(block.id)}"'
            f' aria-labelledby="dia-{day_id}-{escape(block.id)}"><div class="tl-slide-text">'
            '<p class="tl-slide-head"><span class="tl-slide-format">'
            f"{escape(schedule.formats.get(block.format, block.format))}</span>"
            '<span class="tl-slide-when"></span></p>'
            f'<h2 class="tl-slide-title" id="dia-{day_id}-{escape(block.id)}">'
            f"{escape(block.title)}</h2>"
        )
        if prompt:
            head += f'<p class="tl-slide-prompt">{escape(prompt)}</p>'
        if block.exercise:
            title = schedule.exercise_titles[block.exercise]
            head += (
                f'<p class="tl-slide-exercise">{escape(strings("presentation.exercise"))}: '
                f"{escape(title)}</p>"
            )
        if block.format == "pauze":
            head += '<p class="tl-slide-resume"></p>'
        out: list[nodes.Node] = [_raw(head)]
        notes = slide_notes(schedule, block, strings)
        if notes is not None:
            out.append(notes)
        out.append(_raw("</div>"))
        if figure:
            path = Path(self.env.srcdir, figure)
            self.depend(path)
            image = nodes.image(uri="/" + figure, alt=_figure_alt(path))
            out.append(nodes.container("", image, classes=["tl-slide-figure"]))
        out.append(_raw("</section>"))
        return out


class PresentationLink(DataDirective):
    """``{presentatie-link} dag-1``: a button-like link to that day's slides."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        day_id = self.arguments[0]
        if day_id not in self.schedule().days:
            raise self.error(f"no day {day_id!r} in {self.schedule().source}")
        line = nodes.paragraph(classes=["tl-pres-link"])
        line += xref("ref", day_label(day_id), self.strings("presentation.link"))
        return [line]


def _write_script(app: Sphinx) -> None:
    if app.builder.format == "html":
        course_data(app)  # the data is there before any page is written
        write_static(app, SCRIPT, script())


def _page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if MARKER in (context.get("body") or ""):
        app.add_js_file(SCRIPT)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _write_script)
    app.add_directive("presentatie", PresentationDirective)
    app.add_directive("presentatie-link", PresentationLink)
    app.connect("html-page-context", _page_assets, priority=400)
