"""All exercise definitions, read from ``data/exercises/<id>.yml`` and checked together."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from toelaten._fields import Fields, read_yaml
from toelaten.course import EXERCISE_ID, load_course
from toelaten.exercises.model import Exercise, read_field

OVERVIEW_KINDS = ("before-after",)


def exercises_dir() -> Path:
    return Path(str(resources.files("toelaten") / "data" / "exercises"))


def read_exercise(path: Path) -> Exercise:
    top = read_yaml(path)
    exercise_id = top.text("id")
    if exercise_id != path.stem or not EXERCISE_ID.match(exercise_id):
        top.fail(f"must match the file name {path.stem!r}", "id")
    day_id = top.text("day")
    course = load_course()
    try:
        day = course.day(day_id)
    except KeyError as exc:
        top.fail(str(exc.args[0]), "day")
    if exercise_id not in day.exercises:
        top.fail(f"{day_id} in {course.source} does not list {exercise_id!r}", "day")
    title, intro, repeat = top.text("title"), top.text("intro"), top.flag("repeat")
    entry = _entry(top.mapping("entry"), repeat)
    fields = tuple(read_field(f) for f in top.items("fields"))
    ids = [f.id for f in fields]
    if len(set(ids)) != len(ids):
        top.fail("field ids must be unique", "fields")
    if entry.get("title_field") and entry["title_field"] not in ids:
        top.fail(f"no field {entry['title_field']!r}", "entry.title_field")
    overview = _overview(top.mapping("overview", optional=True), {f.id: f for f in fields})
    top.done()
    return Exercise(
        id=exercise_id,
        day=day_id,
        title=title,
        intro=intro,
        fields=fields,
        repeat=repeat,
        entry=entry,
        overview=overview,
    )


def _entry(item: Fields, repeat: bool) -> dict[str, str]:
    entry = {"name": item.text("name"), "title_field": item.text("title_field")}
    if repeat:
        entry["add"] = item.text("add")
        entry["empty"] = item.text("empty")
    item.done()
    return entry


def _overview(item: Fields | None, fields: dict[str, Any]) -> dict[str, Any] | None:
    if item is None:
        return None
    kind = item.text("kind")
    if kind not in OVERVIEW_KINDS:
        item.fail(f"expected one of {', '.join(OVERVIEW_KINDS)}", "kind")
    label = item.text("label")
    if label not in fields:
        item.fail(f"no field {label!r}", "label")
    bars = []
    for bar in item.items("bars"):
        field_id = bar.text("field")
        if field_id not in fields or fields[field_id].kind != "scale":
            bar.fail(f"{field_id!r} is not a scale field of this exercise", "field")
        bars.append({"field": field_id, "label": bar.text("label")})
        bar.done()
    overview = {
        "kind": kind,
        "title": item.text("title"),
        "label": label,
        "label_title": item.text("label_title"),
        "bars": bars,
    }
    item.done()
    return overview


@functools.cache
def catalogue() -> dict[str, Exercise]:
    """Every exercise that has a definition, by id, in the order of the course."""
    found = {p.stem: read_exercise(p) for p in sorted(exercises_dir().glob("*.yml"))}
    order = [e for day in load_course().days for e in day.exercises]
    return {i: found[i] for i in dict.fromkeys(order) if i in found}


def get_exercise(exercise_id: str) -> Exercise:
    try:
        return catalogue()[exercise_id]
    except KeyError:
        known = ", ".join(catalogue()) or "none"
        raise KeyError(f"no exercise {exercise_id!r} (known: {known})") from None
