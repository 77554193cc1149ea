"""The dates of a course run: working days only, the public holidays of the Netherlands or
Belgium left out, and every date the code moves said out loud.

A run starts on a day and repeats every so many days (``plan_dates``), or the trainer
lists the dates (``check_dates``). A planned date that falls on a weekend or a public
holiday moves to the next working day, with a notice; with a daily rhythm (``every`` 1)
the weekend is simply not a course day and only a holiday, or a start in the weekend, is
noticed. A rhythm of a week or more keeps its weekday: after a day moved for a holiday the
next one is planned from the date it would have had (a start in the weekend moves the
rhythm to the Monday). Dates the trainer chose are never moved; one on a
weekend or a holiday gives a warning instead.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toelaten.strings import Strings

#: Whose public holidays a run skips: the two countries the course is given in.
COUNTRIES = ("NL", "BE")
#: The homework between two days (Oefenen in het echt) counts on about a week; days
#: closer together than this get a notice (not an error: a Monday-to-Friday run is allowed).
HOMEWORK_DAYS = 5


@dataclass(frozen=True)
class PlannedDates:
    """The course days' dates, with what a trainer must read about them: ``notices`` (a
    date the code moved) and ``warnings`` (a date the trainer chose that looks wrong)."""

    dates: tuple[date, ...]
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@functools.cache
def _holidays(country: str) -> Any:
    """Public holidays of ``country`` by date, in Dutch; each year is filled in when asked."""
    import holidays

    if country not in COUNTRIES:
        raise ValueError(f"unknown country {country!r} (known: {', '.join(COUNTRIES)})")
    return holidays.country_holidays(country, language="nl")


def holiday(day: date, country: str) -> str | None:
    """The name of the public holiday on ``day`` in ``country`` ("Tweede paasdag"), if any."""
    return _holidays(country).get(day)


def plan_dates(start: date, count: int, every: int, country: str, strings: Strings) -> PlannedDates:
    """``count`` dates from ``start``, ``every`` days apart, on working days only."""
    dates: list[date] = []
    notices: list[str] = []
    intended = start
    for number in range(1, count + 1):
        day = max(intended, dates[-1] + timedelta(days=1)) if dates else intended
        skipped: str | None = None
        weekend = False
        while day.weekday() >= 5 or holiday(day, country):
            skipped = skipped or holiday(day, country)
            weekend = weekend or day.weekday() >= 5
            day += timedelta(days=1)
        if day != intended:
            old, new = strings.date(intended, weekday=True), strings.date(day, weekday=True)
            if skipped:
                name = holiday(intended, country) or skipped
                notices.append(
                    strings("run.moved_holiday", number=number, date=old, holiday=name, new=new)
                )
            elif weekend and (every != 1 or number == 1):
                notices.append(strings("run.moved_weekend", number=number, date=old, new=new))
        dates.append(day)
        # A weekly rhythm keeps its weekday past a holiday; a weekend start sets a new one.
        keep = every >= 7 and intended.weekday() < 5
        intended = (intended if keep else day) + timedelta(days=every)
    return PlannedDates(tuple(dates), tuple(notices))


def check_dates(dates: Sequence[date], country: str, strings: Strings) -> PlannedDates:
    """Dates the trainer listed, kept as they are; a weekend or a holiday gives a warning."""
    warnings = []
    for number, day in enumerate(dates, start=1):
        when = strings.date(day, weekday=True)
        name = holiday(day, country)
        if name:
            warnings.append(strings("run.on_holiday", number=number, date=when, holiday=name))
        elif day.weekday() >= 5:
            warnings.append(strings("run.on_weekend", number=number, date=when))
    return PlannedDates(tuple(dates), warnings=tuple(warnings))


def close_together(dates: Sequence[date], strings: Strings) -> str | None:
    """A gentle notice when two course days are less than ``HOMEWORK_DAYS`` apart: what
    it means for the homework and which blocks to adapt; None when every gap is wide enough."""
    close = [
        number
        for number, (before, after) in enumerate(itertools.pairwise(dates), start=2)
        if (after - before).days < HOMEWORK_DAYS
    ]
    if not close:
        return None
    days = ", ".join(strings("run.close_pair", before=n - 1, after=n) for n in close)
    return strings("run.close_days", pairs=days, gap=HOMEWORK_DAYS)
