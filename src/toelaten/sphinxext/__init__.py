"""Sphinx extension for the course book.

It renders course data (days, help contacts) into pages, brings the course's page theme
(header with "Als het even niet gaat", the learner's menu and path, footer), keeps pages
free of requests to other hosts and gives every page a Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from toelaten import CourseData, DataError
from toelaten.coursedata import ENV
from toelaten.sphinxext import (
    citations,
    csp,
    directives,
    exercises,
    groupsheets,
    navigation,
    notebooks,
    page,
    presentation,
    progress,
    runsheets,
    search,
    theme,
)

HERE = Path(__file__).parent


def _configure(app: Sphinx, config: Any) -> None:
    # Ours first, so our templates shadow the theme's.
    config.templates_path.insert(0, str(HERE / "templates"))
    # One CourseData per app: every directive, transform and the pack read this one.
    # toelaten_data (relative to the book), else $TOELATEN_DATA as the CLI and the
    # notebooks follow it, else the package's own data.
    # Kept as the config value, so building another edition in the same folder rebuilds
    # every page instead of mixing the two.
    if config.toelaten_data is None and os.environ.get(ENV):
        config.toelaten_data = str(Path(os.environ[ENV]).resolve())
    root = config.toelaten_data
    data = directives.attach_data(
        app, CourseData(Path(app.confdir, root) if root is not None else None)
    )
    # The course's name is written once, in course.yml; pages say {{ cursus }}. The
    # interface's words are read here too: every page and the exercise script use them.
    try:
        course, _ = data.course, data.strings
    except DataError as exc:  # a normal "Configuration error", naming the file
        raise ConfigError(str(exc)) from None
    config.myst_substitutions = {**config.myst_substitutions, "cursus": course.full_title}
    # The name in every <title> and above the menu: the edition's, not _config.yml's.
    config.html_title = config.project = course.title


def _words_changed(app: Sphinx, env: Any, added: Any, changed: Any, removed: Any) -> list[str]:
    """Every page uses the catalogue (the help link, words the directives write): when it
    changed since the last build, every page is read again."""
    strings = directives.course_data(app).strings
    digest = hashlib.sha256(repr(sorted(strings.messages.items())).encode()).hexdigest()
    if getattr(env, "toelaten_words", None) == digest:
        return []
    env.toelaten_words = digest
    return sorted(env.found_docs)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("toelaten_help_page", "book/als-het-even-niet-gaat", "env", [str])
    app.add_config_value("toelaten_privacy_page", "book/privacy", "env", [str])
    # A folder of course data (relative to the book), instead of the package's own.
    app.add_config_value("toelaten_data", None, "env", [str, type(None)])
    app.connect("config-inited", _configure)
    app.connect("env-get-outdated", _words_changed)
    directives.setup(app)
    page.setup(app)
    theme.setup(app)
    navigation.setup(app)
    exercises.setup(app)
    progress.setup(app)
    app.add_transform(notebooks.NotebookExercises)
    citations.setup(app)
    runsheets.setup(app)
    groupsheets.setup(app)
    presentation.setup(app)
    search.setup(app)
    csp.setup(app)
    version = importlib.metadata.version("toelaten")  # one version: pyproject.toml's
    return {"version": version, "parallel_read_safe": True, "parallel_write_safe": True}
