"""Exercises as data: their fields, and the validation of a learner's answers.

No widget code here. The same definition drives the live exercise (``ui.js``, in Jupyter
and in the book), the static text in the book and the printed worksheet. Messages for
learners are Dutch; errors in a definition file are for course authors, in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from toelaten._fields import Fields

KINDS = ("text", "longtext", "scale", "choice")
#: Longest answer a field takes, in characters: room for a real answer, and a bound on
#: what the browser's storage (about 5 MB per site) has to hold.
MAX_LENGTH = {"text": 1_000, "longtext": 10_000}
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
ENTRY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_ENTRIES = 500


class AnswerError(ValueError):
    """Answers that cannot be saved; the message is Dutch and meant for the learner."""


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    help: str | None = None
    min: int | None = None
    max: int | None = None
    step: int = 1
    ends: tuple[str, str] | None = None
    options: tuple[Option, ...] = ()

    @property
    def max_length(self) -> int | None:
        return MAX_LENGTH.get(self.kind)

    def clean(self, value: Any) -> Any:
        """The value to store, or None for 'not answered'; AnswerError when it cannot be."""
        if value is None or value == "":
            return None
        where = f"Bij ‘{self.label}’"
        if self.kind in MAX_LENGTH:
            if not isinstance(value, str):
                raise AnswerError(f"{where} hoort tekst te staan.")
            if len(value) > self.max_length:
                raise AnswerError(
                    f"{where} staat te veel tekst: {len(value)} tekens. "
                    f"Er passen er {self.max_length} in."
                )
            return value
        if self.kind == "scale":
            if not isinstance(value, int) or isinstance(value, bool):
                raise AnswerError(f"{where} hoort een getal te staan.")
            if not self.min <= value <= self.max:
                raise AnswerError(f"{where}: kies een getal van {self.min} tot {self.max}.")
            return value
        if value not in {o.id for o in self.options}:
            raise AnswerError(f"{where}: kies een van de antwoorden die er staan.")
        return value

    def display(self, value: Any) -> str:
        """An answer as a learner reads it back (as ui.js's answerText does)."""
        if self.kind == "scale":
            return f"{value} van {self.max}"
        if self.kind == "choice":
            return next((o.label for o in self.options if o.id == value), str(value))
        return str(value)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "label": self.label}
        if self.help:
            data["help"] = self.help
        if self.max_length:
            data["maxLength"] = self.max_length
        if self.kind == "scale":
            data.update(min=self.min, max=self.max, step=self.step, ends=list(self.ends or ()))
        if self.options:
            data["options"] = [{"id": o.id, "label": o.label} for o in self.options]
        return data


@dataclass(frozen=True)
class Exercise:
    id: str
    day: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    repeat: bool = False
    entry: dict[str, str] = field(default_factory=dict)
    overview: dict[str, Any] | None = None

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

    def _clean_entry(self, entry: Any) -> dict[str, Any]:
        if not isinstance(entry, dict) or not isinstance(entry.get("answers"), dict):
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        extra = set(entry) - {"id", "created", "updated", "answers"}
        if extra:
            raise AnswerError("De antwoorden hebben een vorm die deze oefening niet kent.")
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not ENTRY_ID.match(entry_id):
            raise AnswerError("Een antwoord heeft geen geldig nummer.")
        for stamp in ("created", "updated"):
            if not _is_timestamp(entry.get(stamp)):
                raise AnswerError("Bij een antwoord ontbreekt een geldige datum.")
        known = {f.id: f for f in self.fields}
        unknown = sorted(set(entry["answers"]) - set(known))
        if unknown:
            raise AnswerError(f"Deze oefening kent de vraag ‘{unknown[0]}’ niet.")
        answers = {}
        for field_id, value in entry["answers"].items():
            cleaned = known[field_id].clean(value)
            if cleaned is not None:
                answers[field_id] = cleaned
        return {
            "id": entry_id,
            "created": entry["created"],
            "updated": entry["updated"],
            "answers": answers,
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
        }


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def read_field(item: Fields) -> Field:
    field_id = item.text("id")
    if not FIELD_ID.match(field_id):
        item.fail(f"field ids are lower_case words, found {field_id!r}", "id")
    kind = item.text("kind")
    if kind not in KINDS:
        item.fail(f"expected one of {', '.join(KINDS)}, found {kind!r}", "kind")
    kwargs: dict[str, Any] = {}
    if kind == "scale":
        low, high = item.integer("min"), item.integer("max")
        if low >= high:
            item.fail(f"min ({low}) must be below max ({high})", "max")
        step = item.integer("step")
        if step <= 0 or (high - low) % step:
            item.fail(f"step {step} must divide max - min ({high - low})", "step")
        ends = item.texts("ends")
        if len(ends) != 2:
            item.fail("expected two labels: the low end and the high end", "ends")
        kwargs = {"min": low, "max": high, "step": step, "ends": (ends[0], ends[1])}
    if kind == "choice":
        options = []
        for option in item.items("options"):
            options.append(Option(option.text("id"), option.text("label")))
            option.done()
        if len({o.id for o in options}) != len(options):
            item.fail("option ids must be unique", "options")
        kwargs["options"] = tuple(options)
    result = Field(
        id=field_id,
        kind=kind,
        label=item.text("label"),
        help=item.text("help", optional=True),
        **kwargs,
    )
    item.done()
    return result
