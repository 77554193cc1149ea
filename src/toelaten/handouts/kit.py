"""The pieces of the two packs besides run sheets and worksheets: the guide's pages, the
materials per day, the attendance list, the evaluation with its ratings, the certificate,
and how many copies of each sheet a group needs (all from the course's data files)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from toelaten.coursedata import CourseData
from toelaten.handouts.guide import guide_page

#: The facilitator guide's pages in a checkout of the project (the book's own folder);
#: the book's build passes its source folder instead.
GUIDE = Path(__file__).resolve().parents[3] / "facilitator-guide"
#: The packs' files, and the folders of their loose sheets, in the output folder.
TRAINER, PARTICIPANT = "begeleiderspakket", "deelnemerspakket"
#: Blank rows on the attendance list.
ATTENDANCE_ROWS = 16


@dataclass(frozen=True)
class Run:
    """One course run as the trainer's run file gives it (``toelaten … --schedule FILE``):
    the variant, the five dates when known, and who gives it where."""

    variant: str = "dag"
    dates: tuple[date, ...] | None = None
    trainer: str | None = None
    co_trainer: str | None = None
    organisation: str | None = None
    venue: str | None = None
    contact: str | None = None

    @property
    def footer(self) -> str:
        """What the packs' footers say besides the help line: who, where, how to reach."""
        return " · ".join(x for x in (self.organisation, self.venue, self.contact) if x)


def load_run(path: Path, data: CourseData) -> Run:
    """What the packs need of a trainer's run file (conventions: ``variant``, ``dates`` or
    ``start`` and ``every``, ``trainer``, ``co_trainer``, ``organisation``, ``venue``,
    ``contact``). Its other keys are the schedule's (``toelaten schedule --schedule``),
    which checks the whole file; this reads only these."""
    from toelaten._fields import read_yaml
    from toelaten.schedule import course_dates

    top = read_yaml(path)
    variant = top.text("variant", optional=True) or "dag"
    if variant not in data.schedule.variants:
        top.fail(f"unknown variant {variant!r} (known: {', '.join(data.schedule.variants)})")
    days, raw = len(data.course.days), top.raw
    try:
        if "dates" in raw:
            dates = tuple(date.fromisoformat(str(d)) for d in raw["dates"] or ())
            if len(dates) != days:
                top.fail(f"expected {days} dates, found {len(dates)}", "dates")
        elif "start" in raw:
            every = top.integer("every") if "every" in raw else 1
            dates = tuple(course_dates(date.fromisoformat(str(raw["start"])), days, every))
        else:
            dates = None
    except (TypeError, ValueError) as exc:
        top.fail(f"expected dates like 2027-03-22 ({exc})", "dates")
    people = {
        key: top.text(key, optional=True)
        for key in ("trainer", "co_trainer", "organisation", "venue", "contact")
    }
    return Run(variant, dates, **people)


def guide_sheet(data: CourseData, guide: Path, page: str, subtitle: str) -> dict[str, Any]:
    """A page of the facilitator guide (``<guide>/<page>.md``) as a sheet."""
    title, blocks = guide_page(data, guide / f"{page}.md")
    return {"kind": "guide", "title": title, "subtitle": subtitle, "guide": blocks}


def materials_sheet(data: CourseData, run: Run, subtitle: str) -> dict[str, Any]:
    """What to bring each day: the materials of the day's blocks in this variant."""
    strings, schedule = data.strings, data.schedule
    days = []
    for day in data.course.days:
        found: dict[str, list[str]] = {}
        for slot in schedule.run_sheet(day.id, run.variant):
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


def day_labels(data: CourseData, run: Run) -> list[str]:
    """'Dag 1' with its date when the run has dates, for columns and rows."""
    strings = data.strings
    labels = [strings("pdf.kit.day", number=day.number) for day in data.course.days]
    if run.dates:
        labels = [f"{label} {when:%d-%m}" for label, when in zip(labels, run.dates, strict=True)]
    return labels


def attendance_sheet(data: CourseData, run: Run, subtitle: str) -> dict[str, Any]:
    strings = data.strings
    return {
        "kind": "attendance",
        "title": strings("pdf.kit.attendance"),
        "subtitle": subtitle,
        "attendance": {
            "intro": strings("pdf.kit.attendance_intro"),
            "name": strings("pdf.kit.name"),
            "days": day_labels(data, run),
            "rows": ATTENDANCE_ROWS,
        },
    }


