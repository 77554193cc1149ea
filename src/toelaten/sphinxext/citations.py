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
from sphinx.util.docutils import SphinxDirective, SphinxRole

from toelaten.sources import default_sources_file, load_sources
from toelaten.sphinxext.directives import xref


class CiteRole(SphinxRole):
    """``{bron}`key``` -> "(Schein, 2009)", linked to the sources page."""

    def run(self) -> tuple[list[nodes.Node], list[Any]]:
        cites = {s.key: s.cite for s in load_sources()}
        key = self.text.strip()
        return [xref("ref", f"bron-{key}", f"({cites.get(key, key)})")], []


class SourcesDirective(SphinxDirective):
    """``{bronnen}``: every source in data/sources.yml, each with its own anchor."""

    def run(self) -> list[nodes.Node]:
        sources = load_sources()
        self.env.note_dependency(str(default_sources_file()))
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
