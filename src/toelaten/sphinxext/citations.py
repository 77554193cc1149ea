"""Sources in the lessons: ``{bron}`schein-2009``` and the ``{bronnen}`` page.

A citation links to its entry on the sources page; a key missing from data/sources.yml
is an unresolved reference, which fails the strict build. So every source a lesson cites
is on the page.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.util.docutils import SphinxRole

from toelaten import DataError
from toelaten.sphinxext.directives import DataDirective, course_data, xref


class CiteRole(SphinxRole):
    """``{bron}`key``` -> "(Schein, 2009)", linked to the sources page."""

    def run(self) -> tuple[list[nodes.Node], list[Any]]:
        data = course_data(self.env.app)
        self.env.note_dependency(str(data.paths["sources"].resolve()))
        try:
            cites = {s.key: s.cite for s in data.sources}
        except DataError as exc:
            return [], [self.inliner.reporter.error(str(exc), line=self.lineno)]
        key = self.text.strip()
        return [xref("ref", f"bron-{key}", f"({cites.get(key, key)})")], []


class SourcesDirective(DataDirective):
    """``{bronnen}``: every source in data/sources.yml, each with its own anchor."""

    def run(self) -> list[nodes.Node]:
        sources = self.part(lambda: self.data.sources, self.data.paths["sources"])
        std = cast(StandardDomain, self.env.get_domain("std"))
        items = nodes.bullet_list(classes=["toelaten-bronnen"])
        for source in sources:
            label = f"bron-{source.key}"
            std.note_hyperlink_target(label, self.env.docname, label, source.cite)
            item = nodes.list_item(ids=[label])
            paragraph = nodes.paragraph()
            inline, messages = self.parse_inline(source.reference, lineno=self.lineno)
            paragraph += inline
            item += paragraph
            item += messages
            items += item
        return [items]


def setup(app: Sphinx) -> None:
    app.add_role("bron", CiteRole())
    app.add_directive("bronnen", SourcesDirective)