def evaluation_sheet(data: CourseData, subtitle: str) -> dict[str, Any]:
    """The evaluation form of group.yml, with a rating per day and for the trainer."""
    strings, form = data.strings, data.group.forms["evaluatie"]
    rows = [day.heading(strings) for day in data.course.days]
    rows += [strings("pdf.kit.rate_trainer"), strings("pdf.kit.rate_trainer_safe")]
    ratings = {
        "title": strings("pdf.kit.ratings"),
        "intro": strings("pdf.kit.ratings_intro"),
        "rows": rows,
    }
    return {
        "kind": "form",
        "title": form.title,
        "subtitle": subtitle,
        "form": {**form.as_json(), "ratings": ratings},
    }


def dates_line(data: CourseData, run: Run) -> str:
    strings = data.strings
    if not run.dates:
        return data.schedule.variants[run.variant].label
    first, last = run.dates[0], run.dates[-1]
    return strings("pdf.pack.dates", first=strings.date(first), last=strings.date(last))


def certificate_sheet(data: CourseData, run: Run, subtitle: str) -> dict[str, Any]:
    strings = data.strings
    signatures = [run.trainer or strings("pdf.kit.trainer")]
    if run.co_trainer:
        signatures.append(run.co_trainer)
    elif run.organisation:
        signatures.append(run.organisation)
    return {
        "kind": "certificate",
        "title": strings("pdf.kit.certificate"),
        "subtitle": subtitle,
        "certificate": {
            "intro": strings("pdf.kit.certificate_intro"),
            "name_line": strings("pdf.kit.name"),
            "took_part": strings("pdf.kit.took_part"),
            "course": data.course.full_title,
            "dates": dates_line(data, run),
            "signatures": signatures,
        },
    }


def copies(data: CourseData, run: Run) -> list[dict[str, str]]:
    """How many of each sheet one participant needs in this variant: a worksheet once for
    every block that does its exercise, the observer's sheet once per triad block."""
    strings, schedule = data.strings, data.schedule
    slots = [(day, s) for day in data.course.days for s in schedule.run_sheet(day.id, run.variant)]
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
    triads = [
        f"{strings('pdf.kit.day', number=d.number)}: {s.block.title}"
        for d, s in slots
        if s.block.format == "drietallen"
    ]
    rows.append(
        {
            "sheet": data.group.forms["kijkblad"].title,
            "copies": str(len(triads)),
            "why": strings("pdf.kit.copies_in", blocks="; ".join(triads)),
        }
    )
    return rows


def cover(
    data: CourseData, run: Run, which: str = TRAINER, *, loose: bool = True
) -> dict[str, Any]:
    """What a pack's cover says: the pack, who gives it where, the variant and the dates
    (or how to add them), and how to print, with the copies a group needs."""
    schedule, strings = data.schedule, data.strings
    chosen = schedule.variants[run.variant]
    about = [f"{chosen.label}: {chosen.hours}"]
    command = None
    if run.dates:
        first, last = run.dates[0], run.dates[-1]
        first_day, last_day = strings.date(first, weekday=True), strings.date(last, weekday=True)
        about.append(strings("pdf.pack.dates", first=first_day, last=last_day))
    elif which == TRAINER:
        about.append(strings("pdf.pack.own_dates"))
        command = f"toelaten handouts --group --start {strings('pdf.pack.date_pattern')}"
        if run.variant != "dag":
            command += f" --variant {run.variant}"
    people = [
        (strings("pdf.kit.trainer"), run.trainer),
        (strings("pdf.kit.co_trainer"), run.co_trainer),
        (strings("pdf.kit.organisation"), run.organisation),
        (strings("pdf.kit.venue"), run.venue),
        (strings("pdf.kit.contact"), run.contact),
    ]
    trainer = which == TRAINER
    printing = [strings("pdf.trainer.printing") if trainer else strings("pdf.participant.printing")]
    if loose:
        printing.insert(0, strings("pdf.pack.loose", folder=which))
    return {
        "title": strings("pdf.trainer.title") if trainer else strings("pdf.participant.title"),
        "about": about,
        "people": [{"label": label, "text": text} for label, text in people if text],
        "command": command,
        "printing": printing,
        "copies": copies(data, run) if trainer else None,
        "copies_head": [
            strings("pdf.kit.copies_sheet"),
            strings("pdf.kit.copies_each"),
            strings("pdf.kit.copies_why"),
        ],
        "footer": run.footer or None,
    }
