"""The pictures of a learner's answers for the printed workbook (workbook.typ draws them).

The book draws them with overviews.js from an exercise's ``overview``; here the same
answers become simple equivalents typst can draw: bars, a ladder, circles with numbered
people, a table. Each comes with its title, which is also what the PDF's tags say of it.
Learner text goes through ``show`` (the characters the font can print).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as default
from typing import Any

from toelaten.exercises.fields import Field, is_empty
from toelaten.exercises.model import Exercise
from toelaten.strings import Strings

Entry = dict[str, Any]
Show = Callable[[str], str]
Spec = dict[str, Any]
Drawn = dict[str, Any] | None


@dataclass(frozen=True)
class Answers:
    """What every chart reads: the exercise, its overview, its questions by id, the
    learner's entries, the course's words, and ``show`` for learner text."""

    exercise: Exercise
    spec: Spec
    fields: dict[str, Field]
    entries: list[Entry]
    strings: Strings
    show: Show
    #: The answers of the exercises it reads, by id (day 1's self-check on day 5).
    related: dict[str, list[Entry]] = default(default_factory=dict)


def chart(
    exercise: Exercise,
    entries: list[Entry],
    related: dict[str, list[Entry]],
    strings: Strings,
    show: Show,
) -> dict[str, Any] | None:
    """What to draw for ``exercise``'s answers, or None (no overview, or nothing to draw)."""
    spec = exercise.overview
    if not spec or not entries or spec["kind"] not in KINDS:
        return None
    fields = {f.id: f for f in exercise.fields}
    drawn = KINDS[spec["kind"]](Answers(exercise, spec, fields, entries, strings, show, related))
    if drawn is None:
        return None
    title = drawn.pop("title", None) or spec.get("title") or exercise.title
    return {**drawn, "title": title, "alt": title}


def _before_after(a: Answers) -> Drawn:
    rows = [
        e
        for e in a.entries
        if any(not is_empty(e["answers"].get(b["field"])) for b in a.spec["bars"])
    ]
    return _bars(
        (
            {
                "title": a.show(str(e["answers"].get(a.spec["label"]) or a.exercise.title)),
                "bars": [
                    _bar(b["label"], e["answers"].get(b["field"]), a.fields[b["field"]].max, i)
                    for i, b in enumerate(a.spec["bars"])
                ],
            }
            for e in rows
        ),
        [b["label"] for b in a.spec["bars"]],
    )


def _then_now(a: Answers) -> Drawn:
    """Per scale question the answer then (the exercise it repeats) and now (lookback.js)."""
    now = a.entries[0]["answers"] if a.entries else {}
    earlier = a.related.get(a.spec["with"]) or []
    then = earlier[0]["answers"] if earlier else {}
    scales = [
        f
        for f in a.fields.values()
        if f.kind == "scale" and not (is_empty(now.get(f.id)) and is_empty(then.get(f.id)))
    ]
    return _bars(
        (
            {
                "title": f.label,
                "bars": [
                    _bar(a.spec["then"], then.get(f.id), f.max, 0),
                    _bar(a.spec["now"], now.get(f.id), f.max, 1),
                ],
            }
            for f in scales
        ),
        [a.spec["then"], a.spec["now"]],
    )


def _predicted_actual(a: Answers) -> Drawn:
    """Per experiment what was expected and what happened: an outcome that is a word (a
    choice: yes, partly, no) is printed as that word, never as a length (overviews.js)."""
    groups = []
    for e in a.entries:
        answers, bars, outcome = e["answers"], [], False
        for pair in a.spec["pairs"]:
            predicted, actual = answers.get(pair["predicted"]), answers.get(pair["actual"])
            if is_empty(predicted) and is_empty(actual):
                continue
            outcome = outcome or not is_empty(actual)
            top = a.fields[pair["predicted"]].max
            bars.append(
                _bar(a.strings("overview.predicted", label=pair["label"]), predicted, top, 0)
            )
            field = a.fields[pair["actual"]]
            if field.kind == "choice":
                said = None if is_empty(actual) else a.show(str(field.display(actual, a.strings)))
                bars.append({**_bar(field.label, None, 1, 1), "text": said})
            else:
                label = a.strings("overview.actual", label=pair["label"])
                bars.append(_bar(label, actual, field.max, 1))
        if outcome:  # only what has an outcome
            title = answers.get(a.exercise.entry.get("title_field")) or ""
            groups.append({"title": a.show(str(title)), "bars": bars})
    legend = [a.strings("overview.outcome.expected"), a.strings("overview.outcome.happened")]
    return _bars(groups, legend)


