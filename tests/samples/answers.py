"""Answers files a learner might try to restore, shared by the Python and browser tests.

Both the journal (transfer.py) and the book (ui.js) must accept the good ones and refuse
the bad ones with the same kind of Dutch message.
"""

from __future__ import annotations

import json
from pathlib import Path

ENTRY = {
    "id": "e1",
    "created": "2026-11-20T09:00:00Z",
    "updated": "2026-11-20T09:30:00Z",
    "answers": {
        "zin": "Ik moet het zelf kunnen.",
        "waar_voor": 80,
        "stem": "ouder",
        "nieuwe_zin": "Ik mag vragen.",
        "waar_na": 40,
        "nieuw_waar": 60,
    },
}


def document(entries=None, **overrides) -> dict:
    doc = {
        "format": "toelaten-antwoorden",
        "schema": 1,
        "exported": "2026-11-20T10:00:00Z",
        "exercises": {"wiens-stem": {"entries": [ENTRY] if entries is None else entries}},
    }
    doc.update(overrides)
    return doc


def with_answer(field: str, value) -> dict:
    return document([{**ENTRY, "answers": {**ENTRY["answers"], field: value}}])


GOOD = json.dumps(document(), ensure_ascii=False)

#: The shared answer files (valid/, invalid/, and the phrase each refusal must contain),
#: read by the Python tests and by tests/js/answers.test.mjs alike.
FILES = Path(__file__).resolve().parent / "answer-files"
PHRASES: dict[str, str] = json.loads((FILES / "messages.json").read_text(encoding="utf-8"))
VALID = sorted((FILES / "valid").glob("*.json"))
INVALID = sorted((FILES / "invalid").glob("*.json"))

#: A few bad files of different kinds, for the browser test of the restore button.
#: (name, file contents, a phrase the Dutch message must contain)
BAD = [
    (name, (FILES / "invalid" / f"{name}.json").read_text(encoding="utf-8"), PHRASES[name])
    for name in ("not-json", "newer-schema", "unknown-exercise", "date-hello-1", "text-too-long")
]


def entry(entry_id: str = "e1", updated: str = "2026-11-20T09:00:00Z", **answers) -> dict:
    """One saved answer set of wiens-stem, as the front end sends it."""
    return {
        "id": entry_id,
        "created": "2026-11-20T09:00:00Z",
        "updated": updated,
        "answers": answers,
    }


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "Ik 😀 vraag het gewoon — אני צריך עזרה",
]


def full_answers(exercise, text: str | None = None) -> dict:
    """An answer for every question of ``exercise``, built from its definition.

    Text questions get hostile text (in turn), scales their top, choices their last
    option (of those ticked, for a choice that offers another field's ticked options),
    multi their first two, roles the right role for every response.
    """
    answers = {}
    n = 0
    for field in exercise.fields:
        if field.kind in ("text", "longtext"):
            answers[field.id] = text if text is not None else f"{field.id}: {HOSTILE[n % 3]}"
            n += 1
        elif field.kind == "scale":
            answers[field.id] = field.max
        elif field.kind == "choice" and field.options_from in answers:
            # The form offers only what was ticked in that field: choose the last of those.
            answers[field.id] = answers[field.options_from][-1]
        elif field.kind == "choice":
            answers[field.id] = field.options[-1].id
        elif field.kind == "multi":
            answers[field.id] = [o.id for o in field.options[: min(2, field.max_choices or 2)]]
        elif field.kind == "roles":
            answers[field.id] = {r.id: r.role for r in field.responses}
    return answers
