"""The group's forms on paper (``data/group.yml``) and the kit's other loose sheets to fill
in: the intake, the observer's sheet of each day, the one evaluation form, the attendance
list and the certificate."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import TYPE_CHECKING, Any

from toelaten.coursedata import CourseData
from toelaten.group import Form
from toelaten.handouts.kit import day_labels, details

if TYPE_CHECKING:
    from toelaten.run import CourseRun

#: Blank rows on the attendance list (one landscape page).
ATTENDANCE_ROWS = 14


def form_sheet(data: CourseData, form: Form, subtitle: str) -> dict[str, Any]:
    """A form of group.yml as a sheet; a form with ratings (the evaluation) gets a row for
    every day of the course and its own rows, so every copy of it is the same form."""
    shown = form.as_json()
    if form.ratings is not None:
        days = [day.heading(data.strings) for day in data.course.days]
        shown["ratings"] = {
            "title": form.ratings.title,
            "intro": form.ratings.intro,
            "rows": form.ratings.all_rows(days),
        }
    return {"kind": "form", "title": form.title, "subtitle": subtitle, "form": shown}


def observer_sheets(data: CourseData, subtitle: str) -> dict[str, dict[str, Any]]:
    """Per day id with an observation task (group.yml's kijkopdrachten), that day's
    kijkblad: the task on top, then the questions; a day whose task asks something per
    role gets a column for each."""
    group, strings = data.group, data.strings
    form = group.forms["kijkblad"]
    sheets = {}
    for day in data.course.days:
        task = group.observer_tasks.get(day.id)
        if task is None:
            continue
        sheet = form_sheet(data, form, subtitle)
        sheet["title"] = strings("pdf.forms.observer_day", title=form.title, number=day.number)
        sheet["form"]["task"] = {
            "label": strings("draaiboek.observer"),
            "text": " ".join(task.split()),
        }
        sheet["form"]["columns"] = list(form.columns.get(day.id, ()))
        sheets[day.id] = sheet
    return sheets


def attendance_sheet(data: CourseData, run: CourseRun | None, subtitle: str) -> dict[str, Any]:
    """Names down, the days across (initials) and a signature: nothing else, as it goes
    round the group every day (phone numbers and who wants a message later are on each
    one's intake form)."""
    strings = data.strings
    return {
        "kind": "attendance",
        "title": strings("pdf.kit.attendance"),
        "subtitle": subtitle,
        "landscape": True,
        "attendance": {
            "intro": strings("pdf.kit.attendance_intro"),
            "name": strings("pdf.kit.name"),
            "signature": strings("pdf.forms.signature"),
            "days": day_labels(data, run),
            "rows": ATTENDANCE_ROWS,
        },
    }


def intake_sheet(data: CourseData, run: CourseRun | None, subtitle: str) -> dict[str, Any]:
    """The intake form; with a run, the day its form is destroyed at the latest (three
    months after the last day) stands under that field."""
    sheet = form_sheet(data, data.group.forms["intake"], subtitle)
    if run is not None:
        last = run.dates[-1]
        month = last.month + 2  # three months on, counted from 0
        year, month = last.year + month // 12, month % 12 + 1
        day = min(last.day, monthrange(year, month)[1])
        by = data.strings.date(date(year, month, day))
        for field in sheet["form"]["fields"]:
            if field["id"] == "vernietigen":
                field["help"] = data.strings("pdf.pack2.destroy_by", date=by)
    return sheet


def place(venue: str | None) -> str | None:
    """The town of a venue ("Zaal 2, Lindelaan 4, 8011 AB Zwolle": "Zwolle"): its last
    part, without a Dutch or Belgian postcode."""
    if not venue:
        return None
    town = venue.rsplit(",", 1)[-1].strip()
    return re.sub(r"^\d{4}(\s?[A-Z]{2})?\s+", "", town) or None


def training_minutes(data: CourseData, variant: str, run: CourseRun | None) -> int:
    """The minutes of training in a run (or the variant's own hours): every block but
    the breaks."""
    schedule = data.schedule
    total = 0
    for day in data.course.days:
        slots = schedule.run_sheet(day.id, variant, run.window(day.id) if run else None)
        total += sum(s.minutes for s in slots if s.block.format != "pauze")
    return total


def certificate_sheet(
    data: CourseData, variant: str, run: CourseRun | None, subtitle: str
) -> dict[str, Any]:
    """A loose landscape sheet for the last day: no help line on it (it is a keepsake),
    the days and hours of the run, place and date, and a line for each trainer."""
    strings, who = data.strings, details(run)
    signatures = [who.trainer or strings("pdf.kit.trainer")]
    if who.co_trainer:
        signatures.append(who.co_trainer)
    days = len(data.course.days)
    hours = round(training_minutes(data, variant, run) / 60)
    period = strings("pdf.forms.certificate_length", days=days, hours=hours)
    if run is not None:
        first, last = run.dates[0], run.dates[-1]
        period = strings(
            "pdf.forms.certificate_dates",
            first=strings.date(first),
            last=strings.date(last),
            length=period,
        )
    return {
        "kind": "certificate",
        "title": strings("pdf.kit.certificate"),
        "subtitle": subtitle,
        "landscape": True,
        "bare": True,
        "certificate": {
            "intro": strings("pdf.kit.certificate_intro"),
            "name_line": strings("pdf.kit.name"),
            "took_part": strings("pdf.kit.took_part"),
            "course": data.course.title,
            "course_subtitle": data.course.subtitle,
            "period": period,
            "organisation": who.organisation,
            "place": strings("pdf.forms.place"),
            "place_value": place(who.venue),
            "date": strings("pdf.forms.date"),
            "date_value": strings.date(run.dates[-1]) if run is not None else None,
            "signatures": signatures,
            "signature": strings("pdf.forms.signature"),
        },
    }
