"""A course run as an iCalendar file every calendar app reads the same: one event per day,
or one per block.

Times are local, with a TZID on every event and one VTIMEZONE (Europe/Amsterdam, or
Europe/Brussels for a run in Belgium) written the way calendar apps publish theirs: a
STANDARD and a DAYLIGHT part, each with a yearly RRULE (the last Sunday of October and of
March). A list of every transition as RDATEs is read as "always winter time" by some
readers (vobject) and is known to trouble Outlook; the rule is read alike everywhere.

Each event's UID comes from the run (``CourseRun.run_id``) and the day, never from its
date, so a file exported again after a day moved updates that day's event; SEQUENCE grows
with every export, so apps take the newer one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import (
    Alarm,
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vText,
)

from toelaten.course import Course
from toelaten.run import CourseRun, run_uid
from toelaten.schedule import Schedule
from toelaten.strings import Strings

#: The time zone of a run, by the country whose holidays it skips (the same rules).
ZONES = {"NL": "Europe/Amsterdam", "BE": "Europe/Brussels"}
#: SEQUENCE counts minutes from here: a later export has a higher one.
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def vtimezone(tzid: str) -> Timezone:
    """Central European Time as a rule: summer time from the last Sunday of March, 02:00,
    winter time from the last Sunday of October, 03:00 (EU rules since 1996)."""
    zone = Timezone()
    zone.add("tzid", tzid)
    zone.add("x-lic-location", tzid)
    zone.add_component(_observance(TimezoneDaylight(), "CEST", 1, datetime(1996, 3, 31, 2)))
    zone.add_component(_observance(TimezoneStandard(), "CET", 2, datetime(1996, 10, 27, 3)))
    return zone


def _observance(part, name: str, hours_before: int, start: datetime):
    """One half of the year: from ``hours_before`` ahead of UTC to the other (1 <-> 2),
    from ``start`` and every year on the last Sunday of that month."""
    part.add("tzname", name)
    part.add("tzoffsetfrom", timedelta(hours=hours_before))
    part.add("tzoffsetto", timedelta(hours=3 - hours_before))
    part.add("dtstart", start)
    part.add("rrule", {"freq": "yearly", "bymonth": start.month, "byday": "-1su"})
    return part


def build_calendar(
    course: Course,
    schedule: Schedule,
    run: CourseRun,
    strings: Strings,
    *,
    per_block: bool = False,
    now: datetime | None = None,
) -> bytes:
    tzid = ZONES[run.country]
    zone = ZoneInfo(tzid)
    calendar = Calendar()
    calendar.add("prodid", "-//Toelaten//Ik heb (n)iemand nodig//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", course.full_title)
    calendar.add("x-wr-timezone", tzid)
    calendar.add_component(vtimezone(tzid))
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    sequence = max(0, int((stamp - EPOCH).total_seconds() // 60))
    details = run.details
    who = [x for x in (details.trainer, details.co_trainer, details.organisation) if x]
    footer = [", ".join(who)] if who else []
    footer += [details.contact] if details.contact else []
    for day, when in zip(course.days, run.dates, strict=True):
        window = run.window(day.id)
        slots = schedule.run_sheet(day.id, run.variant, window)
        heading = day.heading(strings)
        if per_block:
            items = [(f"{heading}: {s.block.title}", s.start, s.end, s.block.id) for s in slots]
        else:
            items = [(f"{course.title}: {heading}", slots[0].start, slots[-1].end, "dag")]
        for summary, begin, end, key in items:
            event = Event()
            event.add("uid", run_uid(run.run_id, day.id, key))
            event.add("dtstamp", stamp)
            event.add("sequence", sequence)
            event.add("summary", summary)
            event.add("dtstart", datetime.combine(when, begin, zone))
            event.add("dtend", datetime.combine(when, end, zone))
            lines = [] if per_block else [f"{s.hours} {s.block.title}" for s in slots]
            text = "\n\n".join(part for part in ("\n".join(lines), "\n".join(footer)) if part)
            if text:
                event.add("description", text)
            if details.venue:
                event.add("location", details.venue)
            organizer = _organizer(run)
            if organizer is not None:
                event.add("organizer", organizer)
            if run.reminder_minutes is not None:
                event.add_component(_alarm(run.reminder_minutes, summary))
            calendar.add_component(event)
    return calendar.to_ical()


def _organizer(run: CourseRun) -> vCalAddress | None:
    """ORGANIZER is an address: only when the contact is an e-mail address."""
    contact = run.details.contact or ""
    if "@" not in contact or " " in contact.strip():
        return None
    organizer = vCalAddress(f"mailto:{contact.strip().removeprefix('mailto:')}")
    name = run.details.trainer or run.details.organisation
    if name:
        organizer.params["cn"] = vText(name)
    return organizer


def _alarm(minutes: int, summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(minutes=-minutes))
    return alarm
