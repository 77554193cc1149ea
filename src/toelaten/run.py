"""A trainer's own course run: the run file (``toelaten schedule --schedule FILE``).

The file says which variant, on which dates (a list, or a start and a rhythm), the hours
of a day when they differ from the variant's, whose public holidays to skip, and who gives
the course where (``RunDetails``). ``toelaten schedule --new FILE`` writes a commented
starting copy (``run_template.template``). Every mistake is told in the course's language, for a
trainer: the file, the day, what is wrong and how to put it right; all of them at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from toelaten._fields import DataError, DuplicateKeyError, read_yaml
from toelaten.course import Course
from toelaten.dates import COUNTRIES, PlannedDates, check_dates, close_together, plan_dates
from toelaten.schedule import RunDetails, Schedule, WindowError, clock, hours, span
from toelaten.strings import Strings

#: Course dates a calendar can hold; far outside is a typing mistake.
YEARS = (2000, 2200)
DETAILS = ("trainer", "co_trainer", "organisation", "venue", "contact")
KEYS = (
    "id",
    "variant",
    "dates",
    "start",
    "every",
    "times",
    "country",
    *DETAILS,
    "reminder_minutes",
)


class RunFileError(DataError):
    """Everything wrong in a run file, one message a line (already in the course's words)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CourseRun:
    """One run of the course: its variant, the date of each day, a day's own hours where
    the trainer gave them, and what the handouts and the calendar say about it."""

    variant: str
    dates: tuple[date, ...]
    run_id: str
    times: Mapping[str, tuple[time, time]] = field(default_factory=dict)
    details: RunDetails = field(default_factory=RunDetails)
    country: str = "NL"
    reminder_minutes: int | None = None
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    source: Path | None = None

    def window(self, day_id: str) -> tuple[time, time] | None:
        """The trainer's own start and end of a day, or None for the variant's."""
        return self.times.get(day_id)

    @classmethod
    def starting(
        cls,
        course: Course,
        start: date,
        variant: str,
        strings: Strings,
        every: int = 1,
        country: str = "NL",
    ) -> CourseRun:
        """A run from ``--start``/``--every`` on the command line."""
        planned = plan_dates(start, len(course.days), every, country, strings)
        notices = (*planned.notices, *_close(planned.dates, strings))
        return cls(variant, planned.dates, f"{start}/{variant}", notices=notices)


def load_run(path: Path, course: Course, schedule: Schedule, strings: Strings) -> CourseRun:
    """Read and check a trainer's run file; raises ``RunFileError`` with every problem."""
    path = Path(path)
    say = _Problems(path, strings)
    try:
        raw: Any = read_yaml(path).raw
    except DuplicateKeyError as exc:
        say(say.strings("run.duplicate", line=exc.line, name=exc.key))
        raise say.error() from None
    except DataError as exc:
        cause = exc.__cause__
        mark = getattr(cause, "problem_mark", None)
        if mark is not None:
            say(say.strings("run.not_yaml", line=mark.line + 1))
        elif "expected a mapping" in str(exc):
            say(say.strings("run.not_mapping", file=path))
        else:
            say(say.strings("run.not_readable", file=path))
        raise say.error() from None
    for key in raw:
        if key not in KEYS:
            say(say.strings("run.unknown_key", name=key, known=", ".join(KEYS)))
    variant = str(raw.get("variant") or "dag")
    if variant not in schedule.variants:
        say(say.strings("run.variant", value=variant, known=" of ".join(schedule.variants)))
        variant = next(iter(schedule.variants))
    country = str(raw.get("country") or "NL").upper()
    if country not in COUNTRIES:
        say(say.strings("run.country", value=raw.get("country")))
        country = "NL"
    details = RunDetails(**{key: _text(raw, key, say) for key in DETAILS})
    planned = _dates(raw, len(course.days), country, say, strings)
    times = _times(raw, course, schedule, variant, say)
    reminder = raw.get("reminder_minutes")
    if reminder is not None and (
        not isinstance(reminder, int) or isinstance(reminder, bool) or not 0 <= reminder <= 10080
    ):
        say(say.strings("run.reminder", value=reminder))
    run_id = _text(raw, "id", say)
    if say.problems:
        raise say.error()
    assert planned is not None
    if run_id is None:
        first = raw.get("start") or planned.dates[0]
        run_id = f"{details.organisation or ''}/{first}/{variant}"
    return CourseRun(
        variant,
        planned.dates,
        run_id,
        times,
        details,
        country,
        reminder,
        (*planned.notices, *_close(planned.dates, strings)),
        planned.warnings,
        path,
    )


def _close(dates: tuple[date, ...], strings: Strings) -> tuple[str, ...]:
    notice = close_together(dates, strings)
    return (notice,) if notice else ()


class _Problems:
    def __init__(self, path: Path, strings: Strings) -> None:
        self.path, self.strings = path, strings
        self.problems: list[str] = []

    def __call__(self, problem: str) -> None:
        self.problems.append(self.strings("run.in_file", file=self.path, problem=problem))

    def error(self) -> RunFileError:
        return RunFileError(self.problems)


def _text(raw: Mapping[str, Any], key: str, say: _Problems) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        say(say.strings("run.text", field=key))
        return None
    return " ".join(str(value).split())


def _date(value: Any, key: str, say: _Problems) -> date | None:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = date.fromisoformat(value.strip())
    if not isinstance(value, date):
        say(say.strings("run.date", field=key, value=value))
        return None
    if not YEARS[0] <= value.year <= YEARS[1]:
        say(say.strings("run.year", field=key, value=value, first=YEARS[0], last=YEARS[1]))
        return None
    return value


def _dates(
    raw: Mapping[str, Any], count: int, country: str, say: _Problems, strings: Strings
) -> PlannedDates | None:
    listed, start, every = raw.get("dates"), raw.get("start"), raw.get("every")
    if listed is not None and start is not None:
        say(say.strings("run.both_dates"))
        return None
    if listed is None and start is None:
        say(say.strings("run.no_dates", days=count))
        return None
    if listed is not None:
        if every is not None:
            say(say.strings("run.every_without_start"))
        if not isinstance(listed, list):
            say(say.strings("run.dates_list", days=count))
            return None
        found = [_date(v, f"dates[{i + 1}]", say) for i, v in enumerate(listed)]
        days = [d for d in found if d is not None]
        if len(days) != len(found):
            return None
        if len(days) != count:
            say(say.strings("run.date_count", found=len(days), days=count))
            return None
        for number, (before, after) in enumerate(itertools.pairwise(days), start=2):
            if after <= before:
                when = strings.date(after, weekday=True)
                say(say.strings("run.date_order", number=number, date=when, before=number - 1))
                return None
        return check_dates(days, country, strings)
    first = _date(start, "start", say)
    if every is None:
        every = 1
    elif not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 365:
        say(say.strings("run.every", value=every))
        return None
    return plan_dates(first, count, every, country, strings) if first else None


def _times(
    raw: Mapping[str, Any], course: Course, schedule: Schedule, variant: str, say: _Problems
) -> dict[str, tuple[time, time]]:
    given = raw.get("times")
    if given is None:
        return {}
    day_ids = [d.id for d in course.days]
    if not isinstance(given, Mapping):
        say(say.strings("run.times_shape", day=day_ids[0]))
        return {}
    times = {}
    for day_id, value in given.items():
        if day_id not in day_ids:
            say(say.strings("run.times_day", day=day_id, days=", ".join(day_ids)))
            continue
        if not isinstance(value, Mapping) or set(value) - {"start", "end"}:
            say(say.strings("run.times_shape", day=day_id))
            continue
        default = schedule.variants[variant]
        ends = []
        for key, fallback in (("start", default.start), ("end", default.end)):
            text = value.get(key)
            found = fallback if text is None else clock(text) if isinstance(text, str) else None
            if found is None:
                say(say.strings("run.time", day=day_id, field=key, value=text))
            ends.append(found)
        start, end = ends
        if start is None or end is None:
            continue
        if span(start, end) <= 0:
            say(
                say.strings(
                    "run.time_order", day=day_id, start=f"{start:%H:%M}", end=f"{end:%H:%M}"
                )
            )
            continue
        try:
            schedule.run_sheet(day_id, variant, (start, end))
        except WindowError as exc:
            _window_problem(exc, start, end, course, say)
            continue
        times[day_id] = (start, end)
    return times


def _window_problem(
    exc: WindowError, start: time, end: time, course: Course, say: _Problems
) -> None:
    """Too short for the blocks, or longer with no buffer to take the extra time: either
    way the end that fits is the start plus the blocks' minutes without their buffer."""
    day = next(d for d in course.days if d.id == exc.day_id)
    fit = datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=exc.shortest)
    values = {
        "day": day.heading(say.strings),
        "id": exc.day_id,
        "hours": hours(start, end),
        "minutes": exc.minutes,
        "shortest": exc.shortest,
        "fit": f"{fit:%H:%M}",
    }
    if exc.minutes < exc.shortest:
        say(say.strings("run.too_short", **values))
    else:
        say(say.strings("run.no_buffer", **values))


def run_uid(run_id: str, day_id: str, key: str) -> str:
    """The calendar UID of a day (or a block of it) in a run: the same run and day give the
    same UID, so importing the file again updates the event instead of adding one."""
    digest = hashlib.sha256(f"{run_id}\n{day_id}\n{key}".encode()).hexdigest()[:32]
    return f"{digest}@toelaten"
