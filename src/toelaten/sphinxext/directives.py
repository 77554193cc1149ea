"""Directives that render the course data files, so the book never retypes them."""

from __future__ import annotations

import string
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from toelaten import Course, CourseData, DataError, HelpContacts
from toelaten.contacts import ADVICE, Contact
from toelaten.exercises.model import Exercise
from toelaten.group import GroupMaterials
from toelaten.schedule import Schedule
from toelaten.strings import Strings

T = TypeVar("T")
_DATA: weakref.WeakKeyDictionary[Sphinx, CourseData] = weakref.WeakKeyDictionary()


def attach_data(app: Sphinx, data: CourseData) -> CourseData:
    """The course data this app builds from (set once, when the config is read)."""
    _DATA[app] = data
    return data


def course_data(app: Sphinx) -> CourseData:
    return _DATA[app]


def write_static(app: Sphinx, name: str, text: str) -> None:
    """A file the build makes, into ``_static/`` of the output directly, before pages are
    written (so Sphinx's ?v= checksum sees it) and on every build: Sphinx 7.4 does not
    overwrite a changed static file."""
    target = Path(app.outdir) / "_static" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def fill(template: str, **parts: nodes.Node | list[nodes.Node]) -> list[nodes.Node]:
    """A catalogue text (``strings("book.helplines.chat")`` without values) as nodes, with
    ``parts`` (a link, a bold number) where its ``{placeholders}`` are."""
    out: list[nodes.Node] = []
    for text, name, _, _ in string.Formatter().parse(template):
        if text:
            out.append(nodes.Text(text))
        if name:
            part = parts[name]
            out.extend(part if isinstance(part, list) else [part])
    return out


def xref(reftype: str, target: str, text: str) -> addnodes.pending_xref:
    """A link Sphinx resolves at the end of the build; an unknown target fails the strict
    build, so a renamed page or label cannot leave a dead link."""
    return addnodes.pending_xref(
        "",
        nodes.inline(text=text),
        refdomain="std",
        reftype=reftype,
        reftarget=target,
        refexplicit=True,
        refwarn=True,
    )


class DataDirective(SphinxDirective):
    """Reads a part of the app's course data and records its files as dependencies, so
    editing one rebuilds the page; a mistake in a file is a normal build error naming it."""

    @property
    def data(self) -> CourseData:
        return course_data(self.env.app)

    @property
    def strings(self) -> Strings:
        """The interface's words (read when the config was, so never failing here)."""
        return self.data.strings

    def depend(self, *paths: Path) -> None:
        for path in paths:
            self.env.note_dependency(str(Path(path).resolve()))

    def part(self, load: Callable[[], T], *paths: Path) -> T:
        self.depend(*paths)  # also when it fails: fixing the file must rebuild the page
        try:
            return load()
        except (DataError, ValueError) as exc:
            raise self.error(str(exc)) from exc

    def course(self) -> Course:
        return self.part(lambda: self.data.course, self.data.paths["course"])

    def contacts(self) -> HelpContacts:
        return self.part(lambda: self.data.contacts, self.data.paths["contacts"])

    def group(self) -> GroupMaterials:
        return self.part(lambda: self.data.group, self.data.paths["group"])

    def exercises(self) -> dict[str, Exercise]:
        """Every exercise (only the course's file is noted: pages note the exercise files
        they show themselves)."""
        return self.part(lambda: self.data.exercises, self.data.paths["course"])

    def schedule(self) -> Schedule:
        paths = self.data.paths
        schedule = self.part(lambda: self.data.schedule, paths["schedule"], paths["course"])
        # Run sheets print the titles of the exercises the blocks name.
        self.depend(*(self.data.exercise_file(i) for i in schedule.exercise_titles))
        return schedule

    def doc_link(self, docname: str, text: str) -> addnodes.pending_xref:
        return xref("doc", "/" + docname, text)


class DayTheme(DataDirective):
    """``{dag-thema} dag-1``: the day's theme as an opening paragraph."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        day = self._day()
        return [nodes.paragraph(text=day.theme, classes=["toelaten-lead"])]

    def _day(self):
        try:
            return self.course().day(self.arguments[0])
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from exc


class DayGoals(DayTheme):
    """``{dag-doelen} dag-1``: the day's learning goals as a list."""

    def run(self) -> list[nodes.Node]:
        goals = nodes.bullet_list(classes=["toelaten-goals"])
        for goal in self._day().goals:
            goals += nodes.list_item("", nodes.paragraph(text=goal))
        return [goals]