def _gap(a: Answers) -> Drawn:
    answers = a.entries[0]["answers"]
    them, me = a.strings("overview.gap.the_other"), a.strings("overview.gap.you")
    return _bars(
        (
            {
                "title": pair["label"],
                "bars": [
                    _bar(them, answers[pair["them"]], a.fields[pair["them"]].max, 0),
                    _bar(me, answers[pair["me"]], a.fields[pair["me"]].max, 1),
                ],
            }
            for pair in a.spec["pairs"]
            if not is_empty(answers.get(pair["them"])) and not is_empty(answers.get(pair["me"]))
        ),
        [a.strings("overview.gap.them"), a.strings("overview.gap.me")],
    )


def _ladder(a: Answers) -> Drawn:
    rungs = sorted(
        (e for e in a.entries if not is_empty(e["answers"].get(a.spec["value"]))),
        key=lambda e: e["answers"][a.spec["value"]],
    )
    untitled = a.strings("overview.ladder.untitled")
    items = [
        {
            "label": a.show(str(e["answers"].get(a.spec["label"]) or untitled)),
            "value": e["answers"][a.spec["value"]],
        }
        for e in rungs
    ]
    return {"kind": "ladder", "rungs": items} if items else None


def _circles(a: Answers) -> Drawn:
    """The map as it is now (also for day 5's map, whose changes the book lists too)."""
    label, circle = a.spec["label"], a.fields[a.spec["circle"]]
    people = [e for e in a.entries if e["answers"].get(label) and e["answers"].get(circle.id)]
    if not people:
        return None
    rings = [
        {
            "label": option.label,
            "names": [
                a.show(str(e["answers"][label]))
                for e in people
                if e["answers"][circle.id] == option.id
            ],
        }
        for option in circle.options
    ]
    title = a.strings("overview.compare.now") if a.spec["kind"] == "compare" else None
    return {
        "kind": "circles",
        "title": title,
        "me": a.strings("overview.circles.me"),
        "rings": rings,
    }


def _tally(a: Answers) -> Drawn:
    down, across = a.fields[a.spec["rows"]], a.fields[a.spec["columns"]]
    if "said" in a.spec:
        return {"kind": "lines", "lines": tally_lines(a)}

    def count(row: str, column: str) -> str:
        found = [e for e in a.entries if e["answers"].get(down.id) == row]
        return str(sum(1 for e in found if e["answers"].get(across.id) == column))

    rows = [[r.label, *(count(r.id, c.id) for c in across.options)] for r in down.options]
    return {"kind": "table", "head": [down.label, *(c.label for c in across.options)], "rows": rows}


def tally_lines(a: Answers) -> list[str]:
    """A tally told in sentences, one per answer chosen (overviews.js: tallyLines)."""
    down, across, said = a.fields[a.spec["rows"]], a.fields[a.spec["columns"]], a.spec["said"]
    lines = []
    for row in down.options:
        found = [e for e in a.entries if e["answers"].get(down.id) == row.id]
        counts = [
            (c, sum(1 for e in found if e["answers"].get(across.id) == c.id))
            for c in across.options
        ]
        counts = [(c, k) for c, k in counts if k]
        if not counts:
            continue
        answer, n = row.label[:1].lower() + row.label[1:], sum(k for _, k in counts)
        if len(counts) == 1:
            lines.append(
                a.strings("overview.tally.single", n=n, answer=answer, where=said[counts[0][0].id])
            )
            continue
        parts = [a.strings("overview.tally.part", n=k, where=said[c.id]) for c, k in counts]
        joined = a.strings("overview.tally.and", first=", ".join(parts[:-1]), last=parts[-1])
        lines.append(a.strings("overview.tally.more", n=n, answer=answer, parts=joined))
    return lines


KINDS: dict[str, Callable[[Answers], Drawn]] = {
    "before-after": _before_after,
    "then-now": _then_now,
    "predicted-actual": _predicted_actual,
    "gap": _gap,
    "ladder": _ladder,
    "circles": _circles,
    "compare": _circles,
    "tally": _tally,
}


def _bar(label: str, value: Any, top: int | float | None, series: int) -> dict[str, Any]:
    """One bar; ``series``: its colour, the same for the same kind of bar in every group."""
    empty = is_empty(value)
    return {"label": label, "value": None if empty else value, "max": top or 1, "series": series}


def _bars(groups: Iterable[dict[str, Any]], legend: list[str]) -> Drawn:
    """Groups of bars, and what each colour means (series 0, 1, … in order)."""
    listed = list(groups)
    return {"kind": "bars", "groups": listed, "legend": legend} if listed else None
