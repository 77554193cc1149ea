"""The trainer's own run: dates that skip weekends and public holidays (and say so), a run
file with per-day hours, and a Dutch message for every broken run file."""

from __future__ import annotations

import itertools
import re
import textwrap
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from test_cli import said
from toelaten import DataError
from toelaten._fields import read_yaml
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.dates import plan_dates
from toelaten.run import RunFileError, load_run
from toelaten.run_template import first_monday
from toelaten.schedule import BUFFER

DATA = CourseData()
STRINGS = DATA.strings


def planned(start, every, country="NL"):
    return plan_dates(start, 5, every, country, STRINGS)


def test_a_weekly_half_day_run_skips_easter_monday_and_says_so():
    run = planned(date(2027, 3, 22), 7)
    assert date(2027, 3, 29) not in run.dates
    assert all(d.weekday() < 5 for d in run.dates)
    assert [d.weekday() for d in run.dates].count(0) == 4  # the rhythm keeps its Monday
    assert len(run.notices) == 1 and "29 maart 2027" in run.notices[0]


def test_a_week_from_26_april_2027_skips_koningsdag_in_nl_not_in_be():
    nl = planned(date(2027, 4, 26), 1)
    assert date(2027, 4, 27) not in nl.dates and "Koningsdag" in nl.notices[0]
    be = planned(date(2027, 4, 26), 1, "BE")
    assert date(2027, 4, 27) in be.dates and not be.notices


def test_every_two_days_from_a_thursday_never_lands_in_a_weekend():
    run = planned(date(2027, 1, 7), 2)
    assert all(d.weekday() < 5 for d in run.dates)
    assert len(set(run.dates)) == 5 and list(run.dates) == sorted(run.dates)
    assert run.notices  # the moves are said


def test_a_start_on_a_saturday_moves_to_monday_with_a_notice():
    run = planned(date(2027, 1, 23), 1)
    assert run.dates[0] == date(2027, 1, 25)
    assert "zaterdag 23 januari 2027" in run.notices[0]


def write(tmp_path, text, name="rooster.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def day_one():
    """Day 1's full-day blocks: all their minutes, and those of its buffer (Uitloop)."""
    blocks = [b for b in DATA.schedule.days["dag-1"] if "dag" in b.minutes]
    buffer = next(b.minutes["dag"] for b in blocks if b.format == BUFFER)
    return sum(b.minutes["dag"] for b in blocks), buffer


def later(clock_text, minutes):
    hour, minute = map(int, clock_text.split(":"))
    total = hour * 60 + minute + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


GOOD = """\
    variant: dag
    dates: ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-30"]
    times:
      dag-1: {start: 9:00, end: "16:00"}
    trainer: Anna de Vries
    organisation: Buurthuis De Kern
    venue: "Zaal 2, Dorpsstraat 1, Deventer"
    contact: anna@example.org
"""


def test_a_run_file_gives_dates_hours_and_who_gives_the_course(tmp_path):
    schedule = DATA.schedule
    run = load_run(write(tmp_path, GOOD), DATA.course, schedule, STRINGS)
    assert run.dates[-1] == date(2027, 3, 30)
    assert run.details.venue == "Zaal 2, Dorpsstraat 1, Deventer"
    assert run.details.trainer == "Anna de Vries" and run.details.co_trainer is None
    slots = schedule.run_sheet("dag-1", "dag", run.window("dag-1"))
    assert (slots[0].start.hour, slots[0].start.minute) == (9, 0)  # unquoted 9:00 read right
    assert slots[-1].end.hour == 16
    buffer = next(s for s in slots if s.block.format == BUFFER)
    assert buffer.minutes == day_one()[1] + 30  # the half hour more went to the buffer


def test_a_shorter_day_eats_the_buffer_and_no_more(tmp_path):
    schedule, (_, buffer) = DATA.schedule, day_one()
    slots = schedule.run_sheet("dag-1", "dag", run_window(later("09:30", buffer), "16:00"))
    assert all(s.block.format != BUFFER for s in slots)  # eaten whole, left out
    with pytest.raises(DataError):
        schedule.run_sheet("dag-1", "dag", run_window(later("09:30", buffer + 5), "16:00"))


def run_window(start, end):
    from toelaten.schedule import clock

    return clock(start), clock(end)


def problems(tmp_path, text, schedule=None):
    path = write(tmp_path, text)
    with pytest.raises(RunFileError) as err:
        load_run(path, DATA.course, schedule or DATA.schedule, STRINGS)
    for line in err.value.problems:
        assert line.startswith(f"{path}: ")
    return "\n".join(err.value.problems)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("variant: dag\n", ["run.no_dates"]),
        ('dates: ["2027-03-22"]\nstart: "2027-03-22"\n', ["run.both_dates"]),
        ('dates: ["2027-03-22", "2027-03-23"]\n', ["run.date_count"]),
        ('dates: ["2027-03-22", "22-03-2027", "x", "y", "z"]\n', ["run.date"]),
        ('start: "2027-03-22"\nevery: nul\n', ["run.every"]),
        ('start: "2027-03-22"\nvariant: avond\n', ["run.variant"]),
        ('start: "2027-03-22"\ncountry: DE\n', ["run.country"]),
        ('start: "2027-03-22"\ntrainr: Anna\n', ["run.unknown_key"]),
        ('start: "2027-03-22"\nreminder_minutes: lang\n', ["run.reminder"]),
        ('start: "2027-03-22"\ntimes: {dag-9: {start: "09:00"}}\n', ["run.times_day"]),
        ('start: "2027-03-22"\ntimes: {dag-1: {start: "9 uur"}}\n', ["run.time"]),
        (
            'start: "2027-03-22"\ntimes: {dag-1: {start: "16:00", end: "09:30"}}\n',
            ["run.time_order"],
        ),
        ('start: "2027-03-22"\ntimes: {dag-1: {end: "15:00"}}\n', ["run.no_buffer"]),
        ('start: "2027-03-22"\nstart: "2027-03-29"\n', ["run.duplicate"]),
        ("start: [\n", ["run.not_yaml"]),
        (
            'dates: ["2027-03-22", "2027-03-21", "2027-03-24", "2027-03-25", "2027-03-26"]\n',
            ["run.date_order"],
        ),
    ],
)
def test_every_broken_run_file_gets_its_dutch_message(tmp_path, text, says):
    found = problems(tmp_path, text)
    for key in says:
        first_words = STRINGS.messages[key].split("{")[0].strip()
        assert first_words in found, (key, found)
    assert "Traceback" not in found


