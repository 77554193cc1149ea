"""A learner halfway through the course, as one answers file: the command line imports it,
the browser gets it in its storage, and both must show the same states.

Built from the definitions (the fields each exercise asks for now and afterwards, its
minimum), so it follows the data; ``EXPECTED`` is what the rule must say of it.
"""

from __future__ import annotations

from typing import Any

from samples.answers import full_answers
from toelaten.coursedata import CourseData
from toelaten.exercises.model import Exercise
from toelaten.exercises.schema import FORMAT


def entry(n: int, answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"e{n}",
        "created": "2026-11-20T09:00:00Z",
        "updated": f"2026-11-20T09:{n:02d}:00Z",
        "answers": answers,
    }


def everything(exercise: Exercise, n: int = 1) -> dict[str, Any]:
    return full_answers(exercise, f"antwoord {n}")


def before_only(exercise: Exercise) -> dict[str, Any]:
    """Every question but those answered afterwards (an experiment's outcome)."""
    return {k: v for k, v in everything(exercise).items() if not exercise.field(k).later}


def without_one_asked(exercise: Exercise) -> dict[str, Any]:
    """All but one question the exercise asks for."""
    asked = next(f.id for f in exercise.fields if not f.optional and not f.later)
    return {k: v for k, v in everything(exercise).items() if k != asked}


def bodies(data: CourseData) -> tuple[dict[str, Any], dict[str, tuple[str, str]]]:
    """The exercises' bodies and, per exercise, the (state, reason) they must get."""
    known = data.exercises
    days = {d.id: d.exercises for d in data.course.days}
    out: dict[str, Any] = {}
    expected: dict[str, tuple[str, str]] = {i: ("open", "") for i in known}

    def put(exercise_id: str, entries: list[dict[str, Any]], state: tuple[str, str]) -> None:
        out[exercise_id] = {"entries": entries}
        expected[exercise_id] = state

    def complete(exercise: Exercise) -> list[dict[str, Any]]:
        count = exercise.entry.get("minimum", 1) if exercise.repeat else 1
        return [entry(n, everything(exercise, n)) for n in range(1, count + 1)]

    # Day 1 done but its first exercise with a minimum: one answer set short of it.
    for exercise_id in days["dag-1"]:
        exercise = known[exercise_id]
        entries = complete(exercise)
        short = "fewer" not in {reason for _, reason in expected.values()}
        if exercise.entry.get("minimum", 1) > 1 and short:
            put(exercise_id, entries[:-1], ("half", "fewer"))
        else:
            put(exercise_id, entries, ("done", ""))
    # Day 2: the first exercise done, the second begun with a question left empty.
    first, second = days["dag-2"][:2]
    put(first, complete(known[first]), ("done", ""))
    put(second, [entry(1, without_one_asked(known[second]))], ("half", "missing"))
    # Day 3: every exercise with questions for afterwards waits for them.
    for exercise_id in days["dag-3"]:
        exercise = known[exercise_id]
        if any(f.later for f in exercise.fields):
            put(exercise_id, [entry(1, before_only(exercise))], ("half", "waiting"))
    return out, expected


def document(data: CourseData) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": 2,
        "exported": "2026-11-21T10:00:00Z",
        "exercises": bodies(data)[0],
    }
