"""The facilitator's schedule (``data/schedule.yml``): blocks per day, two variants, clock
times that restart each day, and the dates of a course that starts on a given day.

Facilitators change times in that one file; run sheets, the learners' day pages, the
calendar file and the printed agendas all follow. A mistake names the day and the block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from toelaten._fields import DataError
from toelaten.course import Course

if TYPE_CHECKING:
    from toelaten.exercises.model import Exercise
    from toelaten.strings import Strings

CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
#: The format of a day's slack ("Uitloop"): a trainer's longer or shorter day changes it.
BUFFER = "buffer"


def clock(value: str) -> time | None:
    """'09:30' or '9:30' as a time; None for anything else."""
    match = CLOCK.match(value.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def span(start: time, end: time) -> int:
    """Minutes from ``start`` to ``end`` on one day."""
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


@dataclass(frozen=True)
class RunDetails:
    """Who gives a course run, for whom and where: the trainer's run file (``toelaten
    schedule --schedule FILE``, read by ``toelaten.run.load_run``) gives them to the
    handouts, the packs and the calendar. Every field may be missing (``None``)."""

    trainer: str | None = None
    co_trainer: str | None = None
    organisation: str | None = None
    venue: str | None = None
    contact: str | None = None


class WindowError(DataError):
    """A trainer's own hours for a day that the day's blocks cannot fill: longer without a
    buffer block to take the extra minutes, or shorter than the blocks without their
    buffer. ``shortest`` is the day's length without its buffer, in minutes."""

    def __init__(self, day_id: str, variant_id: str, minutes: int, shortest: int, buffer: bool):
        super().__init__(
            f"{day_id} ({variant_id}): {minutes} minutes do not fit the blocks "
            f"({shortest} minutes without the buffer; buffer block: {'yes' if buffer else 'no'})"
        )
        self.day_id, self.variant_id = day_id, variant_id
        self.minutes, self.shortest, self.buffer = minutes, shortest, buffer


#: Formats whose blocks hold no group work: no goal, instructions or talking points.
#: A day's ``buffer`` block (Uitloop) is its slack, the minutes a late group uses up.
QUIET_FORMATS = ("pauze", BUFFER)


def hours(start: time, end: time) -> str:
    """'09:30–16:00', as every run sheet, programme and calendar shows a span of time."""
    return f"{start:%H:%M}–{end:%H:%M}"


@dataclass(frozen=True)
class Variant:
    id: str
    label: str
    start: time
    end: time

    @property
    def hours(self) -> str:
        return hours(self.start, self.end)

    @property
    def minutes(self) -> int:
        return span(self.start, self.end)


@dataclass(frozen=True)
class Block:
    id: str
    title: str
    format: str
    minutes: dict[str, int]
    goal: str | None = None
    instructions: str | None = None
    exercise: str | None = None
    werkvorm: str | None = None
    materials: tuple[str, ...] = ()
    debrief: tuple[str, ...] = ()
    #: The trainer's draaiboek (checked by schedule_checks.py): the lesson page the block
    #: relies on (a docname), a figure in the book, what to say, the question on the
    #: projector, a timing tip, and what shrinks when the group runs late.
    page: str | None = None
    figure: str | None = None
    talking_points: tuple[str, ...] = ()
    prompt: str | None = None
    tip: str | None = None
    shorten: str | None = None
    #: ``shorten`` per variant, when what shrinks differs (``shorten: {dag: …, dagdeel: …}``):
    #: a variant's run sheet then only says its own (``Schedule.run_sheet``).
    shorten_by: Mapping[str, str] = field(default_factory=dict)

    def in_variant(self, variant_id: str) -> Block:
        """The block as one variant's run sheet tells it: its own ``shorten``."""
        if variant_id not in self.shorten_by:
            return self
        return replace(self, shorten=self.shorten_by[variant_id], shorten_by={})


@dataclass(frozen=True)
class Slot:
    """A block at its clock time on a day of one variant."""

    block: Block
    start: time
    end: time
    minutes: int

    @property
    def hours(self) -> str:
        return hours(self.start, self.end)


@dataclass(frozen=True)
class Schedule:
    variants: dict[str, Variant]
    formats: dict[str, str]
    werkvormen: dict[str, str]
    days: dict[str, tuple[Block, ...]]
    source: Path
    #: The titles of the exercises the blocks name, as run sheets print them.
    exercise_titles: dict[str, str]

    def run_sheet(
        self, day_id: str, variant_id: str, window: tuple[time, time] | None = None
    ) -> list[Slot]:
        """The day's blocks at their times; ``window`` is a trainer's own start and end for
        the day, its extra (or missing) minutes going to the day's buffer block. A buffer
        eaten whole is left out. Raises ``WindowError`` when the blocks cannot fill it."""
        variant = self.variants[variant_id]
        start, end = window or (variant.start, variant.end)
        extra = span(start, end) - variant.minutes
        buffer = self.buffer(day_id, variant_id)
        if extra:
            spare = buffer.minutes[variant_id] if buffer else 0
            if buffer is None or spare + extra < 0:
                shortest = variant.minutes - spare
                raise WindowError(day_id, variant_id, span(start, end), shortest, bool(buffer))
        now = datetime.combine(date(2000, 1, 1), start)
        slots = []
        for block in self.days[day_id]:
            minutes = block.minutes.get(variant_id)
            if minutes is None:
                continue
            if block is buffer:
                minutes += extra
                if minutes == 0:
                    continue
            later = now + timedelta(minutes=minutes)
            slots.append(Slot(block.in_variant(variant_id), now.time(), later.time(), minutes))
            now = later
        return slots

    def buffer(self, day_id: str, variant_id: str) -> Block | None:
        """The day's slack in a variant: its last block with ``format: buffer``."""
        found = [b for b in self.days[day_id] if b.format == BUFFER and variant_id in b.minutes]
        return found[-1] if found else None

    def facts(self, block: Block, strings: Strings) -> list[tuple[str, str]]:
        """What a run sheet tells of a block, in order; the guide page and the printed run
        sheet both use it. Werkvorm and debrief are left to the caller (they link, list)."""
        facts = [(strings("schedule.goal"), block.goal or "")]
        if block.exercise:
            facts.append((strings("schedule.exercise"), self.exercise_titles[block.exercise]))
        if block.materials:
            facts.append((strings("schedule.materials"), ", ".join(block.materials)))
        facts.append((strings("schedule.how"), block.instructions or ""))
        return facts


def load_schedule(
    path: Path | str, course: Course, exercises: Mapping[str, Exercise], strings: Strings
) -> Schedule:
    """The schedule of ``course``, whose blocks may name its ``exercises``; a mistake is a
    ``DataError`` in ``strings``' words, naming the file, the day, the block and the fix
    (``schedule_load.py``)."""
    from toelaten.schedule_load import read_schedule

    return read_schedule(Path(path), course, exercises, strings)
