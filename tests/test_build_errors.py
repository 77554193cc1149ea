"""A mistake in a data file is a normal build error naming the file, never Sphinx's
"Exception occurred"; a book with its own data folder shows that data, and only that.
Small books built in-process, in a few seconds each."""

import io

import pytest
from sphinx.application import Sphinx

import toelaten.coursedata
from editions import copy_data, replace_in

CONF = """
extensions = ["myst_parser", "toelaten.sphinxext"]
html_theme = "toelaten"
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
def data(tmp_path):
    """A copy of the course's data folder, for a book that says ``toelaten_data``."""
    return copy_data(tmp_path / "data")


def test_a_broken_link_is_reported(book):
    (book / "index.md").write_text("# Test\n\nZie [deze pagina](bestaat-niet.md).\n", "utf-8")
    assert "bestaat-niet" in build(book, nitpicky=True)  # -W makes it fail the book


def test_an_unknown_exercise_is_an_error_at_its_line(book):
    (book / "index.md").write_text("# Test\n\n```{oefening} bestaat-niet\n```\n", "utf-8")
    reported = build(book)
    assert f"{book / 'index.md'}:3: ERROR: no exercise 'bestaat-niet'" in reported


def test_an_unknown_day_of_the_course_path_is_an_error_at_its_line(book):
    (book / "index.md").write_text("# Test\n\n```{dag-oefeningen} dag-9\n```\n", "utf-8")
    reported = build(book)
    assert f"{book / 'index.md'}:3: ERROR:" in reported and "dag-9" in reported


def test_the_course_path_names_an_exercise_that_is_on_no_page(book):
    (book / "index.md").write_text(
        "# Test\n\n```{oefening} wiens-stem\n```\n\n```{dag-oefeningen} dag-2\n```\n", "utf-8"
    )
    reported = build(book)
    assert "'dubbele-maat' is on no page" in reported  # -W makes it fail the book
    assert "'wiens-stem' is on no page" not in reported
    page = (book / "_build" / "index.html").read_text(encoding="utf-8")
    assert 'href="#oefening-wiens-stem"' in page


def test_a_mistake_in_an_exercise_file_names_that_file(book, data):
    broken = data / "exercises" / "wiens-stem.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "kleur: rood\n", encoding="utf-8")
    reported = build(book, toelaten_data=str(data))
    assert f"{book / 'index.md'}:3: ERROR:" in reported
    assert str(broken) in reported and "kleur" in reported


def test_a_worked_example_that_does_not_fit_names_its_file_and_field(book, data):
    broken = data / "exercises" / "zelfcheck.yml"
    replace_in(broken, "person: samira", "person: sam")
    (book / "index.md").write_text("# Test\n\n```{oefening} zelfcheck\n```\n", "utf-8")
    reported = build(book, toelaten_data=str(data))
    assert f"{book / 'index.md'}:3: ERROR:" in reported
    assert f"{broken}: example.person: 'sam' is not in the cast" in reported


def test_a_mistake_in_the_course_file_is_a_configuration_error(book, data):
    course = data / "course.yml"
    course.write_text("title: T\nsubtitle: S\ndays:\n  - id: dag-1\n    title: X\n", "utf-8")
    with pytest.raises(Exception, match=r"days\[0\]\.theme: is missing") as raised:
        build(book, toelaten_data=str(data))
    assert type(raised.value).__name__ == "ConfigError"


def test_a_mistake_in_the_schedule_names_the_file_and_the_block(book, data):
    replace_in(data / "schedule.yml", "format: drietallen", "format: viertallen")
    (book / "index.md").write_text("# Test\n\n```{draaiboek} dag-1\n```\n", "utf-8")
    reported = build(book, toelaten_data=str(data))
    assert f"{book / 'index.md'}:3: ERROR:" in reported
    assert str(data / "schedule.yml") in reported and "viertallen" in reported


def test_a_book_with_its_own_data_folder_shows_that_data_only(book, data, monkeypatch):
    """Another edition: every directive, the notebook-free pages and the printed pack read
    the folder the book names; the package's own data is never read."""
    replace_in(
        data / "course.yml", 'title: "Hoe maak jij contact?"', 'title: "Een andere eerste dag"'
    )
    replace_in(
        data / "exercises" / "wiens-stem.yml", "title: Van wie is die stem?", "title: Wie zegt dat?"
    )
    replace_in(data / "help-contacts.yml", "name: 113 Zelfmoordpreventie", "name: Testlijn 999")
    (book / "index.md").write_text(
        "# Test\n\n```{dagen-overzicht}\n```\n\n```{oefening} wiens-stem\n```\n\n"
        "```{hulplijnen} NL\n```\n\n```{draaiboek} dag-1\n```\n",
        "utf-8",
    )

    def no_package_data():
        raise AssertionError("the package's own data was read")

    monkeypatch.setattr(toelaten.coursedata, "package_root", no_package_data)
    reported = build(book, toelaten_data=str(data))
    assert "ERROR" not in reported, reported
    page = (book / "_build" / "index.html").read_text(encoding="utf-8")
    for shown in ("Een andere eerste dag", "Wie zegt dat?", "Testlijn 999"):
        assert shown in page
    assert "Hoe maak jij contact?" not in page and "113 Zelfmoordpreventie" not in page


def test_toelaten_data_in_the_environment_builds_that_edition_with_its_name(
    book, data, monkeypatch
):
    """As the CLI and the notebooks: TOELATEN_DATA=dir make book builds that edition, and
    its name (course.yml) is the one in every <title>."""
    replace_in(data / "course.yml", 'title: "Ik heb (n)iemand nodig"', 'title: "Samen sterker"')
    monkeypatch.setenv("TOELATEN_DATA", str(data))
    reported = build(book)
    assert "ERROR" not in reported, reported
    page = (book / "_build" / "index.html").read_text(encoding="utf-8")
    assert "<title>Test &#8212; Samen sterker</title>" in page
    assert "Ik heb (n)iemand nodig" not in page
