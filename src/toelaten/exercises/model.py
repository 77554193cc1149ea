"""An exercise as data, and the validation of a learner's saved answers.

No widget code here. The same definition drives the live exercise (``ui.js``, in Jupyter
and in the book), the static text in the book and the printed worksheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toelaten.exercises import schema
from toelaten.exercises.fields import AnswerError, Field, Option, is_empty

if TYPE_CHECKING:
    from toelaten.strings import Strings

MAX_ENTRIES = schema.MAX_ENTRIES

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
    #: The exercise whose questions this one reuses (its file is read too).
    extends: str | None = None
    #: A button that copies that exercise's entries here, each with its `origin` (the id
    #: of the entry it came from): day 5's map starts from day 1's.
    take_over: dict[str, Any] | None = None
    #: Another exercise's entries shown here, read-only (day 1's log on day 2).
    look_back: dict[str, Any] | None = None
    #: The intro as a printed worksheet says it, where the book's does not fit paper.
    paper: str | None = None
    #: The entry blocks its worksheet prints, when the group is asked for that many
    #: (handouts/paper.py); None: as many as fit a page.
    paper_entries: int | None = None
    #: A line under the intro that links to the help page (Als het even niet gaat): the
    #: intro stays plain text, the link is made by each renderer.
    help_link: bool = False
    #: A worked example (exercises/example.py): ``person`` (an id in the cast),
    #: ``situation`` and ``entries`` (answer sets as saves hold them). Never stored.
    example: dict[str, Any] | None = None
    #: The course's interface words: what its answers' messages say (schema.py).
    strings: Strings = field(kw_only=True, compare=False, repr=False)

    @property
    def links(self) -> tuple[str, ...]:
        """The exercises this one reads (related) or writes to (actions)."""
        return tuple(dict.fromkeys([*self.related, *(a["target"] for a in self.actions)]))

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)

    def clean_entries(self, entries: Any) -> list[dict[str, Any]]:
        """Validated, normalised copies of ``entries`` as a save must be (one set for a
        single-set exercise); AnswerError (Dutch) on the first problem."""
        schema.check(schema.entries_schema(self), entries, self.strings)
        return self._normalised(entries)

    def clean_answers(self, answers: Any) -> dict[str, Any]:
        """One answer set (an action's copy into this exercise), validated and normalised."""
        answers_schema = schema.entry_schema(self)["properties"]["answers"]  # no $ref
        schema.check(answers_schema, answers, self.strings)
        return self._answers(answers)

    def clean_body(self, body: Any) -> tuple[dict[str, list[dict[str, Any]]], bool]:
        """An exercise as a file or a store holds it: validated, then repaired where it held
        two current answer sets of a single-set exercise. Returns the body and whether it
        had to be repaired."""
        schema.check(schema.body_schema(self), body, self.strings)
        cleaned = {
            "entries": self._normalised(body["entries"]),
            "earlier": self._normalised(body.get("earlier", [])),
        }
        repaired = normalise(cleaned, repeat=self.repeat)
        return repaired, repaired != cleaned

    def _normalised(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[str] = set()
        for entry in entries:
            if entry["id"] in seen:
                raise AnswerError(self.strings("answers.same_id"))
            seen.add(entry["id"])
        return [{**entry, "answers": self._answers(entry["answers"])} for entry in entries]

    def _answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        """Empty answers left out, whole numbers as int, options in the definition's order."""
        fields = {f.id: f for f in self.fields}
        cleaned = {}
        for field_id, value in answers.items():
            if is_empty(value):
                continue
            field = fields[field_id]
            if field.kind == "scale":
                value = int(value)
            elif field.kind == "multi":
                value = sorted(value, key=[o.id for o in field.options].index)
            elif field.kind == "roles":
                value = {r: value[r] for r in sorted(value)}
            cleaned[field_id] = value
        return cleaned

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
            "take_over": self.take_over,
            "look_back": self.look_back,
            # The help page's name; the book adds where it is (book.js), Jupyter has none.
            "help_link": {"title": self.strings("help.title")} if self.help_link else None,
            "schema": schema.body_schema(self),
        }


def normalise(body: dict[str, Any], *, repeat: bool) -> dict[str, list[dict[str, Any]]]:
    """A single-set exercise has one current answer set: when a restore (or an older
    version of the course) left more, the latest stays and the others become earlier
    versions the learner can see and bring back. Nothing is dropped. book.js: normalise."""
    entries, earlier = list(body["entries"]), list(body.get("earlier", []))
    if not repeat and len(entries) > 1:
        newest = max(range(len(entries)), key=lambda i: (entries[i]["updated"], -i))
        taken = {entries[newest]["id"]} | {e["id"] for e in earlier}
        older = []
        for i, entry in enumerate(entries):
            if i == newest or entry in earlier:
                continue
            if entry["id"] in taken:
                entry = {**entry, "id": copy_id(entry)}
            if entry["id"] not in taken:
                taken.add(entry["id"])
                older.append(entry)
        entries, earlier = [entries[newest]], older + earlier
    return {"entries": entries, "earlier": earlier}


def copy_id(entry: dict[str, Any]) -> str:
    """The id of a kept copy of ``entry``: derived from its own date, so restoring the
    same file twice makes the same copy once. book.js: copyId."""
    return f"{entry['id'][:40]}-{re.sub(r'[^0-9]', '', entry['updated'])[:14]}"
