"""The live exercise in Jupyter: ui.js in an anywidget, saving to the journal.

Only wiring lives here; saving and validation are in ExerciseSession.
"""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets

from toelaten.coursedata import CourseData
from toelaten.exercises import front
from toelaten.exercises.journal import Journal
from toelaten.exercises.session import ExerciseSession
from toelaten.exercises.static import example_html, mount_html


class ExerciseWidget(anywidget.AnyWidget):
    _esm = front.esm()
    _css = front.css()

    definition = traitlets.Dict().tag(sync=True)
    entries: traitlets.List[dict[str, Any]] = traitlets.List().tag(sync=True)
    earlier: traitlets.List[dict[str, Any]] = traitlets.List().tag(sync=True)
    related = traitlets.Dict().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    #: The interface's words (front.JS_SECTIONS of the course's catalogue), by key.
    strings = traitlets.Dict().tag(sync=True)

    def __init__(
        self,
        exercise_id: str,
        journal: Journal | None = None,
        data: CourseData | None = None,
        **kwargs: Any,
    ) -> None:
        session = self._session = ExerciseSession(exercise_id, journal, data)
        self._loaded = False  # filling the traits from the journal is not a save
        super().__init__(
            definition=session.exercise.as_json(),
            entries=session.load(),
            earlier=session.earlier,
            related=session.load_related(),
            status=session.strings("exercise.status.not_loaded", problem=session.problem)
            if session.problem
            else "",
            strings=front.words(session.strings),
            **kwargs,
        )
        self._loaded = True
        self.on_msg(self._on_message)

    @traitlets.observe("entries")
    def _on_entries(self, change: dict[str, Any]) -> None:
        if self._loaded:
            self._show(*self._session.save(change["new"]))

    def _show(self, status: str, entries: list[dict[str, Any]]) -> None:
        """What the journal now holds (merged with another notebook's saves), not a save."""
        self._loaded = False
        try:
            self.entries, self.earlier = entries, self._session.earlier
        finally:
            self._loaded = True
        self.status = status

    def _on_message(self, widget: Any, content: Any, buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        if content.get("type") == "add-entry":
            self.status = self._session.add_to(
                content.get("exercise"), content.get("answers"), content.get("done")
            )
        elif content.get("type") == "bring-back":
            self._show(*self._session.bring_back(content.get("id")))

    def show_example(self) -> None:
        """The exercise's worked example above it, as text (escaped HTML, styled by ui.css
        once the widget has loaded), when running in a notebook."""
        exercise, data = self._session.exercise, self._session.data
        if exercise.example is None:
            return
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is None:  # a plain Python session: nothing to show it in
            return
        display(HTML(example_html(exercise, data.cast[exercise.example["person"]])))

    def _repr_keys(self):
        # The default repr lists every trait, answers included; the text form of a notebook
        # output must not carry them into a built book or a shared notebook.
        return iter(())

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        data["text/html"] = mount_html(self._session.exercise, self._session.data.exercises)
        return data, meta
