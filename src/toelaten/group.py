"""What a group needs on paper besides the worksheets (``data/group.yml``): the group
agreements, the observer's sheet and the evaluation form, the group formats (werkvormen)
with their roles and their own timing, and what the observer looks for on each day.

The facilitator guide shows them and ``toelaten handouts --group`` prints them from this
one file. The forms reuse the exercises' field kinds, so they print like any worksheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toelaten._fields import DataError, Fields, read_yaml
from toelaten.exercises.fields import Field, read_field

#: The forms the guide and the packs rely on.
FORMS = ("kijkblad", "evaluatie", "intake")


@dataclass(frozen=True)
class Agreement:
    title: str
    text: str


@dataclass(frozen=True)
class Ratings:
    """A form's ratings from 1 to 5: one row for every day of the course, then ``rows``."""

    title: str
    intro: str
    #: What 1 and 5 mean, in words.
    ends: tuple[str, str]
    rows: tuple[str, ...]

    def all_rows(self, day_headings: list[str]) -> list[str]:
        return [*day_headings, *self.rows]


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    #: Printed under the questions (what happens with the answers, say).
    note: str | None = None
    #: Ratings per day and for the trainer, before the questions (the evaluation).
    ratings: Ratings | None = None
    #: Per day id: a column for each of these on that day's sheet (the kijkblad on day 4).
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Shaped like an exercise, so the worksheet template prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "intro": self.intro,
            "repeat": False,
            "fields": [f.as_json() for f in self.fields],
            "checks": [],
            "note": self.note,
        }


#: A number of minutes or rounds, the same for every variant or per variant id.
PerVariant = int | dict[str, int]


def for_variant(value: PerVariant, variant_id: str) -> int | None:
    """The value for ``variant_id``: the one number, or that variant's (None: not given)."""
    return value if isinstance(value, int) else value.get(variant_id)


@dataclass(frozen=True)
class Timing:
    """A werkvorm's own clock: an introduction, rounds of the same length, a close."""

    intro: PerVariant
    round: PerVariant
    rounds: PerVariant
    close: PerVariant
    #: What one round holds, in words ("10 minuten gesprek, 5 minuten nabespreken").
    round_text: str
    #: The same werkvorm in a group of four (a group that three does not divide): its own
    #: clock, with a round per person so everyone still has every role (``four:``).
    four: Timing | None = None

    def parts(self, variant_id: str) -> tuple[int, int, int, int] | None:
        """(intro, round, rounds, close) for a variant; None when one is not given."""
        values = [
            for_variant(v, variant_id) for v in (self.intro, self.round, self.rounds, self.close)
        ]
        if any(v is None for v in values):
            return None
        intro, round_, rounds, close = (v or 0 for v in values)
        return intro, round_, rounds, close

    def minutes(self, variant_id: str) -> int | None:
        parts = self.parts(variant_id)
        if parts is None:
            return None
        intro, round_, rounds, close = parts
        return intro + round_ * rounds + close

    def variants(self) -> set[str]:
        """The variant ids the timing names (none: the same for every variant)."""
        values = (self.intro, self.round, self.rounds, self.close)
        return {k for v in values if isinstance(v, dict) for k in v}


@dataclass(frozen=True)
class Werkvorm:
    id: str
    roles: tuple[str, ...]
    #: True when one role watches and fills in the observer's sheet (the kijkblad).
    observer: bool
    timing: Timing


@dataclass(frozen=True)
class GroupMaterials:
    agreements_title: str
    agreements_intro: str
    agreements: tuple[Agreement, ...]
    forms: dict[str, Form]
    source: Path
    werkvormen: dict[str, Werkvorm]
    #: Per day id: what the observer looks for that day (the kijkblad's task).
    observer_tasks: dict[str, str]


def load_group_materials(path: Path | str) -> GroupMaterials:
    path = Path(path)
    top = read_yaml(path)
    item = top.mapping("agreements")
    agreements = []
    for agreement in item.items("items"):
        agreements.append(Agreement(agreement.text("title"), agreement.text("text")))
        agreement.done()
    title, intro = item.text("title"), item.text("intro")
    item.done()
    forms_item = top.mapping("forms")
    forms = {}
    for form_id in forms_item.names():
        form_item = forms_item.mapping(form_id)
        fields = tuple(read_field(f) for f in form_item.items("fields"))
        if len({f.id for f in fields}) != len(fields):
            form_item.fail("field ids must be unique", "fields")
        forms[form_id] = Form(
            form_id,
            form_item.text("title"),
            form_item.text("intro"),
            fields,
            form_item.text("note", optional=True),
            _ratings(form_item),
            _columns(form_item),
        )
        form_item.done()
    forms_item.done()
    werkvormen_item = top.mapping("werkvormen")
    werkvormen = {w: _werkvorm(werkvormen_item.mapping(w), w) for w in werkvormen_item.names()}
    werkvormen_item.done()
    tasks_item = top.mapping("kijkopdrachten")
    observer_tasks = {day_id: tasks_item.text(day_id) for day_id in tasks_item.names()}
    tasks_item.done()
    top.done()
    for form in forms.values():
        for day_id in form.columns:
            if day_id not in observer_tasks:
                raise DataError(
                    f"{path}: forms: {form.id}: columns: {day_id} has no task in kijkopdrachten"
                )
    missing = [f for f in FORMS if f not in forms]
    if missing:
        raise DataError(f"{path}: forms: missing {', '.join(missing)}")
    return GroupMaterials(title, intro, tuple(agreements), forms, path, werkvormen, observer_tasks)


def _ratings(form_item: Fields) -> Ratings | None:
    item = form_item.mapping("ratings", optional=True)
    if item is None:
        return None
    ends = item.texts("ends")
    if len(ends) != 2:
        item.fail("expected two words: what 1 and what 5 mean", "ends")
    ratings = Ratings(
        item.text("title"), item.text("intro"), (ends[0], ends[1]), tuple(item.texts("rows"))
    )
    item.done()
    return ratings


def _columns(form_item: Fields) -> dict[str, tuple[str, ...]]:
    item = form_item.mapping("columns", optional=True)
    if item is None:
        return {}
    columns = {day_id: tuple(item.texts(day_id)) for day_id in item.names()}
    item.done()
    return columns


def _per_variant(item: Fields, key: str) -> PerVariant:
    out: PerVariant
    if isinstance(item.raw.get(key), dict):
        sub = item.mapping(key)
        out = {variant_id: sub.integer(variant_id) for variant_id in sub.names()}
        sub.done()
        numbers = list(out.values())
    else:
        out = item.integer(key)
        numbers = [out]
    if any(n < 0 for n in numbers):
        item.fail("expected 0 or more", key)
    return out


def _timing(item: Fields, four: bool = True) -> Timing:
    timing = Timing(
        intro=_per_variant(item, "intro"),
        round=_per_variant(item, "round"),
        rounds=_per_variant(item, "rounds"),
        close=_per_variant(item, "close"),
        round_text=item.text("round_text"),
        four=_timing(item.mapping("four"), four=False) if four and "four" in item.raw else None,
    )
    item.done()
    return timing


def _werkvorm(item: Fields, werkvorm_id: str) -> Werkvorm:
    timing = _timing(item.mapping("timing"))
    werkvorm = Werkvorm(werkvorm_id, tuple(item.texts("roles")), item.flag("observer"), timing)
    item.done()
    return werkvorm
