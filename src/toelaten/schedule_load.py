"""Reading ``schedule.yml`` into a :class:`~toelaten.schedule.Schedule`, checked.

A trainer edits that file by hand. Every mistake in what the schedule means (a day whose
blocks do not fill its hours, a format, exercise or werkvorm that does not exist, minutes
that cannot be, a block without its goal or instructions, days out of order) is a
``DataError`` in the course's words (``schedule_load.*`` in ``locale/nl.yml``) that names
the file, the day, the block and the fix, with its numbers. The shape of the file (a
missing title, a field nobody reads) is checked by ``_fields.Fields`` as for every file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from toelaten._fields import DataError, Fields, read_yaml
from toelaten.course import Course
from toelaten.schedule import QUIET_FORMATS, Block, Schedule, Variant, clock

if TYPE_CHECKING:
    from datetime import time

    from toelaten.exercises.model import Exercise
    from toelaten.strings import Strings


class _Say:
    """Raises the schedule's mistakes: ``<file>: <message>``."""

    def __init__(self, path: Path, strings: Strings) -> None:
        self.path, self.strings = path, strings

    def line(self, text: str) -> str:
        return f"{self.path}: {text}"

    def fail(self, text: str) -> NoReturn:
        raise DataError(self.line(text))


def read_schedule(
    path: Path, course: Course, exercises: Mapping[str, Exercise], strings: Strings
) -> Schedule:
    say = _Say(path, strings)
    top = read_yaml(path)
    variants = _variants(top.mapping("variants"), say)
    formats = _labels(top.mapping("formats"))
    werkvormen = _labels(top.mapping("werkvormen"))
    known = _Known(variants, formats, werkvormen, exercises)
    days: dict[str, tuple[Block, ...]] = {}
    for day_item in top.items("days"):
        day_id = day_item.text("day")
        blocks = [_block(b, day_id, known, say) for b in day_item.items("blocks")]
        seen: set[str] = set()
        for block in blocks:
            if block.id in seen:
                say.fail(say.strings("schedule_load.same_id", day=day_id, block=block.id))
            seen.add(block.id)
        days[day_id] = tuple(blocks)
        day_item.done()
    top.done()
    course_days = [d.id for d in course.days]
    if list(days) != course_days:
        say.fail(
            say.strings(
                "schedule_load.days",
                expected=", ".join(course_days),
                found=", ".join(days) or "-",
                course=path.with_name("course.yml").name,
            )
        )
    named = [b.exercise for blocks in days.values() for b in blocks if b.exercise]
    titles = {exercise_id: exercises[exercise_id].title for exercise_id in named}
    schedule = Schedule(variants, formats, werkvormen, days, path, titles)
    problems = list(_windows(schedule, say))
    if problems:
        raise DataError("\n".join(problems))
    return schedule


def variant_name(variant: Variant) -> str:
    """A variant in the middle of a sentence: 'hele dag'."""
    return variant.label[:1].lower() + variant.label[1:]


def _windows(schedule: Schedule, say: _Say) -> Iterator[str]:
    """Each day of each variant fills its hours exactly: the fix names the minutes."""
    for day_id in schedule.days:
        for variant in schedule.variants.values():
            total = sum(s.minutes for s in schedule.run_sheet(day_id, variant.id))
            if total == variant.minutes:
                continue
            values = {
                "day": day_id,
                "variant": variant_name(variant),
                "total": total,
                "hours": variant.hours,
                "minutes": variant.minutes,
                "diff": abs(total - variant.minutes),
            }
            if total > variant.minutes:
                yield say.line(say.strings("schedule_load.too_long", **values))
            else:
                yield say.line(say.strings("schedule_load.too_short", **values))


class _Known:
    """What a block may name."""

    def __init__(
        self,
        variants: dict[str, Variant],
        formats: dict[str, str],
        werkvormen: dict[str, str],
        exercises: Mapping[str, Exercise],
    ) -> None:
        self.variants, self.formats = variants, formats
        self.werkvormen, self.exercises = werkvormen, exercises


