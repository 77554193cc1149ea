"""Printable A4 handouts, typeset with typst: blank worksheets, the learner's workbook and
(in ``handouts.pack``) the trainer pack and the participant pack.

Tagged PDF/UA-1, our own shipped OFL font, no system fonts and no packages from the
internet. Any typst warning (a missing glyph that would fall back to another font, say)
is an error: a handout either comes out right or not at all.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typst

from toelaten.coursedata import CourseData
from toelaten.exercises.example import answer_parts
from toelaten.exercises.journal import Journal
from toelaten.exercises.model import Exercise
from toelaten.handouts import charts
from toelaten.handouts.paper import paper_form

if TYPE_CHECKING:
    from toelaten.strings import Strings

HERE = Path(__file__).parent
FONTS = HERE / "fonts"


#: What stands in the workbook for characters our font cannot draw (emoji, some scripts).
MISSING = "[?]"
#: The catalogue's sections the typst templates use (common.typ: tr("pdf.contents")).
TYPST_SECTIONS = ("help", "pdf", "schedule", "draaiboek")


class HandoutError(RuntimeError):
    """typst could not make a handout exactly as designed."""


@functools.cache
def _drawable() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only needed for the learner's own text

    points: set[int] = {ord("\n"), ord("\t")}
    for font in FONTS.glob("*.ttf"):
        points |= set(TTFont(font).getBestCmap())
    return frozenset(points)


def printable(text: str) -> tuple[str, bool]:
    """Learner text the font can draw: other characters become [?] (the journal keeps them).

    PDF/UA forbids text drawn with a stand-in font, and a learner's workbook must print
    whatever they typed, so the few characters we cannot draw are shown as missing.
    """
    drawable = _drawable()
    marked = "".join(c if ord(c) in drawable else "\0" for c in text)
    cleaned = re.sub("\0+", MISSING, marked)
    return cleaned, cleaned != text


def _compile(template: str, data: dict[str, Any], *, folder: Path = HERE) -> bytes:
    compiler = typst.Compiler(
        input=folder / template, root=folder, font_paths=[FONTS], ignore_system_fonts=True
    )
    try:
        pdf, warnings = compiler.compile_with_warnings(
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)}, pdf_standards=["ua-1"]
        )
    except typst.TypstError as exc:
        raise HandoutError(f"{template}: {exc.message} {' '.join(exc.hints)}") from exc
    if warnings:
        raise HandoutError(f"{template}: " + "; ".join(w.message for w in warnings))
    if not isinstance(pdf, bytes):  # one PDF; a list is typst's images, page by page
        raise HandoutError(f"{template}: typst made no PDF")
    return pdf


def _context(data: CourseData, country: str | None = None) -> dict[str, Any]:
    """What every page prints: the course's name and where to get help (the footer, the
    run's ``country`` first), in the course's language, with the catalogue's words for the
    templates."""
    strings, contacts = data.strings, data.contacts.first(country)
    lang, _, region = strings("format.locale").partition("-")
    return {
        "course": data.course.full_title,
        "help_line": contacts.help_line(strings),
        "help_numbers": contacts.help_numbers(strings),
        "lang": lang.lower(),
        "region": region.upper() or None,
        "strings": strings.sections(*TYPST_SECTIONS),
    }


def render(
    data: CourseData,
    sheets: list[dict[str, Any]],
    title: str,
    pack: dict[str, Any] | None = None,
    footer: str | None = None,
    country: str | None = None,
) -> bytes:
    """One PDF of ``sheets`` (see sheets.typ); with ``pack``, a cover, contents and parts;
    ``footer``: a line above the help line on every page (who gives the course, where);
    ``country``: the run's, whose help lines come first."""
    return _compile(
        "handout.typ",
        {
            **_context(data, country),
            "title": title,
            "sheets": sheets,
            "pack": pack,
            "footer": footer,
        },
    )


def worksheet_sheet(data: CourseData, exercise: Exercise) -> dict[str, Any]:
    course = data.course
    number = course.day(exercise.day).number
    return {
        "kind": "form",
        "title": exercise.title,
        "subtitle": data.strings("pdf.form.day", course=course.full_title, number=number),
        "form": paper_form(exercise),
        "example": example_sheet(data, exercise),
    }


