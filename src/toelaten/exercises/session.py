"""What happens when a learner saves in Jupyter: validate, keep a revision, say so.

Kept apart from the widget so it can be tested without a front end, and so the widget
only wires traits to it. Two notebooks (or a notebook and ``toelaten import``) may change
the same exercise at once: each save merges with what is stored (transfer.merge3), inside
one journal transaction, so neither loses an answer.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from toelaten.exercises.journal import Journal, JournalError
from toelaten.exercises.model import AnswerError, Exercise
from toelaten.exercises.transfer import Body, merge3, now

if TYPE_CHECKING:
    from toelaten.coursedata import CourseData


def new_entry_id() -> str:
    return "p" + secrets.token_hex(6)


class ExerciseSession:
    def __init__(
        self, exercise_id: str, journal: Journal | None = None, data: CourseData | None = None
    ) -> None:
        if journal is None:
            journal = Journal(data=data)
        self.data = data if data is not None else journal.data
        self.exercise: Exercise = self.data.exercise(exercise_id)
        self.strings = self.data.strings
        self.journal = journal
        #: What this notebook last read or wrote: the base of the next merge.
        self.base: list[dict[str, Any]] = []
        #: Earlier versions of a single-set answer, to show and bring back.
        self.earlier: list[dict[str, Any]] = []
        #: Why the journal could not be read; while set, nothing is written over it.
        self.problem = ""

    def load(self) -> list[dict[str, Any]]:
        try:
            body = self.journal.latest_body(self.exercise.id)
        except JournalError as exc:
            self.problem = str(exc)
            return []
        self.base, self.earlier = body["entries"], body["earlier"]
        return list(self.base)

    def load_related(self) -> dict[str, list[dict[str, Any]]]:
        try:
            return {other: self.journal.latest(other) for other in self.exercise.related}
        except JournalError:
            return {}  # load() says what is wrong

    def add_to(self, target: Any, answers: Any, done: Any) -> str:
        """An exercise's action: start a new entry in another exercise (a rung, say)."""
        allowed = {a["target"]: a for a in self.exercise.actions}
        if target not in allowed:
            return self.strings("exercise.status.cannot_add")
        if self.problem:
            return self.strings("exercise.status.failed", problem=self.problem)
        try:
            cleaned = self.data.exercise(target).clean_answers(answers)
            there = self.journal.latest(target)
            # Clicked twice: the entry it made is there already (store.js: madeFrom).
            if cleaned and any(
                all(e["answers"].get(k) == v for k, v in cleaned.items()) for e in there
            ):
                return self.strings("exercise.status.already_added")
            stamp = now()
            entry = {"id": new_entry_id(), "created": stamp, "updated": stamp, "answers": cleaned}
            self.journal.update(target, lambda body: {**body, "entries": [*body["entries"], entry]})
        except (AnswerError, JournalError) as exc:
            return self.strings("exercise.status.failed", problem=exc)
        return str(allowed[target]["done"])

    def save(self, entries: Any) -> tuple[str, list[dict[str, Any]]]:
        """Save; returns the message the learner sees and the answers now stored (with
        what another notebook saved meanwhile merged in)."""
        if self.problem:
            return self.strings("exercise.status.not_saved", problem=self.problem), entries
        try:
            mine = self.exercise.clean_entries(entries)
            _, body = self.journal.update(
                self.exercise.id, lambda stored: self._merged(stored, mine)
            )
        except (AnswerError, JournalError) as exc:
            return self.strings("exercise.status.not_saved", problem=exc), entries
        self.base, self.earlier = body["entries"], body["earlier"]
        saved = self.strings("exercise.status.saved_journal", time=f"{datetime.now():%H:%M}")
        return saved, body["entries"]

    def _merged(self, stored: Body, mine: list[dict[str, Any]]) -> Body:
        if stored["entries"] == self.base:
            return {**stored, "entries": mine}
        return merge3(
            self.base,
            mine,
            stored["entries"],
            repeat=self.exercise.repeat,
            earlier=stored["earlier"],
        )

    def bring_back(self, entry_id: Any) -> tuple[str, list[dict[str, Any]]]:
        """An earlier version becomes the answer again; the current one becomes earlier."""
        if self.problem:
            return self.strings("exercise.status.failed", problem=self.problem), self.base

        def swap(stored: Body) -> Body:
            chosen = next((e for e in stored["earlier"] if e["id"] == entry_id), None)
            if chosen is None:
                return stored
            others = [e for e in stored["earlier"] if e["id"] != entry_id]
            return {
                "entries": [{**chosen, "updated": now()}],
                "earlier": stored["entries"] + others,
            }

        try:
            _, body = self.journal.update(self.exercise.id, swap)
        except (AnswerError, JournalError) as exc:
            return self.strings("exercise.status.failed", problem=exc), self.base
        self.base, self.earlier = body["entries"], body["earlier"]
        return self.strings("exercise.status.brought_back"), body["entries"]
