"""An exercise as data, and the validation of a learner's saved answers.

No widget code here. The same definition drives the live exercise (``ui.js``, in Jupyter
and in the book), the static text in the book and the printed worksheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from toelaten.exercises.fields import AnswerError, Field, Option

ENTRY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_ENTRIES = 500

__all__ = ["AnswerError", "Exercise", "Field", "Option"]


@dataclass(frozen=True)
class Exercise:
    id: str
    day: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    repeat: bool = False
    entry: dict[str, Any] = field(default_factory=dict)
    overview: dict[str, Any] | None = None
    #: Gentle hints on a field's text (never grades), shown live and as a checklist on paper.
    checks: tuple[dict[str, Any], ...] = ()
    #: Buttons that copy an answer into another exercise (a small ask onto the ladder).
    actions: tuple[dict[str, Any], ...] = ()
    #: Other exercises whose answers this one shows (the day-1 support map on day 5).
    related: tuple[str, ...] = ()

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)

    def clean_entries(self, entries: Any) -> list[dict[str, Any]]:
        """Validated copies of ``entries``; AnswerError (Dutch) on the first problem."""
        if not isinstance(entries, list):
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        if len(entries) > MAX_ENTRIES:
            raise AnswerError(f"Er passen hoogstens {MAX_ENTRIES} antwoorden in één oefening.")
        if not self.repeat and len(entries) > 1:
            raise AnswerError("Deze oefening heeft maar één set antwoorden.")
        cleaned, seen = [], set()
        for entry in entries:
            item = self._clean_entry(entry)
            if item["id"] in seen:
                raise AnswerError("Twee antwoorden hebben hetzelfde nummer.")
            seen.add(item["id"])
            cleaned.append(item)
        return cleaned

    def clean_answers(self, answers: Any) -> dict[str, Any]:
        if not isinstance(answers, dict):
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        known = {f.id: f for f in self.fields}
        unknown = sorted(set(answers) - set(known))
        if unknown:
            raise AnswerError(f"Deze oefening kent de vraag ‘{unknown[0]}’ niet.")
        cleaned = {}
        for field_id, value in answers.items():
            value = known[field_id].clean(value)
            if value is not None:
                cleaned[field_id] = value
        return cleaned

    def _clean_entry(self, entry: Any) -> dict[str, Any]:
        if not isinstance(entry, dict) or not isinstance(entry.get("answers"), dict):
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        if set(entry) - {"id", "created", "updated", "answers"}:
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not ENTRY_ID.match(entry_id):
            raise AnswerError("Een antwoord heeft geen geldig nummer.")
        for stamp in ("created", "updated"):
            if not _is_timestamp(entry.get(stamp)):
                raise AnswerError("Bij een antwoord ontbreekt een geldige datum.")
        return {
            "id": entry_id,
            "created": entry["created"],
            "updated": entry["updated"],
            "answers": self.clean_answers(entry["answers"]),
        }

    def as_json(self) -> dict[str, Any]:
        """The definition as the front end (ui.js) reads it."""
        return {
            "id": self.id,
            "day": self.day,
            "title": self.title,
            "intro": self.intro,
            "repeat": self.repeat,
            "entry": dict(self.entry),
            "fields": [f.as_json() for f in self.fields],
            "overview": self.overview,
            "checks": list(self.checks),
            "actions": list(self.actions),
            "related": list(self.related),
        }


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