def example_sheet(data: CourseData, exercise: Exercise) -> dict[str, Any] | None:
    """The worksheet's back: the worked example, as it reads in the book."""
    example = exercise.example
    if example is None:
        return None
    strings, person = data.strings, data.cast[example["person"]]
    return {
        "heading": strings("example.heading", name=person.name),
        "person": strings(
            "example.person",
            name=person.name,
            age=person.age,
            place=person.place,
            short=person.short,
        ),
        "situation": example["situation"],
        "entries": [
            answer_parts(exercise, answers, strings, lambda t: printable(t)[0], ends=True)
            for answers in example["entries"]
        ],
    }


def worksheet_pdf(data: CourseData, exercise: Exercise) -> bytes:
    return render(data, [worksheet_sheet(data, exercise)], exercise.title)


def write_pdfs(out_dir: Path, pdfs: dict[str, bytes]) -> list[Path]:
    """Write PDFs made beforehand, so a failure while making them leaves earlier files whole."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, pdf in pdfs.items():
        path = out_dir / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        written.append(path)
    return written


def write_worksheets(data: CourseData, out_dir: Path) -> list[Path]:
    """A blank worksheet for every exercise: ``<out_dir>/werkblad-<id>.pdf``."""
    pdfs = {f"werkblad-{e.id}.pdf": worksheet_pdf(data, e) for e in data.exercises.values()}
    return write_pdfs(out_dir, pdfs)


#: Field kinds whose answers are short: sets of only these print as one paragraph each.
SHORT = ("text", "choice", "multi", "scale")


def workbook_data(journal: Journal, name: str | None = None) -> dict[str, Any]:
    """The learner's answers as workbook.typ prints them: a cover (``name``, the dates of
    the first and last answer), then the days as chapters, each exercise with its chart and
    its answers. A date is printed once per exercise, or per answer set where they differ."""
    data = journal.data
    saved, strings = journal.all_latest(), data.strings
    replaced = False

    def show(text: str) -> str:
        nonlocal replaced
        text, missing = printable(text)
        replaced |= missing
        return text

    stamps: list[str] = []
    days = []
    for day in data.course.days:
        exercises = []
        for exercise_id in day.exercises:
            exercise = data.exercise(exercise_id)
            entries = saved.get(exercise_id) or []
            if not entries:
                continue
            stamps += [stamp for e in entries for stamp in (e["created"], e["updated"])]
            dates = sorted({strings.stamp_date(e["updated"]) for e in entries})
            once = len(dates) == 1
            related = {i: saved.get(i) or [] for i in exercise.related}
            exercises.append(
                {
                    "title": exercise.title,
                    "date": dates[0] if once else None,
                    "chart": charts.chart(exercise, entries, related, strings, show),
                    "compact": exercise.repeat and all(f.kind in SHORT for f in exercise.fields),
                    "entries": [_entry(exercise, e, strings, show, dated=once) for e in entries],
                }
            )
        if exercises:
            days.append({"title": day.heading(strings), "exercises": exercises})
    first, last = (
        (strings.stamp_date(s) for s in (min(stamps), max(stamps))) if stamps else ("", "")
    )
    return {
        **_context(data),
        "date": strings.date(date.today()),
        "name": show(name.strip()) if name and name.strip() else None,
        "first": first,
        "last": last,
        "days": days,
        "missing_note": replaced,
        "missing": MISSING,
    }


def _entry(
    exercise: Exercise,
    entry: dict[str, Any],
    strings: Strings,
    show: Callable[[str], str],
    *,
    dated: bool,
) -> dict[str, Any]:
    """One answer set (example.answer_parts): its title, its date unless the exercise's
    one date is printed already (``dated``), and its answers under their sections."""
    shown = answer_parts(exercise, entry["answers"], strings, show)
    return {
        "title": shown["title"],
        "date": None if dated else strings.stamp_date(entry["updated"]),
        "parts": shown["parts"],
    }


def workbook_pdf(journal: Journal, name: str | None = None) -> bytes:
    return _compile("workbook.typ", workbook_data(journal, name))
