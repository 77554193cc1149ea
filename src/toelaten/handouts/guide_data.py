"""The course's own directives in the guide's pages, on paper (``handouts/guide.py``):
printed from the same data the book's directives show (``{hulplijnen}``,
``{groepsafspraken}``, ``{formulier}``, ``{werkvorm-tijd}``)."""

from __future__ import annotations

from toelaten.contacts import ADVICE
from toelaten.coursedata import CourseData
from toelaten.handouts.draaiboek import timing_text
from toelaten.handouts.guide import Block, GuideError


def data_blocks(data: CourseData, name: str, arg: str, where: str) -> list[Block]:
    """The course's own directives, printed from the same data as the guide's pages."""
    strings = data.strings
    if name == "hulplijnen" and arg == ADVICE:
        return _advice(data)
    if name == "hulplijnen":
        country = next((c for c in data.contacts.countries if c.code == arg), None)
        if country is None:
            raise GuideError(f"{where}: no help contacts for {arg!r}")
        items = []
        for contact in country.contacts:
            reach = contact.reach(strings)
            items.append(
                [{"text": contact.name, "strong": True}]
                + ([{"text": f": {reach}"}] if reach else [])
            )
        return [{"type": "list", "ordered": False, "items": items}]
    if name == "groepsafspraken":
        items = [
            [{"text": a.title, "strong": True}, {"text": " " + a.text}]
            for a in data.group.agreements
        ]
        return [{"type": "list", "ordered": True, "items": items}]
    if name == "formulier":
        form = data.group.forms.get(arg)
        if form is None:
            raise GuideError(f"{where}: no form {arg!r}")
        out: list[Block] = []
        if form.ratings is not None:  # the evaluation: a rating per day and for the trainer
            days = [day.heading(strings) for day in data.course.days]
            rows = [[{"text": row}] for row in form.ratings.all_rows(days)]
            title = f"{form.ratings.title} ({form.ratings.intro.rstrip('.')})"
            out += [
                {"type": "para", "inlines": [{"text": title, "strong": True}]},
                {"type": "list", "ordered": False, "items": rows},
            ]
        return [
            *out,
            {"type": "list", "ordered": True, "items": [[{"text": f.label}] for f in form.fields]},
        ]
    if name == "werkvorm-tijd":
        return _werkvorm_timing(data, arg, where)
    raise GuideError(f"{where}: the directive {{{name}}} is not known on paper")


def _advice(data: CourseData) -> list[Block]:
    """``{hulplijnen} advies``: where the trainer asks advice, each line with its country."""
    strings = data.strings
    names = {c.code: c.name for c in data.contacts.countries}
    items = []
    for advice in data.contacts.advice:
        contact = advice.contact
        place = strings("book.helplines.country", country=names[advice.country])
        items.append(
            [
                {"text": contact.name, "strong": True},
                {"text": f" ({place}): {contact.reach(strings)}"},
            ]
        )
    return [{"type": "list", "ordered": False, "items": items}]


def _werkvorm_timing(data: CourseData, werkvorm_id: str, where: str) -> list[Block]:
    """``{werkvorm-tijd} drietallen``: the roles, and the werkvorm's own timing in each
    variant that uses it, as the guide's page shows them (sphinxext/groupsheets.py)."""
    strings, schedule = data.strings, data.schedule
    werkvorm = data.group.werkvormen.get(werkvorm_id)
    if werkvorm is None:
        raise GuideError(f"{where}: no werkvorm {werkvorm_id!r}")
    used = {
        variant_id
        for blocks in schedule.days.values()
        for block in blocks
        if block.werkvorm == werkvorm_id
        for variant_id in block.minutes
    }
    items = []
    for variant in schedule.variants.values():
        text = timing_text(data, werkvorm_id, variant.id) if variant.id in used else None
        if text is not None:
            items.append([{"text": f"{variant.label}: {text}"}])
    roles = [{"text": strings("draaiboek.roles") + ": ", "strong": True}]
    return [
        {"type": "para", "inlines": [*roles, {"text": ", ".join(werkvorm.roles)}]},
        {"type": "para", "inlines": [{"text": strings("draaiboek.reckon"), "strong": True}]},
        {"type": "list", "ordered": False, "items": items},
    ]
