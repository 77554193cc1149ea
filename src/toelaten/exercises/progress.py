"""Which exercises a learner has started, per day (``toelaten progress``; the book's page
"Mijn voortgang" counts the same way in book.js)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toelaten.coursedata import CourseData
from toelaten.strings import Strings


@dataclass(frozen=True)
class ExerciseProgress:
    id: str
    title: str
    entries: int


@dataclass(frozen=True)
class DayProgress:
    heading: str
    exercises: tuple[ExerciseProgress, ...]

    @property
    def started(self) -> int:
        return sum(1 for e in self.exercises if e.entries)


def progress(answers: dict[str, list[dict[str, Any]]], data: CourseData) -> list[DayProgress]:
    known = data.exercises
    days = []
    for day in data.course.days:
        items = tuple(
            ExerciseProgress(i, known[i].title, len(answers.get(i) or []))
            for i in day.exercises
            if i in known
        )
        days.append(DayProgress(day.heading(data.strings), items))
    return days


def state_text(item: ExerciseProgress, repeat: bool, strings: Strings) -> str:
    """How the book and the CLI say it (the same words: ``progress.*``)."""
    if not item.entries:
        return strings("progress.not_started")
    if not repeat:
        return strings("progress.filled_in")
    return strings.plural("progress.entries", item.entries)
