"""The two printed packs: the trainer's (begeleiderspakket: preparation, safety, the
draaiboek per day, the group formats, the forms) and the participants' (deelnemerspakket:
programme, agreements, help card, worksheets, evaluation, certificate). Each is one PDF
with contents and bookmarks, and every sheet also a PDF of its own.

Everything comes from the data files (schedule, course, group materials, help contacts,
exercises) and the guide's own pages, so the packs never disagree with the book.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from toelaten.contacts import HelpContacts
from toelaten.course import Day
from toelaten.coursedata import CourseData
from toelaten.group import Form
from toelaten.handouts import render, worksheet_sheet, write_pdfs
from toelaten.handouts.kit import (  # re-exported for the callers of the packs
    GUIDE,
    PARTICIPANT,
    TRAINER,
    Run,
    attendance_sheet,
    certificate_sheet,
    cover,
    evaluation_sheet,
    guide_sheet,
    materials_sheet,
)
from toelaten.schedule import Schedule, course_dates
from toelaten.strings import Strings


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
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The facilitator's run sheet and the group's programme of one day: the same timed
    table, the run sheet adding per block what to do and ask."""
    variant = schedule.variants[variant_id]
    slots = schedule.run_sheet(day.id, variant_id)
    agenda = {
        "when": f"{strings.date(when, weekday=True)}, {variant.hours}"
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
            **_trainer_notes(s.block, strings),
        }
        for s in slots
        if s.block.goal
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


def _trainer_notes(block: Any, strings: Strings) -> dict[str, Any]:
    """What schedule.yml may add to a block for the trainer (talking points, the prompt for
    the group, a timing tip, what to shorten, the page and figure it relies on)."""
    notes = []
    for label, key in (
        (strings("pdf.run_sheet.prompt"), "prompt"),
        (strings("pdf.run_sheet.tip"), "tip"),
        (strings("pdf.run_sheet.shorten"), "shorten"),
        (strings("pdf.run_sheet.page"), "page"),
        (strings("pdf.run_sheet.figure"), "figure"),
    ):
        value = getattr(block, key, None)
        if value:
            notes.append({"label": label, "text": " ".join(str(value).split())})
    return {"talking_points": list(getattr(block, "talking_points", None) or ()), "notes": notes}


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


def _agreements_sheet(data: CourseData, subtitle: str) -> dict[str, Any]:
    group = data.group
    return {
        "kind": "agreements",
        "title": group.agreements_title,
        "subtitle": subtitle,
        "agreements": {
            "intro": group.agreements_intro,
            "items": [{"title": a.title, "text": a.text} for a in group.agreements],
        },
    }


def _dates(data: CourseData, run: Run) -> list[date | None]:
    if data.schedule.variants.get(run.variant) is None:
        known = ", ".join(data.schedule.variants)
        raise ValueError(f"unknown variant {run.variant!r} (known: {known})")
    return list(run.dates) if run.dates else [None] * len(data.course.days)


#: The guide's pages in the trainer pack, by part (pdf.trainer.*).
PREPARE = ("voorbereiden",)
SAFETY = ("als-het-zwaar-wordt", "groepsafspraken")
FORMATS = (
    "drietallen",
    "oefenen-in-tweetallen",
    "rollenspel-helpersrollen",
    "vraag-en-aanbodkring",
)
SETTINGS = ("online", "voor-teams", "evaluatie")


