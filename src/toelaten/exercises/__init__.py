"""Exercises: definitions, the learner's journal, and the live exercise for Jupyter.

``oefening("wiens-stem")`` in a notebook shows an exercise; the widget itself is imported
only then, so the model and the journal work without ipywidgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toelaten.exercises.fields import AnswerError, Field
from toelaten.exercises.journal import Journal
from toelaten.exercises.model import Exercise
from toelaten.exercises.transfer import TransferError

if TYPE_CHECKING:
    from toelaten.coursedata import CourseData
    from toelaten.exercises.widget import ExerciseWidget


def oefening(
    exercise_id: str, journal: Journal | None = None, data: CourseData | None = None
) -> ExerciseWidget:
    """The live exercise, with the answers saved earlier in the journal. ``data``: the
    course it belongs to (default: ``$TOELATEN_DATA``, else the course as shipped)."""
    from toelaten.exercises.widget import ExerciseWidget

    return ExerciseWidget(exercise_id, journal=journal, data=data)


__all__ = ["AnswerError", "Exercise", "Field", "Journal", "TransferError", "oefening"]
