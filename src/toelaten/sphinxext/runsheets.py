"""Run sheets from data/schedule.yml: ``{draaiboek} dag-1`` for the facilitator guide and
``{groepsprogramma} dag-1`` for the learners' day pages. Both read the same file, so the
two views never disagree; clock times are computed per day."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from toelaten.schedule import Schedule
from toelaten.schedule_checks import draaiboek_problems
from toelaten.sphinxext.blocksheet import BlockSheet
from toelaten.sphinxext.directives import DataDirective, table_row


def _table(title: str, head: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["toelaten-draaiboek"])
    table += nodes.title(text=title)
    group = nodes.tgroup(cols=len(head))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    thead = nodes.thead()
    group += thead
    thead += _text_row(head)
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _text_row(row)
    return table


def _text_row(cells: list[str]) -> nodes.row:
    return table_row([nodes.paragraph(text=cell) for cell in cells])


class _ScheduleDirective(DataDirective):
    required_arguments = 1

    def schedule(self) -> Schedule:
        schedule = super().schedule()
        if self.arguments[0] not in schedule.days:
            raise self.error(f"no day {self.arguments[0]!r} in {schedule.source}")
        return schedule


class RunSheetDirective(_ScheduleDirective):
    """``{draaiboek} dag-1``: per variant a timed table, then every block's draaiboek."""

    def run(self) -> list[nodes.Node]:
        schedule, day_id, strings = self.schedule(), self.arguments[0], self.strings
        group = self.group()
        problems = draaiboek_problems(schedule, group, strings)
        if problems:
            raise self.error("\n".join(problems))
        head = [
            strings("book.run_sheet.time"),
            strings("book.run_sheet.duration"),
            strings("book.run_sheet.part"),
            strings("schedule.werkvorm"),
        ]
        out: list[nodes.Node] = []
        for variant in schedule.variants.values():
            rows = [
                [
                    s.hours,
                    strings("schedule.minutes_short", n=s.minutes),
                    s.block.title,
                    schedule.formats[s.block.format],
                ]
                for s in schedule.run_sheet(day_id, variant.id)
            ]
            title = f"{variant.label}, {variant.hours}"
            out.append(_table(title, head, rows, [18, 12, 45, 25]))
        blocks = nodes.definition_list(classes=["toelaten-blokken"])
        sheet = BlockSheet(self, schedule, group, day_id)
        for block in schedule.days[day_id]:
            if block.format == "pauze":
                continue
            term = nodes.term(text=block.title)
            blocks += nodes.definition_list_item("", term, sheet.body(block))
        out.append(blocks)
        return out


class GroupAgendaDirective(_ScheduleDirective):
    """``{groepsprogramma} dag-1``: the day's programme for groups, both variants side by side."""

    def run(self) -> list[nodes.Node]:
        schedule, day_id = self.schedule(), self.arguments[0]
        times = {
            v: {s.block.id: s.hours for s in schedule.run_sheet(day_id, v)}
            for v in schedule.variants
        }
        rows = [
            [block.title, *(times[v].get(block.id, "–") for v in schedule.variants)]
            for block in schedule.days[day_id]
        ]
        strings = self.strings
        head = [strings("book.run_sheet.part"), *(v.label for v in schedule.variants.values())]
        # Folded: on a learner's day page the group's timetable is there for who needs it.
        summary = escape(strings("book.agenda_show"))
        return [
            nodes.raw(
                "",
                f'<details class="toelaten-programma"><summary>{summary}</summary>',
                format="html",
            ),
            _table(strings("book.agenda"), head, rows, [50, 25, 25]),
            nodes.raw("", "</details>", format="html"),
        ]


def setup(app: Sphinx) -> None:
    app.add_directive("draaiboek", RunSheetDirective)
    app.add_directive("groepsprogramma", GroupAgendaDirective)