def test_a_day_too_short_for_its_blocks_names_the_day_and_the_end_that_fits(tmp_path):
    found = problems(
        tmp_path, 'start: "2027-03-22"\ntimes: {dag-1: {start: "09:30", end: "14:00"}}\n'
    )
    assert DATA.course.days[0].heading(STRINGS) in found
    total, buffer = day_one()
    assert later("09:30", total - buffer) in found  # the blocks without the buffer


def test_explicit_dates_on_a_weekend_or_holiday_are_kept_with_a_warning(tmp_path):
    text = 'dates: ["2027-03-22", "2027-03-27", "2027-03-29", "2027-03-30", "2027-03-31"]\n'
    run = load_run(write(tmp_path, text), DATA.course, DATA.schedule, STRINGS)
    assert run.dates[1] == date(2027, 3, 27)
    assert len(run.warnings) == 2
    assert "zaterdag 27 maart 2027" in run.warnings[0]
    assert "Tweede paasdag" in run.warnings[1]


def test_every_course_data_file_refuses_a_duplicate_key(tmp_path):
    path = write(tmp_path, "a: 1\nb:\n  c: 2\n  c: 3\n", "data.yml")
    with pytest.raises(DataError, match="line 4"):
        read_yaml(path)
    assert read_yaml(write(tmp_path, "start: 10:00\n", "t.yml")).raw["start"] == "10:00"


def test_the_cli_writes_a_starting_copy_that_checks_and_drives_the_schedule(tmp_path):
    path = tmp_path / "rooster.yml"
    runner = CliRunner()
    new = runner.invoke(main, ["schedule", "--new", str(path)])
    assert new.exit_code == 0, new.output
    assert path.read_text(encoding="utf-8").startswith("# ")
    again = runner.invoke(main, ["schedule", "--new", str(path)])
    assert again.exit_code == 1 and "Traceback" not in again.output
    checked = runner.invoke(main, ["check", "--schedule", str(path)])
    assert checked.exit_code == 0, checked.output
    assert said(checked.output, STRINGS, "cli.check.ok", path)
    ics = tmp_path / "cursus.ics"
    shown = runner.invoke(main, ["schedule", "--schedule", str(path), "--ics", str(ics)])
    assert shown.exit_code == 0, shown.output
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    both = runner.invoke(main, ["schedule", "--schedule", str(path), "--start", "2027-03-22"])
    assert both.exit_code == 2 and "--start" in both.output


