"""The calendar file read as calendar apps read it: the same local times in icalendar,
vobject and ics across the change to summer time; events updated, not doubled, when a
day moves; where, who and a reminder."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import ics
import pytest
import vobject
from icalendar import Calendar

from toelaten.calendar import build_calendar
from toelaten.coursedata import CourseData
from toelaten.run import CourseRun
from toelaten.schedule import RunDetails

DATA = CourseData()
# A weekly half-day run over the last Sunday of March 2027 (the 28th): days 1 and 2 in
# winter time, days 3 to 5 in summer time.
DATES = (
    date(2027, 3, 15),
    date(2027, 3, 22),
    date(2027, 3, 30),
    date(2027, 4, 5),
    date(2027, 4, 12),
)
DETAILS = RunDetails(
    trainer="Anna de Vries",
    organisation="Buurthuis De Kern",
    venue="Zaal 2, Dorpsstraat 1, Deventer",
    contact="anna@example.org",
)


def make(dates=DATES, country="NL", **changes):
    run = CourseRun("dagdeel", dates, "ronde-test", details=DETAILS, country=country)
    run = dataclasses.replace(run, reminder_minutes=60, **changes)
    return build_calendar(DATA.course, DATA.schedule, run, DATA.strings).decode("utf-8")


def local(moment: datetime, zone: str) -> tuple:
    moment = moment.astimezone(ZoneInfo(zone))
    return moment.date(), moment.hour, moment.minute


def readings(text: str, zone: str) -> dict[str, list[tuple]]:
    by_icalendar = [e.decoded("dtstart") for e in Calendar.from_ical(text).walk("VEVENT")]
    by_vobject = [e.dtstart.value for e in vobject.readOne(text).vevent_list]
    by_ics = [e.begin.datetime for e in ics.Calendar(text).events]
    return {
        name: sorted(local(m, zone) for m in found)
        for name, found in (
            ("icalendar", by_icalendar),
            ("vobject", by_vobject),
            ("ics", by_ics),
        )
    }


@pytest.mark.parametrize(
    ("country", "zone"), [("NL", "Europe/Amsterdam"), ("BE", "Europe/Brussels")]
)
def test_three_readers_agree_on_the_local_times_across_daylight_saving(country, zone):
    text = make(country=country)
    start = DATA.schedule.variants["dagdeel"].start
    expected = [(d, start.hour, start.minute) for d in DATES]
    for reader, found in readings(text, zone).items():
        assert found == expected, reader
    # and the absolute instants are right: UTC+1 before the change, UTC+2 after
    offsets = [e.decoded("dtstart").utcoffset() for e in Calendar.from_ical(text).walk("VEVENT")]
    assert sorted(offsets) == [timedelta(hours=1)] * 2 + [timedelta(hours=2)] * 3
    assert f"TZID={zone}" in text


def test_the_time_zone_is_a_rule_not_a_list_of_dates():
    zone = Calendar.from_ical(make()).walk("VTIMEZONE")[0]
    assert zone["tzid"] == "Europe/Amsterdam"
    parts = {c.name: c for c in zone.subcomponents}
    assert set(parts) == {"STANDARD", "DAYLIGHT"}
    for name, month in (("DAYLIGHT", 3), ("STANDARD", 10)):
        rule = parts[name]["rrule"]
        assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [month]
        assert [str(d).upper() for d in rule["BYDAY"]] == ["-1SU"]
        assert "RDATE" not in parts[name]


def test_moving_a_day_updates_its_event_instead_of_adding_one():
    before = Calendar.from_ical(make())
    moved = (*DATES[:2], date(2027, 3, 31), *DATES[3:])
    later = datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC"))
    run = CourseRun("dagdeel", moved, "ronde-test", details=DETAILS)
    after = Calendar.from_ical(
        build_calendar(DATA.course, DATA.schedule, run, DATA.strings, now=later)
    )
    uids = [str(e["uid"]) for e in before.walk("VEVENT")]
    assert len(set(uids)) == 5
    assert uids == [str(e["uid"]) for e in after.walk("VEVENT")]
    assert all(
        int(a["sequence"]) > int(b["sequence"])
        for a, b in zip(after.walk("VEVENT"), before.walk("VEVENT"), strict=True)
    )


def test_each_event_has_the_venue_the_organiser_and_a_reminder():
    for event in Calendar.from_ical(make()).walk("VEVENT"):
        assert str(event["location"]) == DETAILS.venue
        assert str(event["organizer"]) == "mailto:anna@example.org"
        assert "Anna de Vries" in str(event["description"])
        alarm = event.walk("VALARM")[0]
        assert alarm.decoded("trigger") == timedelta(minutes=-60)
