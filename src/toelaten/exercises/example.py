"""An exercise's worked example: one of the course's people filling it in (``example:``
in its definition), shown read-only before the exercise in the book and on the back of
its worksheet. Never a learner's answer: it is not stored, not in the workbook.

In the file, ``entries`` is a list of answer sets, each ``field_id: value`` as a saved
answer holds it; one set for an exercise without ``repeat``. They are checked with the
exercise's own rule for a valid answer (``Exercise.clean_entries``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten._fields import DataError, Fields
from toelaten.exercises.fields import AnswerError

if TYPE_CHECKING:
    from toelaten.cast import Person
    from toelaten.exercises.model import Exercise
    from toelaten.strings import Strings

#: What a worked example's answer sets carry besides their answers (never shown).
STAMP = "2026-01-01T00:00:00Z"


def read_example(item: Fields | None) -> dict[str, Any] | None:
    """The ``example:`` mapping as written; its answers are checked by check_example."""
    if item is None:
        return None
    example: dict[str, Any] = {
        "person": item.text("person"),
        "situation": item.text("situation"),
    }
    entries = []
    for i, entry in enumerate(item.items("entries")):
        answers = dict(entry.raw)
        if not all(isinstance(k, str) for k in answers):
            entry.fail("keys are the exercise's field ids")
        if not answers:
            item.fail("an answer set needs at least one answer", f"entries[{i}]")
        entries.append(answers)
    example["entries"] = entries
    item.done()
    return example


def check_example(exercise: Exercise, path: Path, cast: Mapping[str, Person] | None) -> Exercise:
    """The exercise with its example's answers validated and normalised as a save would
    be; a DataError (for the course's author, in English) names the file and the field."""
    example = exercise.example
    if example is None:
        return exercise
    where = f"{path}: example"
    if cast is not None and example["person"] not in cast:
        known = ", ".join(cast) or "the course has no cast.yml"
        raise DataError(f"{where}.person: {example['person']!r} is not in the cast ({known})")
    fields = {f.id for f in exercise.fields}
    entries = example["entries"]
    if not exercise.repeat and len(entries) != 1:
        raise DataError(
            f"{where}.entries: this exercise keeps one answer set (no `repeat`), "
            f"found {len(entries)}"
        )
    wrapped = []
    for i, answers in enumerate(entries):
        unknown = sorted(set(answers) - fields)
        if unknown:
            raise DataError(
                f"{where}.entries[{i}]: no field(s) {', '.join(unknown)} in this exercise "
                f"(its fields: {', '.join(sorted(fields))})"
            )
        entry = {"id": f"voorbeeld-{i + 1}", "created": STAMP, "updated": STAMP}
        try:
            exercise.clean_entries([{**entry, "answers": answers}])
        except AnswerError as exc:
            raise DataError(
                f"{where}.entries[{i}]: not a valid answer for this exercise "
                f"(what a learner would read: {exc})"
            ) from None
        wrapped.append({**entry, "answers": answers})
    cleaned = exercise.clean_entries(wrapped)
    return replace(exercise, example={**example, "entries": [e["answers"] for e in cleaned]})


def answer_parts(
    exercise: Exercise,
    answers: Mapping[str, Any],
    strings: Strings,
    show: Callable[[str], str] = str,
    *,
    ends: bool = False,
) -> dict[str, Any]:
    """One answer set as it reads back (the workbook, a worked example): its title (a
    repeat's title answer, then not repeated below) and its answers under their sections.
    ``show`` makes a text printable (the PDFs replace what the font cannot draw);
    ``ends``: a scale's value with what its ends mean (a reader who never saw the scale)."""
    title_field = str(exercise.entry.get("title_field"))
    title = show(answers[title_field]) if exercise.repeat and answers.get(title_field) else None
    parts: list[dict[str, Any]] = []
    section = None
    for field in exercise.fields:
        if field.section and field.section != section:
            parts.append({"section": field.section, "answers": []})
        elif not parts:
            parts.append({"section": None, "answers": []})
        section = field.section or section
        if field.id in answers and not (title is not None and field.id == title_field):
            value = field.display(answers[field.id], strings)
            if ends and field.kind == "scale" and field.ends:
                low, high = field.ends
                value = strings(
                    "example.scale", value=value, min=field.min, max=field.max, low=low, high=high
                )
            value = show(value)
            parts[-1]["answers"].append({"label": field.label, "value": value})
    return {"title": title, "parts": [part for part in parts if part["answers"]]}
