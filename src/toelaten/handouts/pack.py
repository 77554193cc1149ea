"""The facilitator's workshop pack: every sheet a group needs, each as its own PDF and all
together in one PDF with a table of contents.

Everything comes from the data files (schedule, course, group materials, help contacts,
exercises), so the pack never disagrees with the guide pages or the learners' book.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.contacts import HelpContacts
from toelaten.course import Day
from toelaten.coursedata import CourseData
from toelaten.group import Form
from toelaten.handouts import render, worksheet_sheet, write_pdfs
from toelaten.schedule import Schedule, course_dates, hours
from toelaten.strings import Strings

if TYPE_CHECKING:
    from toelaten.run import CourseRun

PACK_FILE = "workshoppakket.pdf"


@dataclass(frozen=True)
class Handout:
    """One PDF of the pack, in the part of the pack it belongs to."""

    filename: str
    part: str
    sheet: dict[str, Any]


def _form_sheet(form: Form, subtitle: str) -> dict[str, Any]:
    return {"kind": "form", "title": form.title, "subtitle": subtitle, "form": form.as_json()}


def _day_sheets(
    schedule: Schedule,
    day: Day,
    variant_id: str,
    when: date | None,
    subtitle: str,
    strings: Strings,
    run: CourseRun | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The facilitator's run sheet and the group's programme of one day: the same timed
    table, the run sheet adding per block what to do and ask."""
    variant = schedule.variants[variant_id]
    slots = schedule.run_sheet(day.id, variant_id, run.window(day.id) if run else None)
    day_hours = hours(slots[0].start, slots[-1].end)
    agenda = {
        "when": f"{strings.date(when, weekday=True)}, {day_hours}"
        if when
        else f"{variant.label}, {variant.hours}",
        "day_title": day.title,
        "theme": day.theme,
        "goals": list(day.goals),
        "rows": [
            {
                "time": s.hours,
                "minutes": strings("schedule.minutes_short", n=s.minutes),
                "title": s.block.title,
                "format": "" if s.block.format == "pauze" else schedule.formats[s.block.format],
            }
            for s in slots
        ],
    }
    blocks = [
        {
            "heading": f"{s.hours} {s.block.title}",
            "meta": f"{schedule.formats[s.block.format]} · "
            + strings("schedule.minutes", n=s.minutes),
            "facts": [
                {"label": label, "text": text} for label, text in schedule.facts(s.block, strings)
            ],
            "werkvorm": schedule.werkvormen.get(s.block.werkvorm or ""),
            "debrief": list(s.block.debrief),
        }
        for s in slots
        if s.block.format != "pauze"
    ]
    run_sheet = {
        "kind": "run-sheet",
        "title": strings("pdf.pack.run_sheet", number=day.number),
        "subtitle": subtitle,
        "run_sheet": {**agenda, "blocks": blocks},
    }
    programme = {
        "kind": "agenda",
        "title": strings("pdf.pack.programme", number=day.number),
        "subtitle": subtitle,
        "agenda": agenda,
    }
    return run_sheet, programme


def _help_card_sheet(contacts: HelpContacts, subtitle: str, strings: Strings) -> dict[str, Any]:
    countries = [
        {
            "name": country.name,
            "emergency": country.emergency,
            "contacts": [{"name": c.name, "line": c.reach(strings)} for c in country.contacts],
        }
        for country in contacts.countries
    ]
    return {
        "kind": "help-card",
        "title": strings("pdf.pack.help_card"),
        "subtitle": subtitle,
        "help_card": {"intro": strings("pdf.pack.help_card_intro"), "countries": countries},
    }