def _variants(item: Fields, say: _Say) -> dict[str, Variant]:
    variants = {}
    for variant_id in item.names():
        sub = item.mapping(variant_id)
        start = _clock(sub, "start", variant_id, say)
        end = _clock(sub, "end", variant_id, say)
        variant = Variant(variant_id, sub.text("label"), start, end)
        if variant.minutes <= 0:
            hh = {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
            say.fail(say.strings("schedule_load.variant_order", variant=variant_id, **hh))
        variants[variant_id] = variant
        sub.done()
    item.done()
    return variants


def _clock(item: Fields, key: str, variant_id: str, say: _Say) -> time:
    value = item.text(key)
    found = clock(value)
    if found is None:
        say.fail(say.strings("schedule_load.clock", variant=variant_id, field=key, value=value))
    return found


def _labels(item: Fields) -> dict[str, str]:
    return {key: item.text(key) for key in item.names()}


def _block(item: Fields, day_id: str, known: _Known, say: _Say) -> Block:
    block_id = item.text("id")
    where = {"day": day_id, "block": block_id}
    fmt = item.text("format")
    if fmt not in known.formats:
        say.fail(
            say.strings("schedule_load.format", value=fmt, known=", ".join(known.formats), **where)
        )
    minutes = _minutes(item.mapping("minutes"), known, where, say)
    exercise = item.text("exercise", optional=True)
    if exercise is not None and exercise not in known.exercises:
        close = difflib.get_close_matches(exercise, list(known.exercises), n=1)
        if close:
            say.fail(
                say.strings("schedule_load.exercise_close", value=exercise, close=close[0], **where)
            )
        say.fail(say.strings("schedule_load.exercise", value=exercise, **where))
    werkvorm = item.text("werkvorm", optional=True)
    if werkvorm is not None and werkvorm not in known.werkvormen:
        say.fail(
            say.strings(
                "schedule_load.werkvorm", value=werkvorm, known=", ".join(known.werkvormen), **where
            )
        )
    shorten_by = _per_variant_text(item, "shorten", minutes, where, say)
    block = Block(
        id=block_id,
        title=item.text("title"),
        format=fmt,
        minutes=minutes,
        goal=item.text("goal", optional=True),
        instructions=item.text("instructions", optional=True),
        exercise=exercise,
        werkvorm=werkvorm,
        materials=tuple(item.texts("materials", allow_empty=True)),
        debrief=tuple(item.texts("debrief", allow_empty=True)),
        page=item.text("page", optional=True),
        figure=item.text("figure", optional=True),
        talking_points=tuple(item.texts("talking_points", allow_empty=True)),
        prompt=item.text("prompt", optional=True),
        tip=item.text("tip", optional=True),
        shorten=None if shorten_by else item.text("shorten", optional=True),
        shorten_by=shorten_by,
    )
    if fmt not in QUIET_FORMATS:
        if block.goal is None:
            say.fail(say.strings("schedule_load.goal", format=known.formats[fmt], **where))
        if block.instructions is None:
            say.fail(say.strings("schedule_load.instructions", format=known.formats[fmt], **where))
    item.done()
    return block


def _minutes(item: Fields, known: _Known, where: dict[str, str], say: _Say) -> dict[str, int]:
    """A block's minutes per variant: whole numbers above 0, for variants that exist."""
    minutes = {}
    for variant_id, value in item.raw.items():
        if variant_id not in known.variants:
            say.fail(
                say.strings(
                    "schedule_load.minutes_variant",
                    variant=variant_id,
                    known=", ".join(known.variants),
                    **where,
                )
            )
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            shown = "" if value is None else value
            say.fail(say.strings("schedule_load.minutes", variant=variant_id, value=shown, **where))
        minutes[str(variant_id)] = value
    return minutes


def _per_variant_text(
    item: Fields, key: str, minutes: dict[str, int], where: dict[str, str], say: _Say
) -> dict[str, str]:
    """A text given per variant (``{dag: …, dagdeel: …}``), each a variant of the block."""
    if not isinstance(item.raw.get(key), dict):
        return {}
    sub = item.mapping(key)
    out = {}
    for variant_id in sub.names():
        if variant_id not in minutes:
            say.fail(
                say.strings("schedule_load.text_variant", field=key, variant=variant_id, **where)
            )
        out[variant_id] = sub.text(variant_id)
    sub.done()
    return out
