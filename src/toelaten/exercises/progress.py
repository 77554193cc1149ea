"""Where a learner is: each exercise open, half done or done, each day, and where to go on.

The one definition of an exercise's state, for ``toelaten progress`` and for the book
(``front/progress.js``, which reads the same :func:`spec` and is held to the same verdicts
by ``tests/js/progress.test.mjs``):

- **open**: no current answer set has any answer (earlier versions do not count);
- **done**: every answer set has every question the exercise asks for answered (all but
  the fields marked ``optional``; a ``roles`` question in each of its parts), including
  those answered afterwards (``later``), and a repeatable exercise has at least its
  ``minimum`` of answer sets;
- **half** done otherwise, with the reason a learner can act on, in this order: a
  question still empty (``missing``), fewer answer sets than the minimum (``fewer``), or
  only what comes afterwards still to come, like an experiment's outcome (``waiting``).

A day is done when all its exercises are, open when all are open. "Ga verder waar je
was" leads to the first exercise not done of the earliest day not done, or to that day's
page when nothing of it is begun.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toelaten.coursedata import CourseData
    from toelaten.exercises.model import Exercise
    from toelaten.strings import Strings

OPEN, HALF, DONE = "open", "half", "done"
MISSING, FEWER, WAITING = "missing", "fewer", "waiting"
#: Text of only these characters is no answer (progress.js: BLANK, the same set).
BLANK = re.compile("[ \t\n\r\f\v\u00a0\u2007\u202f\u3000\ufeff]*")


def spec(exercise: Exercise) -> dict[str, Any]:
    """What the state is judged on, as the book's script gets it too: the questions asked
    now and those answered afterwards, the parts of each roles question, the minimum."""
    asked = [f for f in exercise.fields if not f.optional]
    return {
        "now": [f.id for f in asked if not f.later],
        "later": [f.id for f in asked if f.later],
        "parts": {f.id: [r.id for r in f.responses] for f in asked if f.kind == "roles"},
        "minimum": int(exercise.entry.get("minimum", 1)) if exercise.repeat else 1,
    }


def filled(value: Any) -> bool:
    """An answer at all: not empty, not only spaces (progress.js: isFilled)."""
    if value is None:
        return False
    if isinstance(value, str):
        return BLANK.fullmatch(value) is None
    if isinstance(value, (list, dict)):
        return len(value) > 0
    return True


def complete(rule: Mapping[str, Any], field_id: str, value: Any) -> bool:
    """The question answered as a whole: a roles question in every part."""
    if not filled(value):
        return False
    parts = rule["parts"].get(field_id)
    if parts is None:
        return True
    return isinstance(value, dict) and all(filled(value.get(p)) for p in parts)


@dataclass(frozen=True)
class State:
    state: str  # OPEN, HALF or DONE
    reason: str = ""  # MISSING, FEWER or WAITING when HALF
    started: int = 0  # answer sets with an answer
    # The latest save among them (ISO time, "" when unknown): where the learner was, not
    # part of the verdict.
    updated: str = field(default="", compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "reason": self.reason,
            "started": self.started,
            "updated": self.updated,
        }


def _answers(entry: Any) -> dict[str, Any] | None:
    answers = entry.get("answers") if isinstance(entry, dict) else None
    return answers if isinstance(answers, dict) else None


def exercise_state(rule: Mapping[str, Any], entries: Sequence[Any]) -> State:
    """The state of one exercise from its current answer sets (progress.js: exerciseState)."""
    begun = [e for e in entries if (a := _answers(e)) is not None and any(map(filled, a.values()))]
    if not begun:
        return State(OPEN)
    started = [a for a in map(_answers, begun) if a is not None]
    stamps = [e.get("updated") for e in begun]
    updated = max((t for t in stamps if isinstance(t, str)), default="")

    def all_of(key: str) -> bool:
        return all(complete(rule, f, a.get(f)) for a in started for f in rule[key])

    n = len(started)
    if not all_of("now"):
        return State(HALF, MISSING, n, updated)
    if n < rule["minimum"]:
        return State(HALF, FEWER, n, updated)
    if not all_of("later"):
        return State(HALF, WAITING, n, updated)
    return State(DONE, "", n, updated)


@dataclass(frozen=True)
class DayState:
    state: str
    done: int
    total: int


def day_state(states: Sequence[State]) -> DayState:
    """A day from the states of its exercises (progress.js: dayState)."""
    done = sum(s.state == DONE for s in states)
    if done == len(states):
        return DayState(DONE, done, len(states))
    if all(s.state == OPEN for s in states):
        return DayState(OPEN, done, len(states))
    return DayState(HALF, done, len(states))


def resume(days: Sequence[tuple[str, Sequence[str]]], states: Mapping[str, State]) -> dict:
    """Where to go on (progress.js: resumeTarget). ``{"kind": "start"}`` when nothing is
    begun, ``"finished"`` when everything is done. Else where the learner was: the exercise
    saved last, when it is not done; otherwise the first exercise not done after it in the
    course (from the start again when there is none). That exercise (``"exercise"``), or
    its day's page (``"day"``) when nothing of that day is begun. ``days``: each day's id
    and its exercises' ids, in course order."""
    order = [(day_id, i) for day_id, ids in days for i in ids]
    if all(states[i].state == OPEN for _, i in order):
        return {"kind": "start", "id": days[0][0] if days else ""}
    if all(states[i].state == DONE for _, i in order):
        return {"kind": "finished", "id": ""}
    # The last save; of two at the same time (or none known) the later in the course.
    last = max(
        (n for n, (_, i) in enumerate(order) if states[i].state != OPEN),
        key=lambda n: (states[order[n][1]].updated, n),
    )
    after = order[last:] + order[:last]
    day_id, target = next((d, i) for d, i in after if states[i].state != DONE)
    day_ids = next(ids for d, ids in days if d == day_id)
    if all(states[i].state == OPEN for i in day_ids):
        return {"kind": "day", "id": day_id}
    return {"kind": "exercise", "id": target}


