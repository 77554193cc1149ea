"""A mistake in a data file is a normal build error naming the file, never Sphinx's
"Exception occurred". Small books built in-process, in a few seconds each."""

import importlib
import io
import shutil

import pytest
from sphinx.application import Sphinx

from toelaten.exercises.catalogue import catalogue, exercises_dir

# The module, not the function of the same name that toelaten.exercises re-exports.
catalogue_module = importlib.import_module("toelaten.exercises.catalogue")

CONF = """
extensions = ["myst_parser", "sphinx_book_theme", "toelaten.sphinxext"]
html_theme = "sphinx_book_theme"
language = "nl"
toelaten_help_page = "index"
toelaten_privacy_page = "index"
"""


def build(src, **config) -> str:
    """Build ``src`` in-process; returns the warnings and errors Sphinx reported."""
    warnings = io.StringIO()
    out = src / "_build"
    app = Sphinx(
        str(src), str(src), str(out), str(out / ".doctrees"), "html",
        confoverrides=config, status=io.StringIO(), warning=warnings, freshenv=True,
    )  # fmt: skip
    app.build()
    return warnings.getvalue()


@pytest.fixture
def book(tmp_path):
    src = tmp_path / "book"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Test\n\n```{oefening} wiens-stem\n```\n", encoding="utf-8")
    return src


@pytest.fixture
def exercises(tmp_path, monkeypatch):
    """A copy of the exercise files the build reads instead of the package's own."""
    folder = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), folder)
    monkeypatch.setattr(catalogue_module, "exercises_dir", lambda: folder)
    catalogue.cache_clear()
    yield folder
    monkeypatch.undo()
    catalogue.cache_clear()


def test_a_broken_link_is_reported(book):
    (book / "index.md").write_text("# Test\n\nZie [deze pagina](bestaat-niet.md).\n", "utf-8")
    assert "bestaat-niet" in build(book, nitpicky=True)  # -W makes it fail the book


def test_an_unknown_icon_is_reported(book):
    page = '# Test\n\n<i class="fa-solid fa-no-such-icon"></i>\n'
    (book / "index.md").write_text(page, "utf-8")
    assert "fa-no-such-icon" in build(book)


def test_an_unknown_exercise_is_an_error_at_its_line(book):
    (book / "index.md").write_text("# Test\n\n```{oefening} bestaat-niet\n```\n", "utf-8")
    reported = build(book)
    assert f"{book / 'index.md'}:3: ERROR: no exercise 'bestaat-niet'" in reported


def test_a_mistake_in_an_exercise_file_names_that_file(book, exercises):
    broken = exercises / "wiens-stem.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "kleur: rood\n", encoding="utf-8")
    reported = build(book)
    assert f"{book / 'index.md'}:3: ERROR:" in reported
    assert str(broken) in reported and "kleur" in reported


def test_a_mistake_in_the_course_file_is_a_configuration_error(book, tmp_path):
    course = tmp_path / "course.yml"
    course.write_text("title: T\nsubtitle: S\ndays:\n  - id: dag-1\n    title: X\n", "utf-8")
    with pytest.raises(Exception, match=r"days\[0\]\.theme: is missing") as raised:
        build(book, toelaten_course_file=str(course))
    assert type(raised.value).__name__ == "ConfigError"