def test_check_never_says_ok_for_a_broken_run_file(tmp_path):
    path = write(tmp_path, 'start: "2027-03-22"\nevery: 0\n')
    result = CliRunner().invoke(main, ["check", "--schedule", str(path)])
    assert result.exit_code == 1
    assert not said(result.output, STRINGS, "cli.check.ok", path)
    assert STRINGS.plural("cli.check.problems", 1) in result.output


def test_the_schedule_command_says_which_dates_moved():
    result = CliRunner().invoke(
        main, ["schedule", "--start", "2027-03-22", "--every", "7", "--variant", "dagdeel"]
    )
    assert result.exit_code == 0, result.output
    assert "Tweede paasdag" in result.output
    assert "maandag 29 maart 2027, " not in result.output


def test_course_days_close_together_get_a_gentle_notice_not_an_error(tmp_path):
    # GOOD runs Monday to Thursday and the next Tuesday: four gaps under five days.
    run = load_run(write(tmp_path, GOOD), DATA.course, DATA.schedule, STRINGS)
    notice = [n for n in run.notices if "dag 1 en 2" in n]
    assert len(notice) == 1 and "dag 4 en 5" not in notice[0]  # 25 → 30 March is 5 days
    checked = CliRunner().invoke(main, ["check", "--schedule", str(write(tmp_path, GOOD))])
    assert checked.exit_code == 0, checked.output
    assert notice[0] in checked.output
    weekly = planned(date(2027, 1, 4), 7)
    assert weekly.notices == ()
    assert not [n for n in starting_run(date(2027, 1, 4), 7).notices if "dag 1 en 2" in n]
    assert [n for n in starting_run(date(2027, 1, 4), 1).notices if "dag 1 en 2" in n]


def starting_run(start, every):
    from toelaten.run import CourseRun

    return CourseRun.starting(DATA.course, start, "dag", STRINGS, every)


def test_the_starting_copy_plans_a_day_a_week(tmp_path):
    path = tmp_path / "rooster.yml"
    assert CliRunner().invoke(main, ["schedule", "--new", str(path)]).exit_code == 0
    run = load_run(path, DATA.course, DATA.schedule, STRINGS)
    gaps = [(b - a).days for a, b in itertools.pairwise(run.dates)]
    assert min(gaps) >= 5, run.dates
    assert not [n for n in run.notices if "dag 1 en 2" in n]


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 7, 1), date(2027, 3, 1)])
def test_the_starting_copy_keeps_clear_of_christmas_and_high_summer(today):
    first = first_monday(today, len(DATA.course.days))
    run = [first + timedelta(weeks=n) for n in range(len(DATA.course.days))]
    assert first.weekday() == 0 and first >= today + timedelta(days=7)
    for day in run:
        assert not (day.month == 12 and day.day >= 20) and not (day.month == 1 and day.day <= 6)
        assert not (date(day.year, 7, 15) <= day <= date(day.year, 8, 15)), run


def test_the_opening_look_backs_of_days_two_to_five_speak_to_days_close_together():
    for day_id in ("dag-2", "dag-3", "dag-4", "dag-5"):
        first = DATA.schedule.days[day_id][0]
        assert first.id == "terugblik"
        said = " ".join((*first.talking_points, first.shorten or "")).lower()
        assert "gisteren" in said or "een dag tussen" in said, day_id


def test_check_with_a_run_file_names_the_run_file_first_and_sums_up_the_course(tmp_path):
    path = tmp_path / "rooster.yml"
    assert CliRunner().invoke(main, ["schedule", "--new", str(path)]).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--schedule", str(path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert str(path) in lines[0]  # the trainer's own file first
    assert len(lines) == 2  # and one line for all the course's files
    assert str(DATA.paths["course"]) not in result.output


def test_check_speaks_the_trainers_language_for_every_part():
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    for line in result.output.splitlines():
        # every part named in the course's words, none by the code's English
        assert not re.search(r"\bthe\b|\binterface\b|\bstrings\b", line), line
