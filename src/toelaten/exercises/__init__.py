"""Exercises: definitions, the learner's journal, and the live exercise for Jupyter.

``oefening("wiens-stem")`` in a notebook shows an exercise; the widget itself is imported
only then, so the model and the journal work without ipywidgets.
"""

from toelaten.exercises.catalogue import catalogue, get_exercise
from toelaten.exercises.fields import AnswerError, Field
from toelaten.exercises.journal import Journal
from toelaten.exercises.model import Exercise
from toelaten.exercises.transfer import TransferError


def oefening(exercise_id: str, journal: Journal | None = None):
    """The live exercise, with the answers saved earlier in the journal."""
    from toelaten.exercises.widget import ExerciseWidget

    return ExerciseWidget(exercise_id, journal=journal)


__all__ = [
    "AnswerError",
    "Exercise",
    "Field",
    "Journal",
    "TransferError",
    "catalogue",
    "get_exercise",
    "oefening",
]
