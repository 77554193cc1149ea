"""The book builds strictly: a warning anywhere fails the build."""

import re
from pathlib import Path

import pytest

from toelaten.coursedata import CourseData

DATA = CourseData()


def test_book_builds_without_warnings(book_build):
    if book_build.prebuilt:
        pytest.skip("built by `make book`, whose -W -n build fails on any warning")
    assert book_build.returncode == 0, book_build.output[-4000:]
    assert not re.search(r"\bWARNING:", book_build.output), book_build.output[-4000:]


def test_exercise_notebook_pages_show_the_current_definitions(html):
    """The notebook pages are written from the definitions at build time, not from a cache
    of an earlier run (which kept showing a label after it changed)."""
    import json

    from bs4 import BeautifulSoup

    known = DATA.exercises
    pages = sorted((html / "exercises").rglob("*.html"))
    shown = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for mount in soup.select(".toelaten-oefening[data-definition]"):
            definition = json.loads(mount["data-definition"])
            assert definition == known[definition["id"]].as_json(), page.name
            shown.add(definition["id"])
    assert shown == set(known)  # every exercise has its notebook page


def test_a_page_is_rebuilt_when_any_exercise_file_it_shows_changes(book_build):
    """Sphinx rebuilds a page when a file it noted changes: each page notes the files of
    the exercises it shows and of those it embeds (related, action targets)."""
    import pickle

    env_file = book_build.html.parent / ".doctrees" / "environment.pickle"
    env = pickle.loads(env_file.read_bytes())
    checked = 0
    for docname in env.found_docs:
        source = str(env.doc2path(docname))
        text = Path(source).read_text(encoding="utf-8")
        for exercise_id in set(re.findall(r'oefening\(\\?"([a-z0-9-]+)\\?"\)', text)) | set(
            re.findall(r"^```\{oefening\} ([a-z0-9-]+)", text, re.M)
        ):
            exercise = DATA.exercise(exercise_id)
            for shown in [exercise_id, *exercise.links]:
                assert str(DATA.paths["exercises"] / f"{shown}.yml") in env.dependencies[docname], (
                    docname,
                    shown,
                )
                checked += 1
    assert checked > 30
