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


def template(course: Course, schedule: Schedule, strings: Strings, today: date) -> str:
    """A commented starting copy of a run file: five real dates, a week apart, from the
    Monday two weeks ahead (holidays left out; the homework between two days counts on a
    week), every key with what it does, and an id of its own."""
    monday = today + timedelta(days=14 - today.weekday())
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
