"""What happens when a learner saves in Jupyter: validate, keep a revision, say so in Dutch.

Kept apart from the widget so it can be tested without a front end, and so the widget
only wires traits to it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from toelaten.exercises.catalogue import get_exercise
from toelaten.exercises.journal import Journal
from toelaten.exercises.model import AnswerError, Exercise


class ExerciseSession:
    def __init__(self, exercise_id: str, journal: Journal | None = None) -> None:
        self.exercise: Exercise = get_exercise(exercise_id)
        self.journal = journal or Journal()

    def load(self) -> list[dict[str, Any]]:
        return self.journal.latest(self.exercise.id)

    def save(self, entries: Any) -> str:
        """Save and return the message the learner sees under the exercise."""
        try:
            self.journal.save(self.exercise.id, entries)
        except AnswerError as exc:
            return f"Niet bewaard. {exc}"
        except OSError as exc:
            return f"Niet bewaard: je dagboek kon niet worden geschreven ({exc.strerror})."
        return f"Bewaard in je dagboek om {datetime.now():%H:%M}."
