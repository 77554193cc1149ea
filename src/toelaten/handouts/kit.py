"""The pieces of the two packs besides run sheets, worksheets and forms (``forms.py``):
the guide's pages, the materials per day, the covers and how many copies of each sheet a
group needs (all from the course's data files)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.course import Day
from toelaten.coursedata import CourseData
from toelaten.handouts.guide import guide_page
from toelaten.handouts.guide_links import PaperLinks
from toelaten.run_link import presentation_link
from toelaten.schedule import RunDetails, Slot, hours

if TYPE_CHECKING:
    from toelaten.run import CourseRun

#: The facilitator guide's pages in a checkout of the project (the book's own folder);
#: the book's build passes its source folder instead.
GUIDE = Path(__file__).resolve().parents[3] / "facilitator-guide"
#: The packs' files, and the folders of their loose sheets, in the output folder.
TRAINER, PARTICIPANT = "begeleiderspakket", "deelnemerspakket"


def run_dates(data: CourseData, run: CourseRun | None) -> list[date | None]:
    """The date of each day in a run, or ``None`` for every day when there is no run."""
    return list(run.dates) if run is not None else [None] * len(data.course.days)


def details(run: CourseRun | None) -> RunDetails:
    """Who gives the run where (the run file's trainer, organisation, venue, contact)."""
    return run.details if run is not None else RunDetails()


def footer(run: CourseRun | None) -> str | None:
    """What the packs' footers say besides the help line: who, where, how to reach."""
    who = details(run)
    return " · ".join(x for x in (who.organisation, who.venue, who.contact) if x) or None


def guide_sheet(
    data: CourseData,
    guide: Path,
    page: str,
    subtitle: str,
    printed: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """A page of the facilitator guide (``<guide>/<page>.md``) as a sheet; ``printed``, the
    guide's pages in the same pack, makes its links say where their pages are
    (guide_links.py)."""
    links = None if printed is None else PaperLinks(guide, printed, data.strings)
    title, blocks = guide_page(data, guide / f"{page}.md", links)
    return {"kind": "guide", "title": title, "subtitle": subtitle, "guide": blocks}


def materials_sheet(
    data: CourseData, variant: str, run: CourseRun | None, subtitle: str
) -> dict[str, Any]:
    """What to bring each day: the materials of the day's blocks in this variant."""
    strings, schedule = data.strings, data.schedule
    days = []
    for day in data.course.days:
        found: dict[str, list[str]] = {}
        window = run.window(day.id) if run else None
        for slot in schedule.run_sheet(day.id, variant, window):
            for item in slot.block.materials:
                found.setdefault(item, []).append(slot.block.title)
        items = [{"name": name, "blocks": ", ".join(blocks)} for name, blocks in found.items()]
        days.append({"title": day.heading(strings), "items": items})
    return {
        "kind": "materials",
        "title": strings("pdf.kit.materials"),
        "subtitle": subtitle,
        "materials": {
            "intro": strings("pdf.kit.materials_intro"),
            "none": strings("pdf.kit.materials_none"),
            "days": days,
        },
    }


def day_labels(data: CourseData, run: CourseRun | None) -> list[str]:
    """'Dag 1' with its date when the run has dates, for columns and rows."""
    strings = data.strings
    labels = [strings("pdf.kit.day", number=day.number) for day in data.course.days]
    if run is not None:
        labels = [f"{label} {when:%d-%m}" for label, when in zip(labels, run.dates, strict=True)]
    return labels


def copies(data: CourseData, variant: str) -> list[dict[str, str]]:
    """How many of each sheet one participant needs in this variant: a worksheet once for
    every block that does its exercise, the observer's sheet once for every block whose
    werkvorm has an observer (group.yml's ``observer: true``: triads, the role play)."""
    strings, schedule = data.strings, data.schedule
    slots = [(day, s) for day in data.course.days for s in schedule.run_sheet(day.id, variant)]
    rows = []
    for day in data.course.days:
        for exercise_id in day.exercises:
            blocks = [s.block.title for d, s in slots if s.block.exercise == exercise_id]
            exercise = data.exercises[exercise_id]
            why = (
                strings("pdf.kit.copies_in", blocks=", ".join(blocks))
                if blocks
                else strings("pdf.kit.copies_home")
            )
            rows.append({"sheet": exercise.title, "copies": str(len(blocks)), "why": why})
    rows += observer_copies(data, slots)
    return rows


def observer_copies(data: CourseData, slots: list[tuple[Day, Slot]]) -> list[dict[str, str]]:
    """The observer's sheet of each day (its own questions): one for every block whose
    werkvorm has an observer (group.yml's ``observer: true``), each participant observing
    once a block; in a group of four two observe each round, so two a block."""
    strings, werkvormen = data.strings, data.group.werkvormen
    form = data.group.forms["kijkblad"]
    rows = []
    for day in data.course.days:
        if day.id not in data.group.observer_tasks:
            continue
        blocks = [
            s.block.title
            for d, s in slots
            if d.id == day.id
            and s.block.werkvorm in werkvormen
            and werkvormen[s.block.werkvorm].observer
        ]
        if not blocks:
            continue
        rows.append(
            {
                "sheet": strings("pdf.forms.observer_day", title=form.title, number=day.number),
                "copies": str(len(blocks)),
                "why": strings(
                    "pdf.pack2.observer_copies",
                    blocks=", ".join(blocks),
                    four=2 * len(blocks),
                ),
            }
        )
    return rows


def _when(data: CourseData, variant: str, run: CourseRun | None) -> list[str]:
    """The cover's lines on when: the variant and its hours, or each day's date and hours."""
    schedule, strings = data.schedule, data.strings
    chosen = schedule.variants[variant]
    if run is None:
        return [f"{chosen.label}: {chosen.hours}"]
    lines = [chosen.label]
    for day, when in zip(data.course.days, run.dates, strict=True):
        slots = schedule.run_sheet(day.id, variant, run.window(day.id))
        lines.append(
            strings(
                "pdf.kit.day_when",
                day=strings("pdf.kit.day", number=day.number),
                date=strings.date(when, weekday=True),
                hours=hours(slots[0].start, slots[-1].end),
            )
        )
    return lines


def cover(
    data: CourseData,
    variant: str,
    run: CourseRun | None,
    which: str = TRAINER,
    *,
    loose: bool = True,
) -> dict[str, Any]:
    """What a pack's cover says: the pack, who gives it where, the variant and each day's
    date and hours (or how to add them), and how to print, with the copies a group needs."""
    strings, who = data.strings, details(run)
    trainer = which == TRAINER
    about = _when(data, variant, run)
    commands = []
    if run is None and trainer:
        about.append(strings("pdf.pack.own_dates"))
        run_file = strings("pdf.pack.run_file")
        commands = [
            f"toelaten schedule --new {run_file}",
            f"toelaten handouts --schedule {run_file}",
        ]
    people = [
        (strings("pdf.kit.trainer"), who.trainer),
        (strings("pdf.kit.co_trainer"), who.co_trainer),
        (strings("pdf.kit.organisation"), who.organisation),
        (strings("pdf.kit.venue"), who.venue),
        (strings("pdf.kit.contact"), who.contact),
    ]
    printing = [strings("pdf.trainer.printing") if trainer else strings("pdf.participant.printing")]
    if loose:
        printing.insert(0, strings("pdf.pack.loose", folder=which))
    return {
        "title": strings("pdf.trainer.title") if trainer else strings("pdf.participant.title"),
        "about": about,
        "people": [{"label": label, "text": text} for label, text in people if text],
        "commands": commands,
        "link": presentation_link(run, data.course, data.schedule) if run and trainer else None,
        "link_text": strings("pdf.pack.presentation_link"),
        "printing": printing,
        "copies": copies(data, variant) if trainer else None,
        "copies_head": [
            strings("pdf.kit.copies_sheet"),
            strings("pdf.kit.copies_each"),
            strings("pdf.kit.copies_why"),
        ],
        "footer": footer(run),
    }