def group_handouts(
    data: CourseData,
    variant: str = "dag",
    start: date | None = None,
    every: int = 1,
    *,
    run: CourseRun | None = None,
) -> list[Handout]:
    """The pack's handouts in the order of the pack: first what the whole training uses,
    then per day the facilitator's run sheet, the group's programme and the worksheets (the
    evaluation form ends day 5). A trainer's ``run`` gives the variant, dates and hours."""
    if run is not None:
        variant = run.variant
    course, schedule, group, strings = data.course, data.schedule, data.group, data.strings
    if variant not in schedule.variants:
        raise ValueError(f"unknown variant {variant!r} (known: {', '.join(schedule.variants)})")
    exercises = data.exercises
    dates: list[date | None] = [None] * len(course.days)
    if run is not None:
        dates = list(run.dates)
    elif start:
        dates = list(course_dates(start, len(course.days), every))
    subtitle = course.full_title
    agreements = {
        "kind": "agreements",
        "title": group.agreements_title,
        "subtitle": subtitle,
        "agreements": {
            "intro": group.agreements_intro,
            "items": [{"title": a.title, "text": a.text} for a in group.agreements],
        },
    }
    general = strings("pdf.pack.general")
    observer = strings("pdf.pack.observer", course=subtitle)
    out = [
        Handout("groepsafspraken.pdf", general, agreements),
        Handout("hulpkaart.pdf", general, _help_card_sheet(data.contacts, subtitle, strings)),
        Handout("kijkblad-waarnemer.pdf", general, _form_sheet(group.forms["kijkblad"], observer)),
    ]
    for day, when in zip(course.days, dates, strict=True):
        run_sheet, programme = _day_sheets(schedule, day, variant, when, subtitle, strings, run)
        heading = day.heading(strings)
        out.append(Handout(f"draaiboek-{day.id}.pdf", heading, run_sheet))
        out.append(Handout(f"programma-{day.id}.pdf", heading, programme))
        for exercise_id in day.exercises:
            sheet = worksheet_sheet(data, exercises[exercise_id])
            out.append(Handout(f"werkblad-{exercise_id}.pdf", heading, sheet))
    last = course.days[-1].heading(strings)
    evaluation = _form_sheet(group.forms["evaluatie"], subtitle)
    out.append(Handout("evaluatieformulier.pdf", last, evaluation))
    return out


def pack_pdf(data: CourseData, handouts: list[Handout], cover: dict[str, Any]) -> bytes:
    sheets, part = [], None
    for handout in handouts:
        sheet = dict(handout.sheet)
        if handout.part != part:
            sheet["part"] = part = handout.part
        sheets.append(sheet)
    return render(data, sheets, data.strings("pdf.pack.title"), pack=cover)


def cover(
    data: CourseData,
    variant: str,
    start: date | None,
    every: int,
    *,
    loose: bool = True,
    run: CourseRun | None = None,
) -> dict[str, Any]:
    """What the cover says: which variant, the dates when known, and how to print."""
    schedule, course, strings = data.schedule, data.course, data.strings
    if run is not None:
        variant = run.variant
    chosen = schedule.variants[variant]
    about = [f"{chosen.label}: {chosen.hours}"]
    command = None
    planned = list(run.dates) if run is not None else []
    if start and run is None:
        planned = course_dates(start, len(course.days), every)
    if planned:
        first, last = planned[0], planned[-1]
        first_day, last_day = strings.date(first, weekday=True), strings.date(last, weekday=True)
        about.append(strings("pdf.pack.dates", first=first_day, last=last_day))
    else:
        about.append(strings("pdf.pack.own_dates"))
        command = f"toelaten handouts --group --start {strings('pdf.pack.date_pattern')}"
        if variant != "dag":
            command += f" --variant {variant}"
    triads = sum(
        s.block.format == "drietallen"
        for day in schedule.days
        for s in schedule.run_sheet(day, variant)
    )
    printing = [strings("pdf.pack.printing", n=triads)]
    if loose:
        printing.insert(0, strings("pdf.pack.loose"))
    return {"about": about, "command": command, "printing": printing}


def write_group_pack(
    data: CourseData,
    out_dir: Path,
    variant: str = "dag",
    start: date | None = None,
    every: int = 1,
    *,
    run: CourseRun | None = None,
) -> list[Path]:
    """Every handout as its own PDF in ``out_dir``, then the combined pack."""
    handouts = group_handouts(data, variant, start, every, run=run)
    pdfs = {h.filename: render(data, [h.sheet], h.sheet["title"]) for h in handouts}
    pdfs[PACK_FILE] = pack_pdf(data, handouts, cover(data, variant, start, every, run=run))
    return write_pdfs(out_dir, pdfs)
