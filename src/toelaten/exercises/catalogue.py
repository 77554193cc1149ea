"""All exercise definitions, read from a data root's ``exercises/<id>.yml`` and checked
together (``CourseData.exercises``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten._fields import DataError, Fields, read_yaml
from toelaten.course import EXERCISE_ID, Course
from toelaten.exercises.example import check_example, read_example
from toelaten.exercises.fields import Field, read_field, read_options, with_options_from
from toelaten.exercises.model import Exercise
from toelaten.strings import Strings

if TYPE_CHECKING:
    from toelaten.cast import Person

#: Per overview kind: which keys name a field, and the kinds that field may have.
OVERVIEWS: dict[str, dict[str, tuple[str, ...]]] = {
    "before-after": {"label": ("text",)},
    "ladder": {"label": ("text",), "value": ("scale",)},
    "circles": {"label": ("text",), "circle": ("choice",)},
    "compare": {"label": ("text",), "circle": ("choice",), "asked": ("choice",)},
    "tally": {"rows": ("choice",), "columns": ("choice",)},
    "predicted-actual": {},
    "gap": {},
    # Each scale question, answered now and in the exercise this one extends (`with`).
    "then-now": {},
}
#: Kinds of overview that draw pairs of fields: key in each pair -> allowed field kinds.
PAIRS: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "before-after": ("bars", {"field": ("scale",)}),
    "predicted-actual": ("pairs", {"predicted": ("scale",), "actual": ("scale", "choice")}),
    "gap": ("pairs", {"them": ("scale",), "me": ("scale",)}),
}
CHECKS = ("max-sentences", "max-count", "needs-one-of", "starts-with-one-of")


def read_exercise(
    path: Path,
    course: Course | None,
    strings: Strings,
    cast: Mapping[str, Person] | None = None,
) -> Exercise:
    """One definition; with ``course``, also that its day lists it (``toelaten check``
    reads each file without a course when course.yml itself is broken). ``strings``: the
    course's interface words, which its answers' messages are in. ``cast``: the course's
    people, one of whom the worked example must name."""
    top = read_yaml(path)
    exercise_id = top.text("id")
    if exercise_id != path.stem or not EXERCISE_ID.match(exercise_id):
        top.fail(f"must match the file name {path.stem!r}", "id")
    day_id = top.text("day")
    if course is not None:
        try:
            day = course.day(day_id)
        except KeyError as exc:
            top.fail(str(exc.args[0]), "day")
        if exercise_id not in day.exercises:
            top.fail(f"{day_id} in {course.source} does not list {exercise_id!r}", "day")
    title, intro, repeat = top.text("title"), top.text("intro"), top.flag("repeat")
    paper = top.text("paper", optional=True)
    paper_entries = _paper_entries(top, repeat)
    help_link = top.flag("help_link")
    related = tuple(top.texts("related", allow_empty=True))
    # `extends: other-id` takes the other exercise's questions, so they stay the same.
    base = top.text("extends", optional=True)
    if base is not None and not path.with_name(f"{base}.yml").is_file():
        top.fail(f"no exercise file {base}.yml beside this one", "extends")
    source = read_yaml(path.with_name(f"{base}.yml")) if base else top
    roles = tuple(read_options(source, "roles", allow_empty=True))
    fields = tuple(read_field(f, roles) for f in source.items("fields"))
    fields = with_options_from(fields, source.fail)
    by_id = {f.id: f for f in fields}
    if len(by_id) != len(fields):
        top.fail("field ids must be unique", "fields")
    entry = _entry(top.mapping("entry"), repeat, by_id)
    overview = _overview(top.mapping("overview", optional=True), by_id, related)
    checks = tuple(_check(c, by_id) for c in top.items("checks", allow_empty=True))
    actions = tuple(_action(a, by_id) for a in top.items("actions", allow_empty=True))
    take_over = _take_over(top.mapping("take_over", optional=True), repeat, base, related)
    look_back = _look_back(top.mapping("look_back", optional=True), related)
    example = read_example(top.mapping("example", optional=True))
    top.done()
    exercise = Exercise(
        id=exercise_id,
        day=day_id,
        title=title,
        intro=intro,
        fields=fields,
        repeat=repeat,
        entry=entry,
        overview=overview,
        checks=checks,
        actions=actions,
        related=related,
        extends=base,
        take_over=take_over,
        look_back=look_back,
        paper=paper,
        paper_entries=paper_entries,
        help_link=help_link,
        example=example,
        strings=strings,
    )
    return check_example(exercise, path, cast)


#: The entry blocks a worksheet may ask for with `paper_entries` (handouts/paper.py).
PAPER_ENTRIES = range(1, 9)


def _paper_entries(top: Fields, repeat: bool) -> int | None:
    """`paper_entries: 5`: room for this many entries on the worksheet, where the group is
    asked for that many (a repeatable exercise; paper.py otherwise fills a page)."""
    if top.text("paper_entries", optional=True) is None:
        return None
    count = top.integer("paper_entries")
    if not repeat:
        top.fail("only a repeatable exercise (repeat: true) prints entry blocks", "paper_entries")
    if count not in PAPER_ENTRIES:
        top.fail(f"expected {PAPER_ENTRIES.start} to {PAPER_ENTRIES.stop - 1}", "paper_entries")
    return count


def _field_ref(item: Fields, key: str, fields: dict[str, Field], kinds: tuple[str, ...]) -> str:
    field_id = item.text(key)
    if field_id not in fields or fields[field_id].kind not in kinds:
        item.fail(f"{field_id!r} is not a {' or '.join(kinds)} field of this exercise", key)
    return field_id


def _entry(item: Fields, repeat: bool, fields: dict[str, Field]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": item.text("name"),
        "title_field": _field_ref(item, "title_field", fields, ("text", "longtext")),
    }
    if repeat:
        entry["add"] = item.text("add")
        entry["empty"] = item.text("empty")
        if item.text("sort_by", optional=True):
            entry["sort_by"] = _field_ref(item, "sort_by", fields, ("scale",))
        if item.text("minimum", optional=True):
            entry["minimum"] = item.integer("minimum")
    item.done()
    return entry


def _overview(
    item: Fields | None, fields: dict[str, Field], related: tuple[str, ...]
) -> dict[str, Any] | None:
    if item is None:
        return None
    kind = item.text("kind")
    if kind not in OVERVIEWS:
        item.fail(f"expected one of {', '.join(OVERVIEWS)}", "kind")
    overview: dict[str, Any] = {"kind": kind, "title": item.text("title")}
    for key, kinds in OVERVIEWS[kind].items():
        overview[key] = _field_ref(item, key, fields, kinds)
    if kind == "before-after":
        overview["label_title"] = item.text("label_title")
    if kind == "tally" and (said := item.mapping("said", optional=True)) is not None:
        # How each column's answer reads in a sentence ("bij een echt aanbod"): the
        # counts are then told one sentence per row instead of a table.
        columns = {o.id for o in fields[overview["columns"]].options}
        overview["said"] = {name: said.text(name) for name in said.names()}
        if set(overview["said"]) != columns:
            item.fail(f"must give words for each of {', '.join(sorted(columns))}", "said")
    if kind == "then-now":
        overview["then"], overview["now"] = item.text("then"), item.text("now")
        overview["label_title"] = item.text("label_title")
        if not any(f.kind == "scale" for f in fields.values()):
            item.fail("a then-now overview needs scale questions", "kind")
    if kind in ("compare", "then-now"):
        overview["with"] = item.text("with")
        if overview["with"] not in related:
            item.fail("must be one of the exercise's `related`", "with")
    if kind in PAIRS:
        key, refs = PAIRS[kind]
        pairs = []
        for pair in item.items(key):
            data: dict[str, Any] = {"label": pair.text("label")}
            for ref, kinds in refs.items():
                data[ref] = _field_ref(pair, ref, fields, kinds)
            pairs.append(data)
            pair.done()
        overview[key] = pairs
    item.done()
    return overview


def _check(item: Fields, fields: dict[str, Field]) -> dict[str, Any]:
    kind = item.text("kind")
    if kind not in CHECKS:
        item.fail(f"expected one of {', '.join(CHECKS)}", "kind")
    check: dict[str, Any] = {
        "field": _field_ref(item, "field", fields, ("text", "longtext")),
        "kind": kind,
        "tip": item.text("tip"),
        "message": item.text("message"),
    }
    if kind in ("max-sentences", "max-count"):
        check["max"] = item.integer("max")
    if kind != "max-sentences":
        check["words"] = [w.lower() for w in item.texts("words")]
    item.done()
    return check


def _action(item: Fields, fields: dict[str, Field]) -> dict[str, Any]:
    action: dict[str, Any] = {
        "label": item.text("label"),
        "target": item.text("target"),
        "done": item.text("done"),
    }
    copy = item.mapping("copy")
    action["copy"] = {
        target: _field_ref(copy, target, fields, ("text", "longtext"))
        for target in copy.names()  # target field -> this exercise's field
    }
    copy.done()
    item.done()
    return action


def _take_over(
    item: Fields | None, repeat: bool, base: str | None, related: tuple[str, ...]
) -> dict[str, Any] | None:
    """A button that copies the entries of the exercise this one extends (day 1's map
    into day 5's); each copy remembers the entry it came from (its `origin`)."""
    if item is None:
        return None
    source = item.text("from")
    if not repeat:
        item.fail("only a repeatable exercise (repeat: true) can take over entries", "from")
    if source != base or source not in related:
        item.fail("must be the exercise this one extends, and one of its `related`", "from")
    take_over = {"from": source, "label": item.text("label"), "help": item.text("help")}
    item.done()
    return take_over


def _look_back(item: Fields | None, related: tuple[str, ...]) -> dict[str, Any] | None:
    """Another exercise's entries shown here, read-only (day 1's log on day 2). The
    fields are checked and written out by read_catalogue, which knows the other exercise."""
    if item is None:
        return None
    look_back: dict[str, Any] = {"from": item.text("from")}
    if look_back["from"] not in related:
        item.fail("must be one of the exercise's `related`", "from")
    for key in ("title", "empty", "link"):
        look_back[key] = item.text(key)
    look_back["fields"] = item.texts("fields")
    item.done()
    return look_back


def _resolve_look_back(exercise: Exercise, found: dict[str, Exercise], where: Path) -> Exercise:
    """The look-back with the other exercise's fields as the front end draws them."""
    look_back = exercise.look_back
    if look_back is None or look_back["from"] not in found:
        return exercise
    other = found[look_back["from"]]
    known = {f.id: f for f in other.fields}
    unknown = [f for f in look_back["fields"] if f not in known]
    if unknown:
        raise DataError(
            f"{where}: look_back.fields: {other.id!r} has no field(s) {', '.join(unknown)}"
        )
    drawn = ("help", "section", "maxLength", "scenario")  # only how an answer reads
    fields = [
        {k: v for k, v in known[f].as_json().items() if k not in drawn} for f in look_back["fields"]
    ]
    resolved = {
        **look_back,
        "fields": fields,
        "entry": {"name": other.entry["name"], "title_field": other.entry["title_field"]},
    }
    return replace(exercise, look_back=resolved)


def read_catalogue(
    paths: list[Path],
    course: Course,
    strings: Strings,
    cast: Mapping[str, Person] | None = None,
) -> dict[str, Exercise]:
    """Every exercise in ``paths``, by id, in the order of the course; the exercises they
    link to must exist, and every exercise the course lists must have a file."""
    files = {p.stem: p for p in paths}
    found = {stem: read_exercise(path, course, strings, cast) for stem, path in files.items()}
    for exercise in found.values():
        where = files[exercise.id]
        for i, action in enumerate(exercise.actions):
            target = found.get(action["target"])
            if target is None:
                raise DataError(f"{where}: actions[{i}].target: no exercise {action['target']!r}")
            unknown = sorted(set(action["copy"]) - {f.id for f in target.fields})
            if unknown:
                raise DataError(
                    f"{where}: actions[{i}].copy: {action['target']!r} has no field(s) "
                    f"{', '.join(unknown)}"
                )
        for other in exercise.related:
            if other not in found:
                raise DataError(f"{where}: related: no exercise {other!r}")
    found = {i: _resolve_look_back(e, found, files[i]) for i, e in found.items()}
    order = [e for day in course.days for e in day.exercises]
    missing = [i for i in order if i not in found]
    if missing:
        folder = paths[0].parent if paths else "exercises"
        raise DataError(
            f"{course.source}: lists {', '.join(missing)}, but {folder} has no "
            f"{', '.join(f'{i}.yml' for i in missing)}; add the file or take the id out"
        )
    return {i: found[i] for i in dict.fromkeys(order)}
