"""The course as an iCalendar file that calendar apps import: one event per day, or one
per block. Times are local to Europe/Amsterdam (also Brussels' time), so daylight saving
changes between course days come out right."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from toelaten.course import Course
from toelaten.schedule import Schedule, course_dates
from toelaten.strings import Strings

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def build_calendar(
    course: Course,
    schedule: Schedule,
    start: date,
    variant_id: str,
    strings: Strings,
    *,
    every: int = 1,
    per_block: bool = False,
) -> bytes:
    variant = schedule.variants[variant_id]
    calendar = Calendar()
    calendar.add("prodid", "-//Toelaten//Ik heb (n)iemand nodig//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", course.full_title)
    stamp = datetime.now(UTC)
    for day, when in zip(course.days, course_dates(start, len(course.days), every), strict=True):
        slots = schedule.run_sheet(day.id, variant_id)
        heading = day.heading(strings)
        if per_block:
            items = [(f"{heading}: {s.block.title}", s.start, s.end, s.block.id) for s in slots]
        else:
            items = [(f"{course.title}: {heading}", variant.start, variant.end, "dag")]
        for summary, begin, end, key in items:
            event = Event()
            name = f"toelaten/{start}/{variant_id}/{day.id}/{key}"
            event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@toelaten")
            event.add("dtstamp", stamp)
            event.add("summary", summary)
            event.add("dtstart", datetime.combine(when, begin, TIMEZONE))
            event.add("dtend", datetime.combine(when, end, TIMEZONE))
            if not per_block:
                event.add(
                    "description",
                    "\n".join(f"{s.hours} {s.block.title}" for s in slots),
                )
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
