"""Run sheets from data/schedule.yml: ``{draaiboek} dag-1`` for the facilitator guide and
``{groepsprogramma} dag-1`` for the learners' day pages. Both read the same file, so the
two views never disagree; clock times are computed per day."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from toelaten.schedule import Schedule
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
    """``{draaiboek} dag-1``: per variant a timed table, then every block's instructions."""

    def run(self) -> list[nodes.Node]:
        schedule, day_id, strings = self.schedule(), self.arguments[0], self.strings
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
        for block in schedule.days[day_id]:
            if block.format == "pauze":
                continue
            term = nodes.term(text=block.title)
            body = nodes.definition()
            minutes = ", ".join(
                f"{schedule.variants[v].label.lower()}: " + strings("schedule.minutes_short", n=m)
                for v, m in block.minutes.items()
            )
            when = f"{schedule.formats[block.format]} · {minutes}"
            if len(block.minutes) < len(schedule.variants):
                when += " · " + strings("book.run_sheet.whole_day_only")
            body += nodes.paragraph(text=when, classes=["tl-block-meta"])
            for label, text in schedule.facts(block, strings):
                line = nodes.paragraph()
                line += nodes.strong(text=f"{label}: ")
                line += nodes.Text(text)
                body += line
            if block.werkvorm:
                # Each werkvorm has its page in the guide; a missing page fails the build.
                line = nodes.paragraph()
                line += nodes.strong(text=strings("schedule.werkvorm") + ": ")
                line += self.doc_link(
                    f"facilitator-guide/{block.werkvorm}", schedule.werkvormen[block.werkvorm]
                )
                body += line
            if block.debrief:
                line = nodes.paragraph()
                line += nodes.strong(text=strings("schedule.debrief") + ":")
                body += line
                questions = nodes.bullet_list()
                for question in block.debrief:
                    questions += nodes.list_item("", nodes.paragraph(text=question))
                body += questions
            blocks += nodes.definition_list_item("", term, body)
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
