"""The course's days, read from a data root's ``course.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toelaten._fields import Fields, read_yaml

if TYPE_CHECKING:
    from toelaten.strings import Strings

DAY_ID = re.compile(r"^dag-([1-9][0-9]*)$")
EXERCISE_ID = re.compile(r"^[a-z]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Day:
    id: str
    number: int
    title: str
    theme: str
    goals: tuple[str, ...]
    exercises: tuple[str, ...]

    def heading(self, strings: Strings) -> str:
        """The page title learners see, e.g. 'Dag 1 – Hoe maak jij contact?'."""
        return strings("course.day", number=self.number, title=self.title)

    @property
    def docname(self) -> str:
        """Where the day's opening page lives in the book (no suffix)."""
        return f"book/{self.id}/index"


@dataclass(frozen=True)
class Maker:
    """Who made this edition and how learners reach them (the book's footer)."""

    name: str
    #: An e-mail address or a web address (https://…); None when there is none to give.
    contact: str | None = None
    licence: str | None = None

    @property
    def contact_url(self) -> str | None:
        if self.contact is None:
            return None
        return self.contact if "://" in self.contact else f"mailto:{self.contact}"


@dataclass(frozen=True)
class Course:
    title: str
    subtitle: str
    days: tuple[Day, ...]
    source: Path
    #: The interface's language: picks the string catalogue (toelaten/locale/<language>.yml).
    language: str = "nl"
    maker: Maker | None = None

    @property
    def full_title(self) -> str:
        return f"{self.title} – {self.subtitle}"

    def day(self, day_id: str) -> Day:
        for day in self.days:
            if day.id == day_id:
                return day
        known = ", ".join(d.id for d in self.days)
        raise KeyError(f"no day {day_id!r} in {self.source} (known: {known})")


def load_course(path: Path | str) -> Course:
    path = Path(path)
    top = read_yaml(path)
    title, subtitle = top.text("title"), top.text("subtitle")
    language = top.text("language", optional=True) or "nl"
    if not LANGUAGE.match(language):
        top.fail(f"expected a language code like 'nl', found {language!r}", "language")
    maker = _maker(top.mapping("maker", optional=True))
    days = []
    seen: dict[str, str] = {}  # exercise id -> the day that lists it
    for number, item in enumerate(top.items("days"), start=1):
        day_id = item.text("id")
        match = DAY_ID.match(day_id)
        if not match:
            item.fail(f"must look like 'dag-1', found {day_id!r}", "id")
        if int(match.group(1)) != number:
            item.fail(f"days must be listed in order: expected 'dag-{number}'", "id")
        # Read in the order authors write the fields, so the first mistake is reported first.
        day_title, theme, goals = item.text("title"), item.text("theme"), item.texts("goals")
        exercises = item.texts("exercises")
        for i, exercise in enumerate(exercises):
            if not EXERCISE_ID.match(exercise):
                item.fail(f"not a valid exercise id: {exercise!r}", f"exercises[{i}]")
            if exercise in seen or exercises.index(exercise) != i:
                where = seen.get(exercise, day_id)
                item.fail(
                    f"{exercise!r} is already listed on {where}; list it once", f"exercises[{i}]"
                )
            seen[exercise] = day_id
        days.append(
            Day(
                id=day_id,
                number=number,
                title=day_title,
                theme=theme,
                goals=tuple(goals),
                exercises=tuple(exercises),
            )
        )
        item.done()
    top.done()
    return Course(
        title=title,
        subtitle=subtitle,
        days=tuple(days),
        source=path,
        language=language,
        maker=maker,
    )


CONTACT = re.compile(r"^(https?://\S+|[^@\s]+@[^@\s]+\.[a-z]{2,})$")


def _maker(fields: Fields | None) -> Maker | None:
    if fields is None:
        return None
    name = fields.text("name")
    contact = fields.text("contact", optional=True)
    if contact is not None and not CONTACT.match(contact):
        fields.fail(f"expected an e-mail or https:// address, found {contact!r}", "contact")
    maker = Maker(name, contact, fields.text("licence", optional=True))
    fields.done()
    return maker