# ---- the learner's progress in the terminal (`toelaten progress`) ----------------------


@dataclass(frozen=True)
class ExerciseProgress:
    id: str
    title: str
    state: State


@dataclass(frozen=True)
class DayProgress:
    id: str
    heading: str
    exercises: tuple[ExerciseProgress, ...]

    @property
    def state(self) -> DayState:
        return day_state([e.state for e in self.exercises])


def progress(answers: Mapping[str, Sequence[Any]], data: CourseData) -> list[DayProgress]:
    """Per day, each exercise's state from its current answer sets (``answers``: by id)."""
    known = data.exercises
    return [
        DayProgress(
            day.id,
            day.heading(data.strings),
            tuple(
                ExerciseProgress(
                    i, known[i].title, exercise_state(spec(known[i]), answers.get(i) or [])
                )
                for i in day.exercises
                if i in known
            ),
        )
        for day in data.course.days
    ]


def state_text(state: str, strings: Strings) -> str:
    """The tag the book shows too: Nog niet begonnen, Half af, Klaar."""
    if state == DONE:
        return strings("progress.state.done")
    if state == HALF:
        return strings("progress.state.half")
    return strings("progress.state.open")


def reason_text(state: State, rule: Mapping[str, Any], strings: Strings) -> str:
    """Why it is half done, as a hint (empty when it is not)."""
    if state.reason == MISSING:
        return strings("progress.reason.missing")
    if state.reason == FEWER:
        return strings("progress.reason.fewer", n=state.started, minimum=rule["minimum"])
    if state.reason == WAITING:
        return strings("progress.reason.waiting")
    return ""


def day_text(day: DayState, strings: Strings) -> str:
    """A day's tag: Nog niet begonnen, Klaar, or how many of its exercises are done."""
    if day.state == HALF:
        return strings("progress.day_count", done=day.done, total=day.total)
    return state_text(day.state, strings)
