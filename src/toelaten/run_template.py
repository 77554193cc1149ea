"""The commented starting copy of a trainer's run file (``toelaten schedule --new FILE``):
every key with what it does, in the course's language, and real dates to change."""

from __future__ import annotations

import hashlib
import secrets
import textwrap
from datetime import date, time, timedelta

from toelaten.course import Course
from toelaten.dates import plan_dates
from toelaten.schedule import Schedule
from toelaten.strings import Strings

#: The weeks most groups are away (Christmas and New Year, high summer): a proposed run
#: steers clear of them. As (month, day) from and to, inclusive.
HOLIDAY_WEEKS = (((12, 20), (1, 6)), ((7, 15), (8, 15)))


def first_monday(today: date, days: int) -> date:
    """The Monday two weeks ahead, or the first after a holiday season the weekly run
    would touch."""
    monday = today + timedelta(days=14 - today.weekday())
    while True:
        last = monday + timedelta(weeks=days - 1)
        clash = next(
            (end for start, end in _seasons(monday, last) if monday <= end and start <= last), None
        )
        if clash is None:
            return monday
        monday = clash + timedelta(days=7 - clash.weekday())


def _seasons(first: date, last: date):
    """The holiday seasons of the years from ``first`` to ``last`` as (start, end) dates."""
    for year in range(first.year - 1, last.year + 1):
        for (m1, d1), (m2, d2) in HOLIDAY_WEEKS:
            start = date(year, m1, d1)
            end = date(year + (1 if m2 < m1 else 0), m2, d2)
            yield start, end


def template(course: Course, schedule: Schedule, strings: Strings, today: date) -> str:
    """A commented starting copy of a run file: five real dates, a week apart, from the
    Monday two weeks ahead or after the next school holiday (holidays left out; the
    homework between two days counts on a week), every key with what it does, and an id
    of its own."""
    monday = first_monday(today, len(course.days))
    planned = plan_dates(monday, len(course.days), 7, "NL", strings)
    dates = ", ".join(f'"{d}"' for d in planned.dates)
    first = course.days[0].id
    variant = schedule.variants.get("dag")
    start, end = (variant.start, variant.end) if variant else (time(9, 30), time(16, 0))
    digest = hashlib.sha256(secrets.token_bytes(16)).hexdigest()[:10]
    variants = " of ".join(schedule.variants)
    lines = [
        *_comment(strings("run.new.intro")),
        "",
        *_comment(strings("run.new.id")),
        f'id: "ronde-{digest}"',
        "",
        *_comment(strings("run.new.variant", variants=variants)),
        "variant: dag",
        "",
        *_comment(strings("run.new.dates", days=len(course.days))),
        f"dates: [{dates}]",
        *_comment(strings("run.new.start")),
        f'# start: "{planned.dates[0]}"',
        "# every: 7",
        "",
        *_comment(strings("run.new.times")),
        "# times:",
        f'#   {first}: {{start: "{start:%H:%M}", end: "{end:%H:%M}"}}',
        "",
        *_comment(strings("run.new.country")),
        "country: NL",
        "",
        *_comment(strings("run.new.people")),
        'trainer: ""',
        'co_trainer: ""',
        'organisation: ""',
        'venue: ""',
        'contact: ""',
        "",
        *_comment(strings("run.new.reminder")),
        "reminder_minutes: 60",
    ]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, 88)]
