"""A day on paper: the trainer's draaiboek (every block at its time, with what schedule.yml
says the trainer does, says and asks, the werkvorm's roles and timing from group.yml, and
what shrinks when the group runs late) and the group's programme of the same day. The
guide's web draaiboek (``sphinxext/blocksheet.py``) shows the same blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.course import Day
from toelaten.coursedata import CourseData
from toelaten.handouts.outline import figure, lesson_outline
from toelaten.schedule import BUFFER, Block, Slot, hours

if TYPE_CHECKING:
    from toelaten.group import Timing
    from toelaten.run import CourseRun
    from toelaten.strings import Strings


def day_sheets(
    data: CourseData,
    day: Day,
    variant_id: str,
    when: date | None,
    subtitle: str,
    run: CourseRun | None = None,
    book: Path | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The trainer's draaiboek and the group's programme of one day: the same timed table,
    at the run's own hours for the day; the draaiboek adds per block what to do and say.
    ``book`` is the book's folder, to print a lesson page by its title."""
    schedule, strings = data.schedule, data.strings
    variant = schedule.variants[variant_id]
    slots = schedule.run_sheet(day.id, variant_id, run.window(day.id) if run else None)
    day_hours = hours(slots[0].start, slots[-1].end)
    agenda = {
        "when": f"{strings.date(when, weekday=True)}, {day_hours}"
        if when
        else f"{variant.label}, {day_hours}",
        "day_title": day.title,
        "theme": day.theme,
        "goals": list(day.goals),
        "rows": [
            {
                "time": s.hours,
                "minutes": strings("schedule.minutes_short", n=s.minutes),
                "title": s.block.title,
                "format": "" if s.block.format == "pauze" else schedule.formats[s.block.format],
            }
            for s in slots
        ],
    }
    blocks, outlined = [], set()
    figures: dict[str, str] = {}  # figure -> the block it is printed with
    for s in slots:
        if s.block.format == "pauze":
            continue
        shown = figure(book, s.block.figure) if s.block.figure else None
        printed_at = figures.get(s.block.figure or "")
        blocks.append(_block(data, day, variant_id, s, book, shown, printed_at))
        # A lesson page's outline and a figure once a day, with the first block using it.
        page = s.block.page
        if page and page not in outlined and book is not None:
            blocks[-1]["outline"] = lesson_outline(data, book / f"{page}.md")
            outlined.add(page)
        if s.block.figure and printed_at is None and shown is not None:
            blocks[-1]["figure"] = shown
            figures[s.block.figure] = s.block.title
    run_sheet = {
        "kind": "run-sheet",
        "title": strings("pdf.pack.run_sheet", number=day.number),
        "subtitle": subtitle,
        "run_sheet": {**agenda, "blocks": blocks},
    }
    programme = {
        "kind": "agenda",
        "title": strings("pdf.pack.programme", number=day.number),
        "subtitle": subtitle,
        "agenda": agenda,
    }
    return run_sheet, programme


def _block(
    data: CourseData,
    day: Day,
    variant_id: str,
    slot: Slot,
    book: Path | None,
    shown_figure: dict[str, str] | None = None,
    printed_at: str | None = None,
) -> dict[str, Any]:
    """A block of the draaiboek; its figure, when the book has it, is printed with the
    first block of the day that shows it (``printed_at``: that block's title)."""
    schedule, strings, block = data.schedule, data.strings, slot.block
    out: dict[str, Any] = {
        "heading": f"{slot.hours} {block.title}",
        "meta": f"{schedule.formats[block.format]} · "
        + strings("schedule.minutes", n=slot.minutes),
        "prompt": None,
        "facts": [],
        "talking_points": [],
        "werkvorm": [],
        "debrief": [],
        "notes": [],
        "outline": None,
        "figure": None,
    }
    if block.format == BUFFER:
        # The day's slack: what it is for, no goal or instructions to print empty.
        out["facts"] = [
            {"label": "", "text": _flat(block.instructions or strings("draaiboek.buffer"))}
        ]
        return out
    flat = readable(data)
    out["prompt"] = flat(block.prompt) if block.prompt else None
    out["facts"] = [
        {"label": label, "text": flat(text)} for label, text in schedule.facts(block, strings)
    ]
    out["talking_points"] = [flat(p) for p in block.talking_points]
    out["werkvorm"] = werkvorm_lines(data, block, variant_id, day.id)
    out["debrief"] = list(block.debrief)
    shown = []
    if block.page:
        shown.append(page_title(book, block.page))
    if block.figure:
        shown.append(figure_note(strings, shown_figure, printed_at))
    notes: list[tuple[str, str | None]] = []
    if shown:
        notes.append((strings("draaiboek.show"), "; ".join(shown)))
    notes += [(strings("draaiboek.tip"), block.tip), (strings("draaiboek.shorten"), block.shorten)]
    out["notes"] = [{"label": label, "text": flat(text)} for label, text in notes if text]
    return out


