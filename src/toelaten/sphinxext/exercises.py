"""Exercises in the book: the ``{oefening}`` and ``{werkboek}`` directives and their script.

The live exercise is the same ES module Jupyter runs (exercises/front.py). For the book
it is wrapped, with book.js, into one classic script: module scripts do not run from
``file://``, and the book must work when opened from disk. Only pages that hold an
exercise load it. Pages made from notebooks show the widget's ``text/html`` mount, so
myst-nb's widget scripts (from CDNs) and the widget state it would embed (with
build-time answers) are dropped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain

from toelaten.coursedata import CourseData
from toelaten.exercises import front
from toelaten.exercises.model import Exercise
from toelaten.exercises.schema import document_schema
from toelaten.exercises.static import json_attribute, mount_html
from toelaten.sphinxext.directives import DataDirective, course_data, xref

SCRIPT = "toelaten/oefeningen.js"
MARKERS = ('class="toelaten-oefening"', 'class="toelaten-werkboek"', 'class="toelaten-voortgang')


def _write_assets(app: Sphinx) -> None:
    # Written into the output directly, before pages are written (so Sphinx's ?v= checksum
    # sees them) and on every build: Sphinx 7.4 does not overwrite a changed static file.
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "toelaten"
    target.mkdir(parents=True, exist_ok=True)
    # The course's words go with the script, once for the whole site.
    script = front.classic_script(course_data(app).strings)
    (target / "oefeningen.js").write_text(script, encoding="utf-8")


def note_exercise_files(env: Any, data: CourseData, exercise: Exercise) -> None:
    """The page shows this exercise and embeds the definitions it reads or writes to:
    a change in any of their files rebuilds the page."""
    for path in data.files_of(exercise):
        env.note_dependency(str(path.resolve()))


class ExerciseDirective(DataDirective):
    """``{oefening} wiens-stem``: the exercise, live in the browser."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        # Noted before reading: when the file is broken, fixing it must rebuild the page.
        self.depend(self.data.exercise_file(self.arguments[0]))
        known = self.exercises()
        try:
            exercise = self.data.exercise(self.arguments[0])
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from exc
        note_exercise_files(self.env, self.data, exercise)
        # A label per exercise, so other pages (Mijn voortgang) can link to where it lives.
        label = f"oefening-{exercise.id}"
        std = cast(StandardDomain, self.env.get_domain("std"))
        std.note_hyperlink_target(label, self.env.docname, label, exercise.title)
        found: list[nodes.Node] = [
            nodes.target("", "", ids=[label]),
            nodes.raw("", mount_html(exercise, known), format="html"),
        ]
        if exercise.look_back:
            # Where the exercise it looks back at lives: the script takes the link into the
            # exercise (book.js); without a script it shows as it is.
            look_back = exercise.look_back
            link = nodes.paragraph(classes=["tl-look-back-link"])
            link += _exercise_link(look_back["from"], look_back["link"])
            found.append(link)
        return found


class WorkbookDirective(DataDirective):
    """``{werkboek}``: every saved answer, with download, restore, wipe and print."""

    def run(self) -> list[nodes.Node]:
        definitions = {i: e.as_json() for i, e in self.exercises().items()}
        self.depend(*(self.data.exercise_file(i) for i in definitions))
        strings = self.strings
        schema = document_schema(list(definitions), strings)
        html = (
            f'<div class="toelaten-werkboek" {json_attribute("data-definitions", definitions)} '
            f"{json_attribute('data-schema', schema)}>"
            f"<noscript><p>{escape(strings('exercise.noscript'))}</p></noscript></div>"
        )
        return [nodes.raw("", html, format="html")]


def _exercise_link(exercise_id: str, title: str) -> addnodes.pending_xref:
    return xref("ref", f"oefening-{exercise_id}", title)


class DayExercisesDirective(DataDirective):
    """``{dag-oefeningen} dag-1``: the day's exercises, each linked to where it is."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        known = self.exercises()
        try:
            day = self.course().day(self.arguments[0])
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from exc
        self.depend(*(self.data.exercise_file(i) for i in day.exercises))  # their titles
        items = nodes.bullet_list(classes=["toelaten-dag-oefeningen"])
        for exercise_id in day.exercises:
            items += nodes.list_item(
                "", nodes.paragraph("", "", _exercise_link(exercise_id, known[exercise_id].title))
            )
        return [items]


class ProgressDirective(DataDirective):
    """``{voortgang}``: per day, every exercise with a link; the script adds the state."""

    def run(self) -> list[nodes.Node]:
        known, strings = self.exercises(), self.strings
        box = nodes.container(classes=["toelaten-voortgang"])
        for day in self.course().days:
            heading = nodes.paragraph(classes=["tl-progress-day"])
            heading += nodes.strong(text=day.heading(strings))
            heading += nodes.inline(text="", classes=["tl-day-count"])
            box += heading
            items = nodes.bullet_list()
            for exercise_id in day.exercises:
                exercise = known[exercise_id]
                self.depend(self.data.exercise_file(exercise_id))
                classes = ["tl-progress", f"tl-ex-{exercise_id}"]
                item = nodes.list_item(
                    classes=[*classes, "tl-repeat"] if exercise.repeat else classes
                )
                line = nodes.paragraph()
                line += _exercise_link(exercise_id, exercise.title)
                line += nodes.Text(": ")
                state = strings("progress.not_started")
                line += nodes.inline(text=state, classes=["tl-progress-state"])
                item += line
                items += item
            box += items
        return [box]


def _page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    js_files = getattr(app.env, "nb_metadata", {}).get(pagename, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]
    body = context.get("body") or ""
    if any(marker in body for marker in MARKERS):
        app.add_js_file(SCRIPT)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _write_assets)
    app.add_directive("oefening", ExerciseDirective)
    app.add_directive("werkboek", WorkbookDirective)
    app.add_directive("voortgang", ProgressDirective)
    app.add_directive("dag-oefeningen", DayExercisesDirective)
    # Before myst-nb's own handler (500), which adds the widget scripts it registered.
    app.connect("html-page-context", _page_assets, priority=400)
