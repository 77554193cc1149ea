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
    course it belongs to (default: ``$TOELATEN_DATA``, else the course as shipped). In a
    notebook its worked example comes first, read-only (never part of the answers)."""
    from toelaten.exercises.widget import ExerciseWidget

    widget = ExerciseWidget(exercise_id, journal=journal, data=data)
    widget.show_example()
    return widget


__all__ = ["AnswerError", "Exercise", "Field", "Journal", "TransferError", "oefening"]
