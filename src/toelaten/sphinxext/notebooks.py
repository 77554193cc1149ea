"""Exercise notebooks in the book, rendered from the current definitions, never a cache.

The notebooks are not executed during the build (``execute_notebooks: off``): their
``oefening("…")`` call is found here and the exercise's mount is written after it, at
Sphinx time, as the ``{oefening}`` directive writes it. Executed output was cached by
jupyter-cache on the notebook's own text, so a changed exercise file left the page stale;
now each page depends on the files it shows. nbval still runs the notebooks in the tests.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from toelaten import DataError
from toelaten.exercises.static import example_html, mount_html
from toelaten.sphinxext.directives import course_data
from toelaten.sphinxext.exercises import note_exercise_files

CALL = re.compile(r"""\boefening\(\s*["']([^"']+)["']""")
logger = logging.getLogger(__name__)


class NotebookExercises(SphinxTransform):
    """After each code cell that calls ``oefening("id")``: that exercise, live."""

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        if not str(self.env.doc2path(self.env.docname)).endswith(".ipynb"):
            return
        data = course_data(self.app)
        self.env.note_dependency(str(data.paths["course"].resolve()))
        if data.paths["cast"].exists():  # the worked examples' people
            self.env.note_dependency(str(data.paths["cast"].resolve()))
        try:
            known = data.exercises
        except (DataError, ValueError) as exc:
            logger.error("%s", exc, location=self.document)
            return
        for block in list(self.document.findall(nodes.literal_block)):
            found = CALL.search(block.astext())
            if not found:
                continue
            exercise = known.get(found[1])
            if exercise is None:
                logger.warning("unknown exercise %r in oefening(...)", found[1], location=block)
                continue
            note_exercise_files(self.env, data, exercise)
            cell = _cell_of(block)
            output = nodes.container(classes=["cell_output", "docutils", "container"])
            if exercise.example is not None:  # as oefening() shows it in Jupyter
                person = data.cast[exercise.example["person"]]
                output += nodes.raw("", example_html(exercise, person), format="html")
            output += nodes.raw("", mount_html(exercise, known), format="html")
            cell += output


def _cell_of(node: nodes.Node) -> nodes.Element:
    """The notebook cell around a code block (myst-nb: a container with class 'cell')."""
    current = node.parent
    while current is not None and "cell" not in current.get("classes", []):
        current = current.parent
    return current if current is not None else node.parent
