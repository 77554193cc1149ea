"""The group's paper in the facilitator guide, from ``data/group.yml``: ``{groepsafspraken}``,
``{formulier} kijkblad``, ``{werkvorm-tijd} drietallen`` (a werkvorm's own timing, as the
run sheets check it) and ``{workshoppakket}`` (links to the two printed packs, made at
every HTML build), so the guide shows exactly what the pack prints."""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from toelaten import DataError
from toelaten.sphinxext.directives import DataDirective

logger = logging.getLogger(__name__)

#: Where the pack lands in the built book.
PACK_FOLDER = "printen"


def pack_file(which: str, variant_id: str) -> str:
    """The file name of a variant's pack (begeleiderspakket, deelnemerspakket) in PACK_FOLDER."""
    return f"{which}-{variant_id}.pdf"


class AgreementsDirective(DataDirective):
    """``{groepsafspraken}``: the agreements as a numbered list."""

    def run(self) -> list[nodes.Node]:
        out = nodes.enumerated_list(classes=["toelaten-afspraken"])
        for agreement in self.group().agreements:
            line = nodes.paragraph()
            line += nodes.strong(text=agreement.title)
            line += nodes.Text(" " + agreement.text)
            out += nodes.list_item("", line)
        return [out]


class FormDirective(DataDirective):
    """``{formulier} evaluatie``: a form's questions, as the printed form asks them."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        forms = self.group().forms
        form = forms.get(self.arguments[0])
        if form is None:
            raise self.error(f"no form {self.arguments[0]!r} (known: {', '.join(forms)})")
        shown: list[nodes.Node] = []
        if form.ratings is not None:  # the evaluation: a rating per day and for the trainer
            days = [day.heading(self.strings) for day in self.course().days]
            head = nodes.paragraph()
            head += nodes.strong(text=form.ratings.title)
            head += nodes.Text(f" ({form.ratings.intro.rstrip('.')})")
            rows = nodes.bullet_list(classes=["toelaten-formulier-cijfers"])
            for row in form.ratings.all_rows(days):
                rows += nodes.list_item("", nodes.paragraph(text=row))
            shown += [head, rows]
        out = nodes.enumerated_list(classes=["toelaten-formulier"])
        for field in form.fields:
            text = field.label
            if field.kind == "scale" and field.ends:
                text += f" ({field.min} = {field.ends[0]}, {field.max} = {field.ends[1]})"
            elif field.options:
                text += " (" + " / ".join(o.label.lower() for o in field.options) + ")"
            item = nodes.list_item("", nodes.paragraph(text=text))
            if field.help:
                item += nodes.paragraph(text=field.help, classes=["tl-form-help"])
            out += item
        return [*shown, out]


class WerkvormTimingDirective(DataDirective):
    """``{werkvorm-tijd} drietallen``: the werkvorm's roles and its own timing, for each
    variant whose run sheets use it."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        werkvormen, strings = self.group().werkvormen, self.strings
        werkvorm = werkvormen.get(self.arguments[0])
        if werkvorm is None:
            raise self.error(f"no werkvorm {self.arguments[0]!r} (known: {', '.join(werkvormen)})")
        schedule = self.schedule()
        used = {
            variant_id
            for blocks in schedule.days.values()
            for block in blocks
            if block.werkvorm == werkvorm.id
            for variant_id in block.minutes
        }
        roles = nodes.paragraph()
        roles += nodes.strong(text=strings("draaiboek.roles") + ": ")
        roles += nodes.Text(", ".join(werkvorm.roles))
        intro = nodes.paragraph()
        intro += nodes.strong(text=strings("draaiboek.reckon"))
        timing = nodes.bullet_list(classes=["toelaten-werkvorm-tijd"])
        from toelaten.handouts.draaiboek import timing_text

        for variant in schedule.variants.values():
            text = timing_text(self.data, werkvorm.id, variant.id)
            if variant.id not in used or text is None:
                continue
            timing += nodes.list_item("", nodes.paragraph(text=f"{variant.label}: {text}"))
        return [roles, intro, timing]


class PackLinksDirective(DataDirective):
    """``{workshoppakket}``: a download link per variant to each pack the build writes."""

    def run(self) -> list[nodes.Node]:
        here = posixpath.dirname(self.env.docname)
        strings = self.strings
        out = nodes.bullet_list(classes=["toelaten-downloads"])
        from toelaten.handouts.pack import PARTICIPANT, TRAINER

        for variant in self.schedule().variants.values():
            hours = strings(
                "book.pack.hours", start=f"{variant.start:%H:%M}", end=f"{variant.end:%H:%M}"
            )
            label = variant.label.lower()
            for which, text in (
                (TRAINER, strings("book.pack.trainer", variant=label)),
                (PARTICIPANT, strings("book.pack.participant", variant=label)),
            ):
                uri = posixpath.relpath(
                    f"{PACK_FOLDER}/{pack_file(which, variant.id)}", here or "."
                )
                line = nodes.paragraph()
                line += nodes.reference("", text, refuri=uri)
                line += nodes.Text(f": {hours}")
                out += nodes.list_item("", line)
        return [out]


def _write_packs(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from toelaten.handouts import HandoutError
    from toelaten.handouts.pack import build_packs
    from toelaten.sphinxext.directives import course_data

    folder = Path(app.outdir) / PACK_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    guide = Path(app.srcdir) / "facilitator-guide"
    try:
        data = course_data(app)
        for variant_id in data.schedule.variants:
            packs = build_packs(data, variant_id, guide=guide, loose=False)
            for name, pdf in packs.items():
                (folder / pack_file(name.removesuffix(".pdf"), variant_id)).write_bytes(pdf)
    except (DataError, ValueError, HandoutError) as exc:  # named like any build error
        logger.error("the packs were not written: %s", exc)


def setup(app: Sphinx) -> None:
    app.add_directive("groepsafspraken", AgreementsDirective)
    app.add_directive("formulier", FormDirective)
    app.add_directive("werkvorm-tijd", WerkvormTimingDirective)
    app.add_directive("workshoppakket", PackLinksDirective)
    app.connect("build-finished", _write_packs)
