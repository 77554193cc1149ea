"""Directives that render the course data files, so the book never retypes them."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from toelaten import Course, DataError, HelpContacts, load_course, load_help_contacts
from toelaten.group import GroupMaterials, load_group_materials
from toelaten.schedule import Schedule, default_schedule_file, load_schedule


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
    """Loads a data file and records it as a dependency, so editing it rebuilds the page."""

    def course(self) -> Course:
        try:
            course = load_course(self.config.toelaten_course_file)
        except DataError as exc:
            raise self.error(str(exc)) from exc
        self.env.note_dependency(str(Path(course.source).resolve()))
        return course

    def contacts(self) -> HelpContacts:
        try:
            contacts = load_help_contacts(self.config.toelaten_contacts_file)
        except DataError as exc:
            raise self.error(str(exc)) from exc
        self.env.note_dependency(str(Path(contacts.source).resolve()))
        return contacts

    def group(self) -> GroupMaterials:
        try:
            group = load_group_materials()
        except DataError as exc:
            raise self.error(str(exc)) from exc
        self.env.note_dependency(str(Path(group.source).resolve()))
        return group

    def schedule(self) -> Schedule:
        self.env.note_dependency(str(default_schedule_file()))
        try:
            return load_schedule()
        except DataError as exc:
            raise self.error(str(exc)) from exc

    def doc_link(self, docname: str, text: str) -> addnodes.pending_xref:
        return xref("doc", "/" + docname, text)


class DaysTable(DataDirective):
    """``{dagen-overzicht}``: the five days at a glance, one row a day."""

    def run(self) -> list[nodes.Node]:
        course = self.course()
        table = nodes.table(classes=["toelaten-days"])
        table += nodes.title(text="De vijf dagen in het kort")
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=35)
        group += nodes.colspec(colwidth=65)
        head = nodes.thead()
        group += head
        head += table_row([nodes.paragraph(text="Dag"), nodes.paragraph(text="Waar het over gaat")])
        body = nodes.tbody()
        group += body
        for day in course.days:
            link = nodes.paragraph()
            link += self.doc_link(day.docname, day.heading)
            body += table_row([link, nodes.paragraph(text=day.theme)])
        return [table]


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


class HelpLines(DataDirective):
    """``{hulplijnen} NL``: where to get help now in one country or region."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        contacts = self.contacts()
        code = self.arguments[0]
        country = next((c for c in contacts.countries if c.code == code), None)
        if country is None:
            known = ", ".join(c.code for c in contacts.countries)
            raise self.error(f"no region {code!r} in {contacts.source} (known: {known})")
        out = nodes.bullet_list(classes=["toelaten-contacts"])
        for contact in country.contacts:
            item = nodes.list_item(classes=["toelaten-contact"])
            item += nodes.paragraph("", "", nodes.strong(text=contact.name))
            item += nodes.paragraph(text=contact.for_whom)
            if contact.phones:
                line = nodes.paragraph(classes=["toelaten-phones"])
                line += nodes.Text("Bel ")
                for i, phone in enumerate(contact.phones):
                    if i:
                        line += nodes.Text(" of ")
                    line += nodes.reference(phone.number, phone.number, refuri=phone.tel)
                    if phone.note:
                        line += nodes.Text(f" ({phone.note})")
                if contact.hours:
                    line += nodes.Text(f", {contact.hours}")
                item += line
            if contact.chat:
                line = nodes.paragraph(text="Chatten kan via ")
                line += nodes.reference(contact.chat, contact.chat, refuri=contact.chat_url)
                line += nodes.Text(".")
                item += line
            out += item
        emergency = nodes.paragraph(classes=["toelaten-emergency"])
        emergency += nodes.Text("Is er direct gevaar? Bel ")
        emergency += nodes.reference(
            country.emergency,
            "",
            nodes.strong(text=country.emergency),
            refuri=f"tel:{country.emergency}",
        )
        emergency += nodes.Text(".")
        return [out, emergency]


def table_row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", cell)
    return row


def setup(app: Sphinx) -> None:
    app.add_directive("dagen-overzicht", DaysTable)
    app.add_directive("dag-thema", DayTheme)
    app.add_directive("dag-doelen", DayGoals)
    app.add_directive("hulplijnen", HelpLines)
