"""The pictures of a learner's answers for the printed workbook (workbook.typ draws them).

The book draws them with overviews.js from an exercise's ``overview``; here the same
answers become simple equivalents typst can draw: bars, a ladder, circles with numbered
people, a table. Each comes with its title, which is also what the PDF's tags say of it.
Learner text goes through ``show`` (the characters the font can print).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from toelaten.exercises.fields import Field
from toelaten.exercises.model import Exercise
from toelaten.strings import Strings

Entry = dict[str, Any]
Show = Callable[[str], str]
Spec = dict[str, Any]
Fields = dict[str, Field]
Drawn = dict[str, Any] | None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


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
    drawn = KINDS[spec["kind"]](exercise, spec, fields, entries, strings, show)
    if drawn is None:
        return None
    title = drawn.pop("title", None) or spec.get("title") or exercise.title
    return {**drawn, "title": title, "alt": title}


def _before_after(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    rows = [
        e for e in entries if any(not _empty(e["answers"].get(b["field"])) for b in spec["bars"])
    ]
    return _bars(
        (
            {
                "title": show(str(e["answers"].get(spec["label"]) or exercise.title)),
                "bars": [
                    _bar(b["label"], e["answers"].get(b["field"]), fields[b["field"]].max, i)
                    for i, b in enumerate(spec["bars"])
                ],
            }
            for e in rows
        ),
        [b["label"] for b in spec["bars"]],
    )


def _predicted_actual(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    """Per experiment what was expected and what happened: an outcome that is a word (a
    choice: yes, partly, no) is printed as that word, never as a length (overviews.js)."""
    groups = []
    for e in entries:
        answers, bars, outcome = e["answers"], [], False
        for pair in spec["pairs"]:
            predicted, actual = answers.get(pair["predicted"]), answers.get(pair["actual"])
            if _empty(predicted) and _empty(actual):
                continue
            outcome = outcome or not _empty(actual)
            top = fields[pair["predicted"]].max
            bars.append(_bar(strings("overview.predicted", label=pair["label"]), predicted, top, 0))
            field = fields[pair["actual"]]
            if field.kind == "choice":
                said = None if _empty(actual) else show(str(field.display(actual, strings)))
                bars.append({**_bar(field.label, None, 1, 1), "text": said})
            else:
                label = strings("overview.actual", label=pair["label"])
                bars.append(_bar(label, actual, field.max, 1))
        if outcome:  # only what has an outcome
            title = answers.get(exercise.entry.get("title_field")) or ""
            groups.append({"title": show(str(title)), "bars": bars})
    legend = [strings("overview.outcome.expected"), strings("overview.outcome.happened")]
    return _bars(groups, legend)


def _gap(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    answers = entries[0]["answers"]
    them, me = strings("overview.gap.the_other"), strings("overview.gap.you")
    return _bars(
        (
            {
                "title": pair["label"],
                "bars": [
                    _bar(them, answers[pair["them"]], fields[pair["them"]].max, 0),
                    _bar(me, answers[pair["me"]], fields[pair["me"]].max, 1),
                ],
            }
            for pair in spec["pairs"]
            if not _empty(answers.get(pair["them"])) and not _empty(answers.get(pair["me"]))
        ),
        [strings("overview.gap.them"), strings("overview.gap.me")],
    )


def _ladder(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    rungs = sorted(
        (e for e in entries if not _empty(e["answers"].get(spec["value"]))),
        key=lambda e: e["answers"][spec["value"]],
    )
    untitled = strings("overview.ladder.untitled")
    items = [
        {
            "label": show(str(e["answers"].get(spec["label"]) or untitled)),
            "value": e["answers"][spec["value"]],
        }
        for e in rungs
    ]
    return {"kind": "ladder", "rungs": items} if items else None


def _circles(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    """The map as it is now (also for day 5's map, whose changes the book lists too)."""
    label, circle = spec["label"], fields[spec["circle"]]
    people = [e for e in entries if e["answers"].get(label) and e["answers"].get(circle.id)]
    if not people:
        return None
    rings = [
        {
            "label": option.label,
            "names": [
                show(str(e["answers"][label]))
                for e in people
                if e["answers"][circle.id] == option.id
            ],
        }
        for option in circle.options
    ]
    title = strings("overview.compare.now") if spec["kind"] == "compare" else None
    return {"kind": "circles", "title": title, "me": strings("overview.circles.me"), "rings": rings}


def _tally(
    exercise: Exercise,
    spec: Spec,
    fields: Fields,
    entries: list[Entry],
    strings: Strings,
    show: Show,
) -> Drawn:
    down, across = fields[spec["rows"]], fields[spec["columns"]]

    def count(row: str, column: str) -> str:
        found = [e for e in entries if e["answers"].get(down.id) == row]
        return str(sum(1 for e in found if e["answers"].get(across.id) == column))

    rows = [[r.label, *(count(r.id, c.id) for c in across.options)] for r in down.options]
    return {"kind": "table", "head": [down.label, *(c.label for c in across.options)], "rows": rows}


KINDS: dict[str, Callable[[Exercise, Spec, Fields, list[Entry], Strings, Show], Drawn]] = {
    "before-after": _before_after,
    "predicted-actual": _predicted_actual,
    "gap": _gap,
    "ladder": _ladder,
    "circles": _circles,
    "compare": _circles,
    "tally": _tally,
}


def _bar(label: str, value: Any, top: int | float | None, series: int) -> dict[str, Any]:
    """One bar; ``series``: its colour, the same for the same kind of bar in every group."""
    empty = _empty(value)
    return {"label": label, "value": None if empty else value, "max": top or 1, "series": series}


def _bars(groups: Iterable[dict[str, Any]], legend: list[str]) -> Drawn:
    """Groups of bars, and what each colour means (series 0, 1, … in order)."""
    listed = list(groups)
    return {"kind": "bars", "groups": listed, "legend": legend} if listed else None
