"""What happens when a learner saves in Jupyter: validate, keep a revision, say so in Dutch.

Kept apart from the widget so it can be tested without a front end, and so the widget
only wires traits to it.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime
from typing import Any

from toelaten.exercises.catalogue import get_exercise
from toelaten.exercises.journal import Journal
from toelaten.exercises.model import AnswerError, Exercise
from toelaten.exercises.transfer import now


def new_entry_id() -> str:
    return "p" + secrets.token_hex(6)


class ExerciseSession:
    def __init__(self, exercise_id: str, journal: Journal | None = None) -> None:
        self.exercise: Exercise = get_exercise(exercise_id)
        self.journal = journal or Journal()

    def load(self) -> list[dict[str, Any]]:
        return self.journal.latest(self.exercise.id)

    def load_related(self) -> dict[str, list[dict[str, Any]]]:
        return {other: self.journal.latest(other) for other in self.exercise.related}

    def add_to(self, target: Any, answers: Any, done: Any) -> str:
        """An exercise's action: start a new entry in another exercise (a rung, say)."""
        allowed = {a["target"]: a for a in self.exercise.actions}
        if target not in allowed:
            return "Niet gelukt: die oefening kan hier niets aan toevoegen."
        try:
            other = get_exercise(target)
            cleaned = other.clean_answers(answers)
            stamp = now()
            entry = {"id": new_entry_id(), "created": stamp, "updated": stamp, "answers": cleaned}
            self.journal.save(target, [*self.journal.latest(target), entry])
        except AnswerError as exc:
            return f"Niet gelukt. {exc}"
        return str(allowed[target]["done"])

    def save(self, entries: Any) -> str:
        """Save and return the message the learner sees under the exercise."""
        try:
            self.journal.save(self.exercise.id, entries)
        except AnswerError as exc:
            return f"Niet bewaard. {exc}"
        except (OSError, sqlite3.Error) as exc:
            return self._not_saved(exc)
        return f"Bewaard in je dagboek om {datetime.now():%H:%M}."

    def _not_saved(self, exc: Exception) -> str:
        """Any journal failure in plain Dutch, naming the file: never a stale "Bewaard"."""
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            why = "een ander programma gebruikt het net. Probeer het zo nog eens"
        elif "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
            why = "je computer laat er niet in schrijven"
        elif "full" in text or getattr(exc, "errno", None) == 28:
            why = "de schijf is vol"
        elif "not a database" in text or "malformed" in text:
            why = "het bestand is beschadigd. Je eerdere antwoorden zijn niet overschreven"
        else:
            why = "er ging iets mis bij het schrijven"
        return f"Niet bewaard: je dagboek ({self.journal.path}) kon niet worden bijgewerkt: {why}."
