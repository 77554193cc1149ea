"""The facilitator's schedule: days that add up, clock times per day, a calendar that imports."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from toelaten import DataError
from toelaten.calendar import build_calendar
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.dates import plan_dates
from toelaten.run import CourseRun
from toelaten.schedule import QUIET_FORMATS, load_schedule
from toelaten.strings import Strings

DATA = CourseData()

SCHEDULE = DATA.schedule


@pytest.mark.parametrize("variant", ["dag", "dagdeel"])
@pytest.mark.parametrize("day", [d.id for d in DATA.course.days])
def test_each_day_fills_its_window_and_the_clock_restarts(day, variant):
    window = SCHEDULE.variants[variant]
    slots = SCHEDULE.run_sheet(day, variant)
    assert slots[0].start == window.start
    assert slots[-1].end == window.end
    assert sum(s.minutes for s in slots) == window.minutes
    for before, after in itertools.pairwise(slots):
        assert before.end == after.start


def test_the_full_days_cover_every_exercise_of_their_day():
    for day in DATA.course.days:
        planned = {s.block.exercise for s in SCHEDULE.run_sheet(day.id, "dag")}
        assert set(day.exercises) <= planned, day.id


def test_every_block_is_complete_and_group_work_has_a_debrief():
    for blocks in SCHEDULE.days.values():
        for block in blocks:
            assert block.format in SCHEDULE.formats
            if block.format not in QUIET_FORMATS:
                assert block.goal and block.instructions, block.id
            if block.format in ("tweetallen", "drietallen") or block.werkvorm:
                assert block.debrief, block.id


@pytest.fixture
def schedule_text():
    return DATA.paths["schedule"].read_text(encoding="utf-8")


ACHT = "minutes: {dag: 20, dagdeel: 15}\n        goal: Iedereen weet"


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        (
            "exercise: acht-redenen",
            "exercise: acht-reden",
            ["dag-1", "'acht-redenen'", "'acht-reden'"],
        ),
        (ACHT, ACHT.replace("dag: 20", "dag: 0"), ["dag-1", "'acht-redenen'", "'0'", "dag"]),
        (ACHT, ACHT.replace("dag: 20", "dag: -5"), ["dag-1", "'acht-redenen'", "'-5'"]),
        (ACHT, ACHT.replace("dag: 20", "dag: tien"), ["dag-1", "'acht-redenen'", "'tien'"]),
        (ACHT, ACHT.replace("dag: 20", "ochtend: 20"), ["dag-1", "'acht-redenen'", "'ochtend'"]),
        # 15 minutes too many on a full day: the numbers, and how many to take away.
        (ACHT, ACHT.replace("dag: 20", "dag: 35"), ["dag-1", "405", "09:30–16:00", "390", " 15 "]),
        (ACHT, ACHT.replace("dag: 20", "dag: 10"), ["dag-1", "380", "390", " 10 "]),
        (
            "werkvorm: rollenspel-helpersrollen",
            "werkvorm: toneel",
            ["dag-4", "'rollenspel'", "'toneel'", "vraag-en-aanbodkring"],
        ),
        (
            "format: tweetallen\n        minutes: {dag: 25, dagdeel: 15}\n        goal: Merken",
            "format: viertallen\n        minutes: {dag: 25, dagdeel: 15}\n        goal: Merken",
            ["dag-1", "'redenen-delen'", "'viertallen'", "drietallen"],
        ),
        ("  - day: dag-2\n", "  - day: dag-3\n", ["dag-1, dag-2, dag-3, dag-4, dag-5"]),
    ],
)
def test_a_broken_schedule_names_the_day_and_the_block(tmp_path, schedule_text, old, new, named):
    assert old in schedule_text
    path = tmp_path / "schedule.yml"
    path.write_text(schedule_text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_schedule(path, DATA.course, DATA.exercises, DATA.strings)
    assert str(err.value).startswith(str(path))
    for part in named:
        assert part in str(err.value), part


def test_the_schedule_speaks_the_course_language(tmp_path, schedule_text):
    """The loader's messages come from the course's catalogue (another language, its own)."""
    path = tmp_path / "schedule.yml"
    path.write_text(schedule_text.replace("format: drietallen", "format: kring", 1), "utf-8")
    own = {**DATA.strings.messages, "schedule_load.format": "FORMAT {day}/{block}/{value}"}
    with pytest.raises(DataError) as err:
        load_schedule(path, DATA.course, DATA.exercises, Strings("xx", own))
    assert str(err.value).startswith(f"{path}: FORMAT dag-1/")
    assert str(err.value).endswith("/kring")


def test_a_missing_goal_is_named_with_its_block(tmp_path, schedule_text):
    path = tmp_path / "schedule.yml"
    text = schedule_text.replace("        goal: Iedereen weet", "        # goal: Iedereen weet", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as err:
        load_schedule(path, DATA.course, DATA.exercises, DATA.strings)
    assert "dag-1" in str(err.value) and "'acht-redenen'" in str(err.value)
    assert "goal" in str(err.value)


def planned(start: date, every: int = 1) -> list[date]:
    return list(plan_dates(start, 5, every, "NL", DATA.strings).dates)


#: Five days in a row, over the change to summer time (28 March 2027), as a trainer may list.
OVER_DST = (
    date(2027, 3, 25),
    date(2027, 3, 26),
    date(2027, 3, 29),
    date(2027, 3, 30),
    date(2027, 3, 31),
)
#: Five working days in a row.
JANUARY = tuple(date(2027, 1, d) for d in range(25, 30))


def test_planned_dates_skip_weekends_or_follow_an_interval():
    assert planned(date(2027, 1, 28)) == [
        date(2027, 1, 28),
        date(2027, 1, 29),
        date(2027, 2, 1),
        date(2027, 2, 2),
        date(2027, 2, 3),
    ]
    weekly = planned(date(2027, 1, 25), every=7)
    assert weekly[-1] - weekly[0] == timedelta(days=28)


def test_the_calendar_parses_back_with_local_times_across_daylight_saving():
    # 28 March 2027: clocks go forward in Europe/Amsterdam, between course days 2 and 3.
    run = CourseRun("dagdeel", OVER_DST, "test")
    raw = build_calendar(DATA.course, SCHEDULE, run, DATA.strings)
    calendar = Calendar.from_ical(raw)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert len(events) == 5
    starts = [e.decoded("dtstart") for e in events]
    assert tuple(s.date() for s in starts) == OVER_DST
    assert {(s.hour, s.minute) for s in starts} == {(13, 0)}
    assert {(e.decoded("dtend").hour) for e in events} == {16}
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1)] * 2 + [timedelta(hours=2)] * 3
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    assert DATA.course.days[0].title in str(events[0]["summary"])
    assert len({str(e["uid"]) for e in events}) == 5


def test_a_calendar_per_block_has_every_block():
    run = CourseRun("dag", JANUARY, "test")
    raw = build_calendar(DATA.course, SCHEDULE, run, DATA.strings, per_block=True)
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == sum(len(SCHEDULE.run_sheet(d, "dag")) for d in SCHEDULE.days)
    first = min(events, key=lambda e: e.decoded("dtstart"))
    assert (first.decoded("dtstart").hour, first.decoded("dtstart").minute) == (9, 30)


def test_the_schedule_command_prints_dutch_dates_and_writes_the_calendar(tmp_path):
    ics = tmp_path / "cursus.ics"
    result = CliRunner().invoke(main, ["schedule", "--start", "2027-01-25", "--ics", str(ics)])
    assert result.exit_code == 0, result.output
    hours = SCHEDULE.variants["dag"].hours
    assert f"maandag 25 januari 2027, {hours}" in result.output
    assert f"vrijdag 29 januari 2027, {hours}" in result.output
    first = SCHEDULE.run_sheet("dag-1", "dag")[0]
    fmt = SCHEDULE.formats[first.block.format].lower()
    assert f"  {first.hours}  {first.block.title} ({fmt})" in result.output
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 5


def test_every_werkvorm_has_a_guide_page_with_purpose_steps_timing_and_debrief(root):
    for werkvorm in SCHEDULE.werkvormen:
        text = (root / "facilitator-guide" / f"{werkvorm}.md").read_text(encoding="utf-8")
        for heading in ("## Doel", "## Zo doe je het", "## Nabespreken"):
            assert heading in text, f"{werkvorm}: {heading}"
        # How long it takes comes from its timing in group.yml, the one the checks use.
        assert f"```{{werkvorm-tijd}} {werkvorm}\n```" in text, f"{werkvorm}: its timing"
