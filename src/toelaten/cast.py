"""The recurring people of the course, read from ``cast.yml`` (``CourseData.cast``).

Lessons tell their stories; each exercise's worked example (``example:`` in its
definition) is one of them filling it in, so an example names a person by ``id``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from toelaten._fields import read_yaml

PERSON_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    age: int
    place: str
    country: str
    #: One line about who they are, shown above their worked examples.
    short: str
    story: str


def load_cast(path: Path | str) -> dict[str, Person]:
    """The people by id, in the file's order."""
    path = Path(path)
    top = read_yaml(path)
    people: dict[str, Person] = {}
    for item in top.items("people"):
        person_id = item.text("id")
        if not PERSON_ID.match(person_id):
            item.fail(f"ids are lower-case words joined by '-', found {person_id!r}", "id")
        if person_id in people:
            item.fail(f"{person_id!r} is listed twice", "id")
        people[person_id] = Person(
            id=person_id,
            name=item.text("name"),
            age=item.integer("age"),
            place=item.text("place"),
            country=item.text("country"),
            short=item.text("short"),
            story=item.text("story"),
        )
        item.done()
    top.done()
    return people
