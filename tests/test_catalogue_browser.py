"""Every exercise in the built book, as a learner uses it with the keyboard: fill, save,
reload, find it again; hostile text stays text; zero off-host requests; no axe violations."""

from __future__ import annotations

import json

import pytest

from browsing import Visit, axe_violations, fill_by_keyboard
from samples.answers import full_answers
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser
EXERCISES = list(DATA.exercises.values())


def page_of(html, exercise_id: str) -> str:
    for path in sorted((html / "book").rglob("*.html")):
        if f'data-exercise="{exercise_id}"' in path.read_text(encoding="utf-8"):
            return path.relative_to(html).as_posix()
    raise AssertionError(f"{exercise_id} is on no page of the book")


def stored(page, exercise_id: str) -> list:
    raw = page.evaluate(f"localStorage.getItem('toelaten:v1:{exercise_id}')")
    return json.loads(raw)["entries"] if raw else []


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_fill_by_keyboard_save_reload_and_find_it_again(html, site, profile, exercise):
    visit = Visit(profile, site, page_of(html, exercise.id))
    visit.ready()
    page = visit.page
    mount = f'.toelaten-oefening[data-exercise="{exercise.id}"]'
    answers = full_answers(exercise)
    fill_by_keyboard(page, exercise, answers, root=mount)
    assert page.locator(f"{mount} .tl-status").inner_text().startswith("Bewaard op dit apparaat")
    assert stored(page, exercise.id)[0]["answers"] == answers

    page.reload()
    visit.ready()
    if exercise.repeat:
        title = answers[exercise.entry["title_field"]]
        assert page.locator(f"{mount} .tl-entry-title").all_inner_texts() == [title]
        page.locator(f"{mount} .tl-entry-actions button").first.focus()
        page.keyboard.press("Enter")
    first_text = next(f for f in exercise.fields if f.kind in ("text", "longtext"))
    assert page.locator(f"{mount} [id$='-{first_text.id}']").input_value() == answers[first_text.id]
    assert page.locator(f"{mount} img, {mount} script, img[src=x]").count() == 0
    assert axe_violations(page, mount) == []
    assert visit.dialogs == []
    assert visit.off_host(site) == []
    assert visit.failures == []
