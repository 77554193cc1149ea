"""Dates the way a Dutch reader writes them: '21 november 2026', 'maandag 25 januari 2027'."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def long_date(day: date | datetime, *, weekday: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def from_stamp(stamp: str) -> str:
    """'2026-11-21T08:00:00Z' -> '21 november 2026'."""
    return long_date(datetime.fromisoformat(stamp.replace("Z", "+00:00")))
