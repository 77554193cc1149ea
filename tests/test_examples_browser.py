"""The worked example in the book, as a learner sees it: before the exercise, read-only,
folded on a phone when long, never stored and never in Mijn werkboek."""

from __future__ import annotations

import json

import pytest

from browsing import PHONE, Visit
from toelaten.coursedata import CourseData

DATA = CourseData()
pytestmark = pytest.mark.browser

DAY1 = "book/dag-1/index.html"
WORKBOOK = "book/mijn-werkboek.html"
CHECK = DATA.exercise("zelfcheck")
PERSON = DATA.cast[CHECK.example["person"]]


def example_of(visit: Visit, exercise_id: str):
    return visit.page.locator(f".tl-example:has(+ #oefening-{exercise_id})")


def test_the_example_stands_before_the_exercise_and_cannot_be_typed_in(profile, site):
    visit = Visit(profile, site, DAY1)
    visit.ready()
    example = example_of(visit, CHECK.id)
    assert example.count() == 1
    assert example.is_visible()
    text = example.inner_text()
    assert f"Voorbeeld: zo vulde {PERSON.name} het in" in text
    assert PERSON.short in text
    assert "7 van 10" in text  # an answer, as words
    before = visit.page.evaluate(
        """() => {
          const ex = document.querySelector(".tl-example");
          const form = document.querySelector('[data-exercise="zelfcheck"]');
          return Boolean(ex.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert before
    assert example.locator("input, textarea, select, button, [contenteditable]").count() == 0
    # On a wide screen a long example is simply open.
    assert example.locator("dd").first.is_visible()


def test_a_long_example_is_folded_on_a_phone(profile, site):
    visit = Visit(profile, site, DAY1, PHONE)
    visit.ready()
    example = example_of(visit, CHECK.id)
    assert example.locator(".tl-example-title").is_visible()
    assert not example.locator("dd").first.is_visible()
    example.locator("summary").click()
    assert example.locator("dd").first.is_visible()


def test_the_example_is_not_stored_and_not_in_the_workbook(profile, site):
    visit = Visit(profile, site, DAY1)
    visit.ready()
    # The learner answers one question; only that is stored.
    visit.page.locator('[data-exercise="zelfcheck"] input[type="range"]').first.click()
    visit.page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.includes('zelfcheck'))"
    )
    stored = visit.page.evaluate("() => JSON.stringify({...localStorage})")
    assert PERSON.name not in stored
    assert CHECK.example["situation"][:30] not in stored
    body = json.loads(json.loads(stored)["toelaten:v1:zelfcheck"])
    assert len(body["entries"]) == 1
    visit.goto(WORKBOOK)
    visit.ready(".toelaten-werkboek[data-ready]")
    workbook = visit.page.locator(".toelaten-werkboek").inner_text()
    assert CHECK.title in workbook
    assert PERSON.name not in workbook