def trainer_handouts(data: CourseData, run: Run, guide: Path = GUIDE) -> list[Handout]:
    """The trainer pack in its order: preparing (the guide's page, materials per day, the
    intake form, the attendance list), safety, the draaiboek of each day, the group formats
    with the observer's sheet, then online, teams and the evaluation."""
    course, strings = data.course, data.strings
    subtitle = course.full_title
    dates = _dates(data, run)

    def guide_pages(pages: tuple[str, ...], part: str) -> list[Handout]:
        """The pages a book has (a small edition may leave the guide out)."""
        return [
            Handout(f"gids-{p}.pdf", part, guide_sheet(data, guide, p, subtitle))
            for p in pages
            if (guide / f"{p}.md").is_file()
        ]

    prepare = strings("pdf.trainer.prepare")
    intake = data.group.forms["intake"]
    out = [
        *guide_pages(PREPARE, prepare),
        Handout("materialen.pdf", prepare, materials_sheet(data, run, subtitle)),
        Handout("kennismakingsformulier.pdf", prepare, _form_sheet(intake, subtitle)),
        Handout("presentielijst.pdf", prepare, attendance_sheet(data, run, subtitle)),
        *guide_pages(SAFETY, strings("pdf.trainer.safety")),
    ]
    for day, when in zip(course.days, dates, strict=True):
        run_sheet, _ = _day_sheets(data.schedule, day, run.variant, when, subtitle, strings)
        out.append(Handout(f"draaiboek-{day.id}.pdf", day.heading(strings), run_sheet))
    formats = strings("pdf.trainer.formats")
    observer = strings("pdf.pack.observer", course=subtitle)
    out += guide_pages(FORMATS, formats)
    out.append(
        Handout(
            "kijkblad-waarnemer.pdf", formats, _form_sheet(data.group.forms["kijkblad"], observer)
        )
    )
    out += guide_pages(SETTINGS, strings("pdf.trainer.settings"))
    return out


def participant_handouts(data: CourseData, run: Run) -> list[Handout]:
    """The participant pack: agreements and help card, per day the programme and the
    worksheets, then the evaluation form and the certificate."""
    course, strings, exercises = data.course, data.strings, data.exercises
    subtitle = course.full_title
    general = strings("pdf.pack.general")
    out = [
        Handout("groepsafspraken.pdf", general, _agreements_sheet(data, subtitle)),
        Handout("hulpkaart.pdf", general, _help_card_sheet(data.contacts, subtitle, strings)),
    ]
    for day, when in zip(course.days, _dates(data, run), strict=True):
        _, programme = _day_sheets(data.schedule, day, run.variant, when, subtitle, strings)
        heading = day.heading(strings)
        out.append(Handout(f"programma-{day.id}.pdf", heading, programme))
        for exercise_id in day.exercises:
            sheet = worksheet_sheet(data, exercises[exercise_id])
            out.append(Handout(f"werkblad-{exercise_id}.pdf", heading, sheet))
    closing = strings("pdf.participant.closing")
    out.append(Handout("evaluatieformulier.pdf", closing, evaluation_sheet(data, subtitle)))
    out.append(Handout("certificaat.pdf", closing, certificate_sheet(data, run, subtitle)))
    return out


def pack_pdf(data: CourseData, handouts: list[Handout], cover: dict[str, Any]) -> bytes:
    sheets, part = [], None
    for handout in handouts:
        sheet = dict(handout.sheet)
        if handout.part != part:
            sheet["part"] = part = handout.part
        sheets.append(sheet)
    return render(data, sheets, cover["title"], pack=cover, footer=cover["footer"])


def build_packs(
    data: CourseData, run: Run, guide: Path = GUIDE, *, loose: bool = True
) -> dict[str, bytes]:
    """Both packs, and with ``loose`` every sheet on its own, as ``{relative path: PDF}``."""
    pdfs: dict[str, bytes] = {}
    for which, handouts in (
        (TRAINER, trainer_handouts(data, run, guide)),
        (PARTICIPANT, participant_handouts(data, run)),
    ):
        front = cover(data, run, which, loose=loose)
        if loose:
            for h in handouts:
                pdfs[f"{which}/{h.filename}"] = render(
                    data, [h.sheet], h.sheet["title"], footer=front["footer"]
                )
        pdfs[f"{which}.pdf"] = pack_pdf(data, handouts, front)
    return pdfs


def write_packs(data: CourseData, out_dir: Path, run: Run, guide: Path = GUIDE) -> list[Path]:
    """Both packs in ``out_dir``, each sheet also loose in a folder named after its pack;
    everything is made before anything is written."""
    return write_pdfs(out_dir, build_packs(data, run, guide))


def run_from_options(
    data: CourseData, variant: str = "dag", start: date | None = None, every: int = 1
) -> Run:
    """A run from the command line's --variant, --start and --every."""
    days = len(data.course.days)
    return Run(variant, tuple(course_dates(start, days, every)) if start else None)
