"""The invitation letter filled in from the trainer's run: the guide's sample letter
(``uitnodiging.md``, its block quote) with every placeholder the run can answer replaced
by the run's own facts (the days with weekday and hours, the venue, the trainers, how to
reach them). What the run does not know (the cost, how to register) stays between
brackets for the trainer to fill in. The letter is written once, on the guide's page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.coursedata import CourseData
from toelaten.handouts.guide import Block, Inline, guide_page
from toelaten.handouts.kit import details
from toelaten.schedule import hours

if TYPE_CHECKING:
    from toelaten.run import CourseRun

#: The guide's page with the sample letter.
PAGE = "uitnodiging"
#: The sample letter's placeholders the run fills in, by what they stand for.
PLACEHOLDERS = {
    "days": "[de vijf dagen, met de tijden]",
    "venue": "[zaal, adres, hoe je er komt, waar je kunt parkeren]",
    "trainers": "[jouw naam, en die van je co-begeleider]",
    "privacy": "[wie over je gegevens gaat, en hoe je die bereikt]",
    "contact": "[telefoon, e-mail]",
    "first": "[datum van dag 1]",
    "trainer": "[jouw naam]",
}


def run_facts(data: CourseData, variant: str, run: CourseRun) -> dict[str, list[Inline]]:
    """What the run says for each placeholder it can fill (runs of text; the days one a
    line each)."""
    strings, who, schedule = data.strings, details(run), data.schedule
    days: list[Inline] = []
    for i, (day, when) in enumerate(zip(data.course.days, run.dates, strict=True)):
        slots = schedule.run_sheet(day.id, variant, run.window(day.id))
        if i:
            days.append({"text": "", "break": True})
        days.append(
            {
                "text": strings(
                    "pdf.kit.day_when",
                    day=strings("pdf.kit.day", number=day.number),
                    date=strings.date(when, weekday=True),
                    hours=hours(slots[0].start, slots[-1].end),
                )
            }
        )
    facts: dict[str, list[Inline]] = {
        "days": days,
        "first": [{"text": strings.date(run.dates[0], weekday=True)}],
    }
    trainers = " en ".join(x for x in (who.trainer, who.co_trainer) if x)
    if trainers:
        facts["trainers"] = [{"text": trainers}]
    if who.trainer:
        facts["trainer"] = [{"text": who.trainer}]
    if who.venue:
        facts["venue"] = [{"text": who.venue}]
    if who.contact:
        facts["contact"] = [{"text": who.contact}]
        keeper = who.organisation or who.trainer
        if keeper:
            facts["privacy"] = [{"text": f"{keeper}, {who.contact}"}]
    return facts


def fill(blocks: list[Block], facts: dict[str, list[Inline]]) -> list[Block]:
    """``blocks`` with every known placeholder in their text replaced by its runs."""
    swaps = {PLACEHOLDERS[key]: runs for key, runs in facts.items()}

    def runs(items: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for run in items:
            pieces: list[Inline] = [run]
            for placeholder, value in swaps.items():
                split: list[Inline] = []
                for piece in pieces:
                    text = piece.get("text", "")
                    if piece.get("filled") or placeholder not in text:
                        split.append(piece)
                        continue
                    before, _, after = text.partition(placeholder)
                    style = {k: v for k, v in piece.items() if k != "text"}
                    split += [{**style, "text": before}] if before else []
                    split += [{**style, **v, "filled": True} for v in value]
                    split += [{**style, "text": after}] if after else []
                pieces = split
            out += pieces
        return out

    filled: list[Block] = []
    for block in blocks:
        block = dict(block)
        if "inlines" in block:
            block["inlines"] = runs(block["inlines"])
        if "items" in block:
            block["items"] = [runs(item) for item in block["items"]]
        if "blocks" in block:
            block["blocks"] = fill(block["blocks"], facts)
        filled.append(block)
    return filled


def invitation_sheet(
    data: CourseData, variant: str, run: CourseRun, guide: Path, subtitle: str
) -> dict[str, Any]:
    """The sample letter of the guide, filled in from the run as far as it goes, and what
    the guide's page says after the letter (its tips): with a run, the trainer pack prints
    this sheet in place of the page (pack.printed_guide_pages)."""
    strings = data.strings
    _, blocks = guide_page(data, guide / f"{PAGE}.md")
    at = next((i for i, b in enumerate(blocks) if b["type"] == "quote"), None)
    letter: list[Block] = [] if at is None else blocks[at]["blocks"]
    after = [] if at is None else blocks[at + 1 :]
    return {
        "kind": "guide",
        "title": strings("pdf.forms.invitation"),
        "subtitle": subtitle,
        "guide": [
            {"type": "para", "inlines": [{"text": strings("pdf.forms.invitation_intro")}]},
            {"type": "quote", "blocks": fill(letter, run_facts(data, variant, run))},
            *after,
        ],
    }