class Reflection(DataDirective):
    """``{denkvraag}``: a short question to stop at after a section. Its own labelled
    block, so it reads as a pause and not as more lesson text."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        box = nodes.container(classes=["toelaten-reflection"])
        box += nodes.paragraph(
            text=self.strings("book.reflection"), classes=["toelaten-reflection-label"]
        )
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class People(DataDirective):
    """``{personen}``: the course's three people as the learner meets them on day 1, from
    cast.yml (the same text the worked examples name), each with their name in bold."""

    def run(self) -> list[nodes.Node]:
        people = self.part(lambda: self.data.cast, self.data.paths["cast"])
        if not people:
            raise self.error(f"no people in {self.data.paths['cast']}")
        out: list[nodes.Node] = []
        for person in people.values():
            para = nodes.paragraph(classes=["toelaten-person"])
            rest = person.story
            if rest.startswith(person.name):
                para += nodes.strong(text=person.name)
                rest = rest[len(person.name) :]
            para += nodes.Text(rest)
            out.append(para)
        return out


class HelpLines(DataDirective):
    """``{hulplijnen} NL``: where to get help now in one country or region.
    ``{hulplijnen} advies``: where a trainer asks advice when someone tells of violence or
    abuse (help-contacts.yml's ``advice``), each with its country."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        contacts, strings = self.contacts(), self.strings
        code = self.arguments[0]
        if code == ADVICE:
            names = {c.code: c.name for c in contacts.countries}
            out = nodes.bullet_list(classes=["toelaten-contacts"])
            for advice in contacts.advice:
                where = strings("book.helplines.country", country=names[advice.country])
                out += self.contact(advice.contact, where)
            return [out]
        country = next((c for c in contacts.countries if c.code == code), None)
        if country is None:
            known = ", ".join([*(c.code for c in contacts.countries), ADVICE])
            raise self.error(f"no region {code!r} in {contacts.source} (known: {known})")
        out = nodes.bullet_list(classes=["toelaten-contacts"])
        for contact in country.contacts:
            out += self.contact(contact)
        emergency = nodes.paragraph(classes=["toelaten-emergency"])
        number = nodes.reference(
            country.emergency,
            "",
            nodes.strong(text=country.emergency),
            refuri=f"tel:{country.emergency}",
        )
        emergency += fill(strings("book.helplines.emergency"), number=number)
        return [out, emergency]

    def contact(self, contact: Contact, where: str | None = None) -> nodes.list_item:
        strings = self.strings
        item = nodes.list_item(classes=["toelaten-contact"])
        name = nodes.paragraph("", "", nodes.strong(text=contact.name))
        if where:
            name += nodes.Text(f" ({where})")
        item += name
        item += nodes.paragraph(text=contact.for_whom)
        if contact.phones:
            numbers: list[nodes.Node] = []
            for i, phone in enumerate(contact.phones):
                if i:
                    numbers.append(nodes.Text(f" {strings('help.or')} "))
                numbers.append(nodes.reference(phone.number, phone.number, refuri=phone.tel))
                if phone.note:
                    numbers.append(nodes.Text(f" ({phone.note})"))
            line = nodes.paragraph(classes=["toelaten-phones"])
            line += fill(strings("book.helplines.call"), numbers=numbers)
            if contact.hours:
                line += nodes.Text(f", {contact.hours}")
            item += line
        if contact.chat:
            chat = nodes.reference(contact.chat, contact.chat, refuri=contact.chat_url)
            line = nodes.paragraph()
            if contact.chat_hours:
                hours = nodes.Text(contact.chat_hours)
                line += fill(strings("book.helplines.chat_hours"), chat=chat, hours=hours)
            else:
                line += fill(strings("book.helplines.chat"), chat=chat)
            item += line
        return item


def table_row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", cell)
    return row


def setup(app: Sphinx) -> None:
    app.add_directive("dag-thema", DayTheme)
    app.add_directive("dag-doelen", DayGoals)
    app.add_directive("hulplijnen", HelpLines)
    app.add_directive("denkvraag", Reflection)
    app.add_directive("personen", People)
