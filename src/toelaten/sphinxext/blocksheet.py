"""One block of a day's draaiboek in the facilitator guide (``{draaiboek} dag-1``): the
question on the projector, what the trainer says, the lesson page and figure to show (real
links: an unknown page or a missing figure fails the strict build), the werkvorm with its
own timing and roles, the observer's task of the day, the debrief, the timing tip and what
shrinks when the group runs late."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from toelaten.group import GroupMaterials
from toelaten.schedule import Block, Schedule

if TYPE_CHECKING:
    from toelaten.sphinxext.directives import DataDirective


def page_link(docname: str) -> addnodes.pending_xref:
    """A link to a page of the book under its own title (resolved at the end of the build;
    an unknown page fails the strict build)."""
    return addnodes.pending_xref(
        "",
        nodes.inline(text=docname),
        refdomain="std",
        reftype="doc",
        reftarget="/" + docname,
        refexplicit=False,
        refwarn=True,
    )


class BlockSheet:
    def __init__(
        self, directive: DataDirective, schedule: Schedule, group: GroupMaterials, day_id: str
    ) -> None:
        self.directive = directive
        self.schedule = schedule
        self.group = group
        self.day_id = day_id
        self.strings = directive.strings

    def body(self, block: Block) -> nodes.definition:
        body = nodes.definition()
        body += nodes.paragraph(text=self._meta(block), classes=["tl-block-meta"])
        if block.format == "buffer":
            body += nodes.paragraph(text=block.instructions or self.strings("draaiboek.buffer"))
            return body
        if block.prompt:
            prompt = nodes.paragraph(classes=["tl-block-prompt"])
            prompt += nodes.strong(text=self.strings("draaiboek.prompt") + ": ")
            prompt += nodes.Text(block.prompt)
            body += prompt
        for label, text in self.schedule.facts(block, self.strings):
            body += self._line(label, nodes.Text(text))
        if block.talking_points:
            body += self._line(self.strings("draaiboek.talking_points"))
            body += _bullets(block.talking_points)
        body += self._show(block)
        body += self._werkvorm(block)
        if block.debrief:
            body += self._line(self.strings("schedule.debrief"))
            body += _bullets(block.debrief)
        if block.tip:
            body += self._line(self.strings("draaiboek.tip"), nodes.Text(block.tip))
        if block.shorten:
            line = self._line(self.strings("draaiboek.shorten"), nodes.Text(block.shorten))
            line["classes"].append("tl-block-shorten")
            body += line
        for variant_id, text in block.shorten_by.items():
            variant = self.schedule.variants[variant_id].label.lower()
            label = f"{self.strings('draaiboek.shorten')} ({variant})"
            line = self._line(label, nodes.Text(text))
            line["classes"].append("tl-block-shorten")
            body += line
        return body

    def _meta(self, block: Block) -> str:
        strings, schedule = self.strings, self.schedule
        minutes = ", ".join(
            f"{schedule.variants[v].label.lower()}: " + strings("schedule.minutes_short", n=m)
            for v, m in block.minutes.items()
        )
        meta = f"{schedule.formats[block.format]} · {minutes}"
        if len(block.minutes) < len(schedule.variants):
            # Only an exercise done alone can honestly move home; group work just drops.
            if block.format == "alleen":
                meta += " · " + strings("book.run_sheet.whole_day_only_home")
            else:
                meta += " · " + strings("book.run_sheet.whole_day_only")
        return meta

    def _line(self, label: str, *content: nodes.Node) -> nodes.paragraph:
        line = nodes.paragraph()
        line += nodes.strong(text=f"{label}:" + (" " if content else ""))
        for node in content:
            line += node
        return line

    def _show(self, block: Block) -> list[nodes.Node]:
        """The lesson page as a link, the figure as a small image that opens it large."""
        if not (block.page or block.figure):
            return []
        out: list[nodes.Node] = []
        if block.page:
            out.append(self._line(self.strings("draaiboek.show"), page_link(block.page)))
        if block.figure:
            # A width makes Sphinx link the thumbnail to the full image (html_scaled_image_link).
            alt = self.strings("draaiboek.figure", block=block.title)
            image = nodes.image(uri="/" + block.figure, alt=alt, width="14em")
            image["classes"].append("tl-block-figure")
            if not block.page:
                out.append(self._line(self.strings("draaiboek.show")))
            out.append(nodes.paragraph("", "", image))
        return out

    def _werkvorm(self, block: Block) -> list[nodes.Node]:
        if not block.werkvorm:
            return []
        strings = self.strings
        # Each werkvorm has its page in the guide; a missing page fails the build.
        title = self.schedule.werkvormen[block.werkvorm]
        link = self.directive.doc_link(f"facilitator-guide/{block.werkvorm}", title)
        out: list[nodes.Node] = [self._line(strings("schedule.werkvorm"), link)]
        werkvorm = self.group.werkvormen.get(block.werkvorm)
        if werkvorm is None:
            return out
        out.append(self._line(strings("draaiboek.roles"), nodes.Text(", ".join(werkvorm.roles))))
        timing = nodes.bullet_list()
        for variant_id in block.minutes:
            parts = werkvorm.timing.parts(variant_id)
            if parts is None:
                continue
            intro, round_, rounds, close = parts
            text = strings(
                "draaiboek.timing_parts",
                intro=intro,
                rounds=rounds,
                round=round_,
                round_text=werkvorm.timing.round_text,
                close=close,
                total=werkvorm.timing.minutes(variant_id),
            )
            label = self.schedule.variants[variant_id].label
            timing += nodes.list_item("", nodes.paragraph(text=f"{label}: {text}"))
        out += [self._line(strings("draaiboek.timing")), timing]
        task = self.group.observer_tasks.get(self.day_id)
        if werkvorm.observer and task:
            out.append(self._line(strings("draaiboek.observer"), nodes.Text(task)))
        return out


def _bullets(texts: tuple[str, ...]) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for text in texts:
        out += nodes.list_item("", nodes.paragraph(text=text))
    return out
