"""Exercises in the book: the ``{oefening}`` and ``{werkboek}`` directives and their script.

The live exercise is the same ES module Jupyter runs (exercises/front.py). For the book
it is wrapped, with book.js, into one classic script: module scripts do not run from
``file://``, and the book must work when opened from disk. Only pages that hold an
exercise load it; pages with only the course path (sphinxext/progress.py) get a small
script of their own. Pages made from notebooks show the widget's ``text/html`` mount, so
myst-nb's widget scripts (from CDNs) and the widget state it would embed (with
build-time answers) are dropped.
"""

from __future__ import annotations

from html import escape
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain

from toelaten.coursedata import CourseData
from toelaten.exercises import front
from toelaten.exercises.model import Exercise
from toelaten.exercises.schema import document_schema
from toelaten.exercises.static import example_html, json_attribute, mount_html
from toelaten.sphinxext.directives import DataDirective, course_data, write_static, xref

SCRIPT = "toelaten/oefeningen.js"
#: The course path alone (landing page, day pages): a small script of its own.
PATH_SCRIPT = "toelaten/voortgang.js"
MARKERS = ('class="toelaten-oefening"', 'class="toelaten-werkboek"', 'class="toelaten-voortgang')
PATH_MARKER = ' tl-progress"'  # sphinxext/progress_html.py


def _write_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    # The course's words go with the script, once for the whole site.
    strings = course_data(app).strings
    write_static(app, SCRIPT, front.classic_script(strings))
    write_static(app, PATH_SCRIPT, front.path_script(strings))


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
        # The anchor on a box around the mount: an empty target's id would move to the
        # raw HTML after it, which has nowhere to keep it (the link led to the page's top).
        box = nodes.container(ids=[label])
        box += nodes.raw("", mount_html(exercise, known), format="html")
        if exercise.look_back:
            # Where the exercise it looks back at lives, right after the mount: the script
            # takes the link into the exercise (book.js); without a script it shows as it is.
            look_back = exercise.look_back
            link = nodes.paragraph(classes=["tl-look-back-link"])
            link += xref("ref", f"oefening-{look_back['from']}", look_back["link"])
            box += link
        if exercise.help_link:
            # The help page's link, for the line under the intro (book.js takes it in;
            # without a script it shows here as it is).
            help_page = self.env.config.toelaten_help_page
            words = self.strings("exercise.help_line.text", page="\0").split("\0")
            line = nodes.paragraph(classes=["tl-help-link"])
            line += nodes.Text(words[0])
            line += xref("doc", f"/{help_page}", self.strings("help.title"))
            line += nodes.Text(words[-1])
            box += line
        if exercise.actions:
            # Where each action's exercise lives (the experiments, on another page): the
            # script shows the link next to the button once it ran (book.js).
            line = nodes.paragraph(classes=["tl-action-link"])
            for action in exercise.actions:
                target = self.data.exercise(action["target"])
                text = self.strings("exercise.action_link", title=target.title)
                line += xref("ref", f"oefening-{target.id}", text)
            box += line
        if exercise.example is None:
            return [box]
        # The worked example before the exercise, read-only: nothing in it is stored.
        self.depend(self.data.paths["cast"])
        person = self.data.cast[exercise.example["person"]]
        return [nodes.raw("", example_html(exercise, person), format="html"), box]


class WorkbookDirective(DataDirective):
    """``{werkboek}``: every saved answer, day by day, with download, restore, wipe and
    print (a cover with the course's title)."""

    def run(self) -> list[nodes.Node]:
        definitions = {i: e.as_json() for i, e in self.exercises().items()}
        self.depend(*(self.data.exercise_file(i) for i in definitions))
        strings, course = self.strings, self.course()
        schema = document_schema(list(definitions), strings)
        book = {
            "course": course.full_title,
            "days": [
                {"id": d.id, "title": d.heading(strings), "exercises": list(d.exercises)}
                for d in course.days
            ],
        }
        html = (
            f'<div class="toelaten-werkboek" {json_attribute("data-definitions", definitions)} '
            f"{json_attribute('data-schema', schema)} {json_attribute('data-book', book)}>"
            f"<noscript><p>{escape(strings('exercise.noscript'))}</p></noscript></div>"
        )
        return [nodes.raw("", html, format="html")]


def _page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    js_files = getattr(app.env, "nb_metadata", {}).get(pagename, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]
    body = context.get("body") or ""
    if any(marker in body for marker in MARKERS):
        app.add_js_file(SCRIPT)  # it brings the course path too (Mijn voortgang's charts)
    elif PATH_MARKER in body:
        app.add_js_file(PATH_SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _write_assets)
    app.add_directive("oefening", ExerciseDirective)
    app.add_directive("werkboek", WorkbookDirective)
    # Before myst-nb's own handler (500), which adds the widget scripts it registered.
    app.connect("html-page-context", _page_assets, priority=400)
