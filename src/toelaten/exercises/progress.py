"""Which exercises a learner has started, per day (``toelaten progress``; the book's page
"Mijn voortgang" counts the same way in book.js)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toelaten.course import load_course
from toelaten.exercises.catalogue import catalogue


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


def progress(answers: dict[str, list[dict[str, Any]]]) -> list[DayProgress]:
    known = catalogue()
    days = []
    for day in load_course().days:
        items = tuple(
            ExerciseProgress(i, known[i].title, len(answers.get(i) or []))
            for i in day.exercises
            if i in known
        )
        days.append(DayProgress(day.heading, items))
    return days


def state_text(item: ExerciseProgress, repeat: bool) -> str:
    """How the book and the CLI say it, in Dutch."""
    if not item.entries:
        return "nog niet begonnen"
    if not repeat:
        return "ingevuld"
    return f"{item.entries} {'antwoord' if item.entries == 1 else 'antwoorden'}"
