"""The course path in the book: where the learner is, read from the answers in the browser.

- ``{cursuspad}``: the landing page's way in, "Begin met dag 1", or once something is
  stored "Ga verder waar je was" (exercises/progress.py: resume);
- ``{dagen-overzicht}``: the days as a task list, each with its status;
- ``{dag-oefeningen} dag-N``: one day's exercises as a task list;
- ``{voortgang}``: the page Mijn voortgang, every day's task list and the charts.

Each is HTML that makes sense before the script has read the answers, and without
JavaScript: links to the days and exercises, and "Begin met dag 1". The status tags are
there from the start, hidden in the space kept for them, so nothing moves when the script
(front/tasks.js) fills them in. The HTML is written when the page is (progress_html.py):
only then is it known on which page each exercise lives.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.util import logging

from toelaten.sphinxext import progress_html
from toelaten.sphinxext.directives import DataDirective, course_data

logger = logging.getLogger(__name__)
#: The label of the page Mijn voortgang (where "Bekijk je voortgang" leads).
PROGRESS_LABEL = "toelaten-voortgang"


class progress_widget(nodes.General, nodes.Element):
    """A course-path widget: ``kind`` (path, days, day, page) and for a day its ``day``."""


class _Widget(DataDirective):
    kind = ""

    def widget(self, **attributes: str) -> list[nodes.Node]:
        self.course()  # read here, so a mistake is this page's build error
        # Every exercise's title is shown (or sent along for "Ga verder").
        self.depend(*(self.data.exercise_file(i) for i in self.exercises()))
        _pages(self.env).add(self.env.docname)
        return [progress_widget(kind=self.kind, **attributes)]

    def run(self) -> list[nodes.Node]:
        return self.widget()


class PathDirective(_Widget):
    """``{cursuspad}``: "Begin met dag 1" or "Ga verder waar je was"."""

    kind = "path"


class DaysDirective(_Widget):
    """``{dagen-overzicht}``: the days, each a link to its page, with its theme and status."""

    kind = "days"


class DayDirective(_Widget):
    """``{dag-oefeningen} dag-1``: the day's exercises, each linked to where it is."""

    kind = "day"
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        try:
            self.course().day(self.arguments[0])
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from exc
        return self.widget(day=self.arguments[0])


class ProgressDirective(_Widget):
    """``{voortgang}``: every day's exercises with their status, and the charts."""

    kind = "page"

    def run(self) -> list[nodes.Node]:
        std = cast(StandardDomain, self.env.get_domain("std"))
        title = self.data.strings("progress.charts.title")
        std.note_hyperlink_target(PROGRESS_LABEL, self.env.docname, PROGRESS_LABEL, title)
        return [nodes.target("", "", ids=[PROGRESS_LABEL]), *self.widget()]


def _visit(self: Any, node: progress_widget) -> None:
    """Writes the widget's HTML, with links relative to this page."""
    builder, env = self.builder, self.builder.env
    here = builder.current_docname
    std = env.get_domain("std")

    def link(docname: str | None, anchor: str = "") -> str:
        if docname is None or docname not in env.all_docs:
            return ""
        uri = builder.get_relative_uri(here, docname)
        return f"{uri}#{anchor}" if anchor else uri

    def exercise_link(exercise_id: str) -> str:
        label = f"oefening-{exercise_id}"
        docname = std.anonlabels.get(label, (None,))[0]
        if docname is None:
            logger.warning(
                "exercise %r is on no page of the book ({oefening} %s)",
                exercise_id,
                exercise_id,
                location=node,
                type="toelaten",
            )
        return link(docname, label)

    data = course_data(builder.app)
    kind, day = node["kind"], node.get("day")
    # The exercises this widget links to: a day's, none (the days), or all of them.
    shown = (
        data.course.day(day).exercises
        if kind == "day"
        else ()
        if kind == "days"
        else data.exercises
    )
    links = progress_html.Links(
        days={d.id: link(d.docname) for d in data.course.days},
        exercises={i: exercise_link(i) for i in shown},
        progress=link(std.anonlabels.get(PROGRESS_LABEL, (None,))[0]),
    )
    # The course (every day's exercises and how each is judged) once per page.
    first = not getattr(self, "_toelaten_course_sent", False)
    self._toelaten_course_sent = True
    self.body.append(progress_html.widget(kind, day, data, links, with_course=first))
    raise nodes.SkipNode


def _skip(self: Any, node: progress_widget) -> None:
    raise nodes.SkipNode


def _pages(env: Any) -> set[str]:
    """The pages with a widget (kept with the environment between builds)."""
    if not hasattr(env, "toelaten_progress_pages"):
        env.toelaten_progress_pages = set()
    pages: set[str] = env.toelaten_progress_pages
    return pages


def _forget(app: Sphinx, env: Any, docname: str) -> None:
    _pages(env).discard(docname)


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    _pages(env).update(_pages(other))


def _links_may_have_moved(app: Sphinx, env: Any, added: Any, changed: Any, removed: Any) -> list:
    """The widgets link to every exercise's page: when any page changed, an exercise may
    have moved, so the pages with a widget are written again."""
    if not (added or changed or removed):
        return []
    return sorted(_pages(env) & set(env.found_docs))


def setup(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        progress_widget, html=(_visit, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_directive("cursuspad", PathDirective)
    app.add_directive("dagen-overzicht", DaysDirective)
    app.add_directive("dag-oefeningen", DayDirective)
    app.add_directive("voortgang", ProgressDirective)
    app.connect("env-purge-doc", _forget)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _links_may_have_moved)
