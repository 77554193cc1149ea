"""How an exercise goes on paper: a worksheet with room for what the book keeps as a list.

A repeatable exercise (people on a map, rungs of a ladder) gets room for several entries:
a ladder overview prints a ladder with a rung per question, a circles overview prints the
rings to write names in, any other prints as many blocks of lines as fit a page, or as many as its
``paper_entries:`` asks for (the group is asked for five examples: five blocks). The
book's intro may speak of what only a screen does; the definition's ``paper:`` text is
then what the sheet says instead.
"""

from __future__ import annotations

from typing import Any

from toelaten.exercises.model import Exercise

#: Rungs on a printed ladder: never fewer than five, more when the exercise aims higher.
MIN_RUNGS = 5
#: Entry blocks on a worksheet: at least this many, at most as many as the page holds.
MIN_ENTRIES, MAX_ENTRIES = 3, 5
#: A page's writing height in lines of the body text, and what each kind of question
#: takes of it inside an entry block (label and room to write).
PAGE_LINES = 40
COST = {"text": 2.2, "longtext": 4.5, "scale": 2.2, "choice": 1.2, "multi": 1.2, "roles": 12.0}


def entries_per_page(fields: list[dict[str, Any]]) -> int:
    """How many entry blocks of ``fields`` fit one page, within MIN/MAX_ENTRIES."""
    cost = 2.0  # the block's own title and frame
    for field in fields:
        options = len(field.get("options") or [])
        cost += COST[field["kind"]] + (0.3 * options if field["kind"] in ("choice", "multi") else 0)
    return max(MIN_ENTRIES, min(MAX_ENTRIES, int(PAGE_LINES // cost)))


def paper_form(exercise: Exercise) -> dict[str, Any]:
    """The exercise as the worksheet template prints it (sheets.typ: form)."""
    form = exercise.as_json()
    form.pop("schema", None)  # the book's check; paper has no use for it
    form["intro"] = " ".join((exercise.paper or exercise.intro).split())
    if exercise.help_link:
        page = exercise.strings("exercise.help_line.paper", title=exercise.strings("help.title"))
        form["intro"] += " " + exercise.strings("exercise.help_line.text", page=page)
    overview = exercise.overview or {}
    layout: dict[str, Any] | None = None
    if exercise.repeat:
        kind = overview.get("kind")
        if kind == "ladder":
            layout = {
                "kind": "ladder",
                "rungs": max(MIN_RUNGS, exercise.entry.get("minimum") or 0),
                "label": overview["label"],
                "value": overview["value"],
            }
        elif "circle" in overview:
            circle = exercise.field(overview["circle"])
            rest = [f.as_json() for f in exercise.fields if f.id != circle.id]
            layout = {
                "kind": "circles",
                "circle": circle.id,
                "rings": [o.label for o in circle.options],
                "entries": exercise.paper_entries or entries_per_page(rest),
            }
        else:
            count = exercise.paper_entries or entries_per_page(form["fields"])
            layout = {"kind": "entries", "entries": count}
    form["layout"] = layout
    return form
