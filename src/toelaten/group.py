"""What a group needs on paper besides the worksheets (``data/group.yml``): the group
agreements, the observer's sheet and the evaluation form.

The facilitator guide shows them and ``toelaten handouts --group`` prints them from this
one file. The forms reuse the exercises' field kinds, so they print like any worksheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toelaten._fields import DataError, read_yaml
from toelaten.exercises.fields import Field, read_field

#: The forms the guide and the packs rely on.
FORMS = ("kijkblad", "evaluatie", "intake")


@dataclass(frozen=True)
class Agreement:
    title: str
    text: str


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    #: Printed under the questions (what happens with the answers, say).
    note: str | None = None

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


@dataclass(frozen=True)
class GroupMaterials:
    agreements_title: str
    agreements_intro: str
    agreements: tuple[Agreement, ...]
    forms: dict[str, Form]
    source: Path


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
        )
        form_item.done()
    forms_item.done()
    top.done()
    missing = [f for f in FORMS if f not in forms]
    if missing:
        raise DataError(f"{path}: forms: missing {', '.join(missing)}")
    return GroupMaterials(title, intro, tuple(agreements), forms, path)