def figure_note(strings: Strings, shown: dict[str, str] | None, printed_at: str | None) -> str:
    """The figure a block shows, by its name (its title's first words, never its file):
    below when it is printed with this block, else with which block it is."""
    if shown is None:
        return strings("pdf.pack2.figure_book")
    name = re.split(r"[:.]", shown["alt"], maxsplit=1)[0].strip()
    if printed_at is None:
        return strings("pdf.pack2.figure_below", name=name)
    return strings("pdf.pack2.figure_with", name=name, block=printed_at)


def readable(data: CourseData) -> Callable[[str], str]:
    """Flattens a text of schedule.yml for paper: an exercise named by its id ("oefening
    mijn-spiraal") is named by its title."""
    titles = {i: e.title for i, e in data.exercises.items()}
    ids = "|".join(re.escape(i) for i in sorted(titles, key=len, reverse=True))
    named = re.compile(rf"\b(oefening) ({ids})\b(?![-\w])", re.I)

    def flat(text: str) -> str:
        return named.sub(lambda m: f"{m[1]} ‘{titles[m[2]]}’", _flat(text))

    return flat


def werkvorm_lines(
    data: CourseData, block: Block, variant_id: str, day_id: str | None
) -> list[dict[str, str]]:
    """A block's werkvorm: its title, roles and timing in this variant from group.yml and,
    when one role observes, the observer's task of the day."""
    if not block.werkvorm:
        return []
    strings = data.strings
    title = data.schedule.werkvormen[block.werkvorm]
    lines = [
        {
            "label": strings("schedule.werkvorm"),
            "text": f"{title} {strings('pdf.run_sheet.see_guide')}",
        }
    ]
    werkvorm = data.group.werkvormen.get(block.werkvorm)
    if werkvorm is None:
        return lines
    lines += werkvorm_facts(data, block.werkvorm, variant_id)
    task = data.group.observer_tasks.get(day_id or "")
    if werkvorm.observer and task:
        lines.append({"label": strings("draaiboek.observer"), "text": _flat(task)})
    return lines


def werkvorm_facts(data: CourseData, werkvorm_id: str, variant_id: str) -> list[dict[str, str]]:
    """A werkvorm's roles and its own timing in one variant (group.yml)."""
    strings, werkvorm = data.strings, data.group.werkvormen[werkvorm_id]
    lines = [{"label": strings("draaiboek.roles"), "text": ", ".join(werkvorm.roles)}]
    timing = timing_text(data, werkvorm_id, variant_id)
    if timing is not None:
        lines.append({"label": strings("draaiboek.timing"), "text": timing})
    return lines


def timing_text(data: CourseData, werkvorm_id: str, variant_id: str) -> str | None:
    """'5 min uitleg, 3 × 15 min (…), 5 min afronden: 55 min', with the group of four's
    own clock after it when it has one; None for a variant the timing does not give."""
    timing = data.group.werkvormen[werkvorm_id].timing
    text = describe_timing(timing, variant_id, data.strings)
    if text is None or timing.four is None:
        return text
    four = describe_timing(timing.four, variant_id, data.strings)
    return text if four is None else data.strings("draaiboek.timing_four", text=text, four=four)


def describe_timing(timing: Timing, variant_id: str, strings: Strings) -> str | None:
    parts = timing.parts(variant_id)
    if parts is None:
        return None
    intro, round_, rounds, close = parts
    return strings(
        "draaiboek.timing_parts",
        intro=intro,
        rounds=rounds,
        round=round_,
        round_text=_flat(timing.round_text),
        close=close,
        total=timing.minutes(variant_id),
    )


def page_title(book: Path | None, docname: str) -> str:
    """A lesson page by its ``#`` title when the book's source is at hand, else its name."""
    path = book / f"{docname}.md" if book else None
    if path is not None and path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return docname


def _flat(text: str) -> str:
    return " ".join(str(text).split())
