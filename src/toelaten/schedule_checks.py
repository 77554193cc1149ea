"""The trainer's draaiboek, checked: what ``schedule.yml`` and ``group.yml`` must agree on
beyond the shape of each file.

- every block with group work has talking points (2-5) and a prompt for the projector;
- every day has one ``buffer`` block (Uitloop) with minutes in every variant;
- every werkvorm a block names has its own timing in group.yml, and that timing fits the
  block's minutes in each variant the block is part of (and so does its timing for a
  group of four, ``four:``, when it has one);
- a day with an observer (the kijkblad) has the observer's task for that day;
- with a book: every ``page`` is a page of the book (in ``_toc.yml``), every ``figure`` a
  file in it.

``toelaten check`` and the guide's run sheets both ask :func:`draaiboek_problems`; the
messages are the trainer's, in the course's language, each naming the day, the block and
the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from toelaten._fields import DataError
from toelaten.group import GroupMaterials, Timing
from toelaten.schedule import QUIET_FORMATS, Block, Schedule
from toelaten.strings import Strings

#: How many talking points a block gives: enough to go on, few enough to read at a glance.
TALKING_POINTS = (2, 5)


def check_draaiboek(
    schedule: Schedule, group: GroupMaterials, strings: Strings, book: Path | None = None
) -> None:
    """Raise a DataError listing every problem (one line each, with its file)."""
    problems = draaiboek_problems(schedule, group, strings, book)
    if problems:
        raise DataError("\n".join(problems))


def draaiboek_problems(
    schedule: Schedule, group: GroupMaterials, strings: Strings, book: Path | None = None
) -> list[str]:
    out = [f"{schedule.source}: {p}" for p in _blocks(schedule, strings)]
    out += [f"{schedule.source}: {p}" for p in _buffers(schedule, strings)]
    out += _werkvormen(schedule, group, strings)
    if book is not None:
        out += [f"{schedule.source}: {p}" for p in _links(schedule, strings, book)]
    return out


def _blocks(schedule: Schedule, strings: Strings) -> Iterator[str]:
    low, high = TALKING_POINTS
    for day_id, block in _all_blocks(schedule):
        if block.format in QUIET_FORMATS:
            continue
        where = {"day": day_id, "block": block.id}
        if not block.talking_points:
            yield strings("schedule_check.talking_points", **where)
        elif not low <= len(block.talking_points) <= high:
            yield strings(
                "schedule_check.talking_points_count", n=len(block.talking_points), **where
            )
        if not block.prompt:
            yield strings("schedule_check.prompt", **where)


def _buffers(schedule: Schedule, strings: Strings) -> Iterator[str]:
    for day_id, blocks in schedule.days.items():
        buffers = [b for b in blocks if b.format == "buffer"]
        if not buffers:
            yield strings("schedule_check.buffer", day=day_id)
        elif len(buffers) > 1:
            yield strings("schedule_check.buffers", day=day_id, n=len(buffers))
        for block in buffers:
            for variant in schedule.variants.values():
                if variant.id not in block.minutes:
                    yield strings(
                        "schedule_check.buffer_variant",
                        day=day_id,
                        block=block.id,
                        variant=variant.label.lower(),
                    )


def _werkvormen(schedule: Schedule, group: GroupMaterials, strings: Strings) -> list[str]:
    out: list[str] = []
    here, there = str(schedule.source), str(group.source)
    for werkvorm_id in schedule.werkvormen:
        if werkvorm_id not in group.werkvormen:
            out.append(
                f"{there}: "
                + strings("schedule_check.werkvorm_missing", werkvorm=werkvorm_id, file=there)
            )
    for werkvorm_id in group.werkvormen:
        if werkvorm_id not in schedule.werkvormen:
            out.append(
                f"{there}: "
                + strings("schedule_check.werkvorm_unused", werkvorm=werkvorm_id, file=here)
            )
    observed_days = set()
    for day_id, block in _all_blocks(schedule):
        werkvorm = group.werkvormen.get(block.werkvorm or "")
        if werkvorm is None:
            continue
        if werkvorm.observer:
            observed_days.add(day_id)
            if day_id not in group.observer_tasks:
                out.append(
                    f"{there}: "
                    + strings("schedule_check.observer_task", day=day_id, block=block.id)
                )
        for variant_id, have in block.minutes.items():
            label = schedule.variants[variant_id].label.lower()
            where = {"day": day_id, "block": block.id, "variant": label, "werkvorm": werkvorm.id}
            parts = werkvorm.timing.parts(variant_id)
            if parts is None:
                out.append(f"{there}: " + strings("schedule_check.werkvorm_variant", **where))
                continue
            out += [
                f"{here}: {p}"
                for p in _fit(werkvorm.timing, variant_id, have, where, there, strings)
            ]
    for day_id in group.observer_tasks:
        if day_id not in schedule.days:
            out.append(f"{there}: " + strings("schedule_check.observer_day", day=day_id))
    return out


def _fit(
    timing: Timing, variant_id: str, have: int, where: dict[str, str], there: str, strings: Strings
) -> Iterator[str]:
    """The werkvorm's clock against a block's minutes; then its group of four's, if any."""
    for clock in (timing, timing.four):
        parts = clock.parts(variant_id) if clock is not None else None
        if clock is None or parts is None:
            continue
        need = clock.minutes(variant_id) or 0
        if need <= have:
            continue
        intro, round_, rounds, close = parts
        values = {
            "need": need,
            "have": have,
            "short": need - have,
            "parts": strings(
                "schedule_check.werkvorm_parts",
                intro=intro,
                rounds=rounds,
                round=round_,
                close=close,
            ),
            "file": there,
            **where,
        }
        if clock is timing:
            yield strings("schedule_check.werkvorm_fit", **values)
        else:
            yield strings("schedule_check.werkvorm_fit_four", **values)


def _links(schedule: Schedule, strings: Strings, book: Path) -> Iterator[str]:
    pages = book_pages(book)
    for day_id, block in _all_blocks(schedule):
        where = {"day": day_id, "block": block.id, "book": str(book)}
        if block.page and block.page not in pages:
            yield strings("schedule_check.page", page=block.page, **where)
        if block.figure and not (book / block.figure).is_file():
            yield strings("schedule_check.figure", figure=block.figure, **where)


def book_pages(book: Path) -> set[str]:
    """The docnames of the book at ``book``: in its ``_toc.yml`` and on disk."""
    try:
        toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{book / '_toc.yml'}: cannot read the table of contents ({exc})") from None
    return {
        name
        for name in _toc_files(toc)
        if any((book / f"{name}{suffix}").is_file() for suffix in (".md", ".ipynb"))
    }


def _toc_files(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("file", "root") and isinstance(value, str):
                yield value.removesuffix(".md").removesuffix(".ipynb")
            else:
                yield from _toc_files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _toc_files(value)


def _all_blocks(schedule: Schedule) -> Iterator[tuple[str, Block]]:
    for day_id, blocks in schedule.days.items():
        for block in blocks:
            yield day_id, block
