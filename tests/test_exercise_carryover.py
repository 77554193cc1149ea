"""What a learner carries from one day to another, in the built book: entries of a
repeatable exercise that stay apart, day 5's support map that starts from day 1's and shows
what changed (people matched by entry, not by spelling), and day 1's log shown on day 2."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browsing import Visit, axe_violations, fill_by_keyboard
from samples.answers import entry, full_answers
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser

DAY1_MAP = "book/dag-1/waarom-vragen-moeilijk-is.html"
DAY1_LOG = "book/dag-1/afsluiting.html"
DAY2 = "book/dag-2/van-wie-is-die-stem.html"
DAY5 = "book/dag-5/verbinding-houden.html"
MAP1 = '[data-exercise="steunkaart"]'
MAP5 = '[data-exercise="steunkaart-2"]'
LOG = '[data-exercise="twijfelmoment"]'
AUDIT = '[data-exercise="wiens-stem"]'
GONE = "Niet meer op je kaart"


def stored(page, exercise_id: str) -> list[dict]:
    raw = page.evaluate("id => localStorage.getItem('toelaten:v1:' + id)", exercise_id)
    return json.loads(raw)["entries"] if raw else []


def add(page, root: str, exercise_id: str, answers: dict) -> None:
    """A new entry, typed with the keyboard and saved with Bewaren (which closes it)."""
    exercise = DATA.exercise(exercise_id)
    box = page.locator(root)
    if box.locator(".tl-form").is_hidden():
        box.get_by_role("button", name=exercise.entry["add"]).click()
    fill_by_keyboard(page, exercise, answers, root)
    expect(box.locator(".tl-form")).to_be_hidden()


@pytest.fixture
def visit(profile, site):
    visits: list[Visit] = []

    def open_page(rel: str) -> Visit:
        if visits:
            visits[0].goto(rel)
        else:
            visits.append(Visit(profile, site, rel))
        visits[0].ready()
        return visits[0]

    yield open_page
    for opened in visits:
        assert not opened.off_host(site), opened.off_host(site)
        assert not opened.failures, opened.failures


def test_a_repeat_exercise_saved_twice_keeps_two_entries(visit):
    page = visit(DAY1_MAP).page
    add(page, MAP1, "steunkaart", {"naam": "Ingrid", "kring": "dichtbij"})
    add(page, MAP1, "steunkaart", {"naam": "Buurvrouw Els", "kring": "verder"})
    assert [e["answers"]["naam"] for e in stored(page, "steunkaart")] == ["Ingrid", "Buurvrouw Els"]
    page.reload()
    visit(DAY1_MAP)
    titles = page.locator(f"{MAP1} .tl-entry-title")
    assert titles.all_inner_texts() == ["Ingrid", "Buurvrouw Els"]


def test_annuleren_asks_before_it_undoes_typed_text_and_never_loses_it_silently(visit):
    tab = visit(DAY1_MAP)
    page, box = tab.page, tab.page.locator(MAP1)
    add(page, MAP1, "steunkaart", {"naam": "Ingrid"})
    # An untouched new entry: Annuleren just closes it, nothing asked, nothing stored.
    box.get_by_role("button", name=DATA.exercise("steunkaart").entry["add"]).click()
    box.get_by_role("button", name="Annuleren").click()
    assert tab.dialogs == []
    expect(box.locator(".tl-form")).to_be_hidden()
    assert len(stored(page, "steunkaart")) == 1
    # Typed text: Annuleren asks; "no" keeps the text where it was.
    box.get_by_role("button", name="Aanpassen: Ingrid").click()
    box.locator(".tl-form [id$='-naam']").fill("Ingrid B.")
    box.get_by_role("button", name="Annuleren").click()
    assert len(tab.dialogs) == 1
    expect(box.locator(".tl-form [id$='-naam']")).to_have_value("Ingrid B.")
    assert stored(page, "steunkaart")[0]["answers"]["naam"] == "Ingrid B."  # kept as typed
    # "yes" puts back what was there when the form opened.
    tab.accept_dialogs = True
    box.get_by_role("button", name="Annuleren").click()
    expect(box.locator(".tl-form")).to_be_hidden()
    assert [e["answers"]["naam"] for e in stored(page, "steunkaart")] == ["Ingrid"]
    assert box.locator(".tl-entry-title").all_inner_texts() == ["Ingrid"]


def test_day_5_takes_over_day_1_and_shows_what_changed_matched_by_entry(visit):
    tab = visit(DAY1_MAP)
    page = tab.page
    for person in (
        {"naam": "Ingrid", "kring": "dichtbij", "laatst": "jaar"},
        {"naam": "Koen", "kring": "verder", "laatst": "nooit"},
        {"naam": "Mijn zus", "kring": "midden", "laatst": "week"},
    ):
        add(page, MAP1, "steunkaart", person)
    day1 = stored(page, "steunkaart")

    visit(DAY5)
    box = page.locator(MAP5)
    # Before the learner has begun: day 1's map and the offer, nobody "gone", no empty form.
    expect(box.get_by_role("button", name="Neem je kaart van dag 1 over")).to_be_visible()
    assert GONE.lower() not in box.inner_text().lower()
    expect(box.locator(".tl-form")).to_be_hidden()
    assert box.locator(".tl-compare-map").count() == 1
    assert axe_violations(page, MAP5) == []

    box.get_by_role("button", name="Neem je kaart van dag 1 over").click()
    day5 = stored(page, "steunkaart-2")
    assert [(e["origin"], e["answers"]) for e in day5] == [(e["id"], e["answers"]) for e in day1]
    assert not {e["id"] for e in day5} & {e["id"] for e in day1}, "new entries, not day 1's"
    expect(box.get_by_role("button", name="Neem je kaart van dag 1 over")).to_have_count(0)
    assert box.locator(".tl-entry-title").all_inner_texts() == ["Ingrid", "Koen", "Mijn zus"]

    # Koen came closer; Ingrid is renamed (the same person); nobody new, nobody gone.
    box.get_by_role("button", name="Aanpassen: Koen").click()
    box.locator(".tl-form").get_by_label("Heel dichtbij", exact=True).check()
    box.get_by_role("button", name="Bewaren").click()
    box.get_by_role("button", name="Aanpassen: Ingrid").click()
    box.locator(".tl-form [id$='-naam']").fill("Ingrid B.")
    box.get_by_role("button", name="Bewaren").click()
    summary = box.locator(".tl-compare li")
    expect(summary).to_have_count(1)
    assert summary.all_inner_texts() == ["Dichterbij gekomen: Koen."]
    assert box.locator(".tl-compare-map").count() == 2  # both maps, side by side

    # Ingrid moves out too: said under her new name, with the old one.
    box.get_by_role("button", name="Aanpassen: Ingrid B.").click()
    box.locator(".tl-form").get_by_label("Wat verder weg", exact=True).check()
    box.get_by_role("button", name="Bewaren").click()
    expect(summary).to_have_count(2)
    page.reload()
    visit(DAY5)
    assert box.locator(".tl-compare li").all_inner_texts() == [
        "Dichterbij gekomen: Koen.",
        "Verder weg gegaan: Ingrid B. (op dag 1: Ingrid).",
    ]
    assert GONE.lower() not in box.inner_text().lower()
    then, now = (box.locator(".tl-compare-map table").nth(i).inner_text() for i in (0, 1))
    assert "Ingrid" in then and "Ingrid B." not in then
    assert "Ingrid B." in now
    assert axe_violations(page, MAP5) == []


def test_nothing_is_gone_from_day_5_before_the_learner_begins_it(visit):
    tab = visit(DAY1_MAP)
    add(tab.page, MAP1, "steunkaart", {"naam": "Ingrid", "kring": "dichtbij"})
    visit(DAY5)
    box = tab.page.locator(MAP5)
    assert GONE.lower() not in box.inner_text().lower()
    # Beginning by hand instead: now day 5 can say who is not on the new map (yet).
    box.get_by_role("button", name=DATA.exercise("steunkaart-2").entry["add"]).click()
    box.locator(".tl-form [id$='-naam']").fill("Oefenmaatje Sam")
    box.locator(".tl-form").get_by_label("Dichtbij", exact=True).check()
    box.get_by_role("button", name="Bewaren").click()
    expect(box.locator(".tl-compare li")).to_have_text(
        ["Nieuw op je kaart: Oefenmaatje Sam.", f"{GONE}: Ingrid."]
    )


def test_day_2_shows_the_log_typed_on_day_1(visit):
    tab = visit(DAY2)
    page, look = tab.page, tab.page.locator(f"{AUDIT} .tl-look-back")
    expect(look).to_contain_text("Je hebt nog niets in je logboek van dag 1 gezet.")
    look.get_by_role("link", name="Naar je logboek van dag 1").click()
    page.wait_for_url(f"**/{DAY1_LOG}#oefening-twijfelmoment")
    tab.ready()
    moment = {
        "wanneer": "Dinsdagavond",
        "wie": "Mijn buurman",
        "wat": "Of hij mijn pakket wilde aannemen",
        "tegenhield": "Ik wil niemand tot last zijn.",
    }
    add(page, LOG, "twijfelmoment", moment)
    page.reload()
    tab.ready()
    visit(DAY2)
    expect(look).to_have_attribute("open", "")
    assert look.locator("summary").inner_text() == "Je logboek van dag 1 (1)"
    assert look.locator(".tl-look-back-title").all_inner_texts() == [moment["wat"]]
    assert look.locator("dd").all_inner_texts() == [
        moment["wanneer"],
        moment["wie"],
        moment["tegenhield"],
    ]
    assert look.locator("input, textarea, button").count() == 0  # read-only
    assert axe_violations(page, AUDIT) == []
    # The link the build wrote for readers without a script is inside the exercise now.
    expect(page.locator("p.tl-look-back-link")).to_be_hidden()


def test_an_experiment_waiting_for_its_outcome_says_so_in_the_list(html, site, profile):
    """An entry saved before its after-the-fact questions are answered (the experiment's
    outcome) says what is still to do, where the learner sees the entry; answered, it
    says nothing more."""
    exercise = DATA.exercise("experiment")
    later = [f.id for f in exercise.fields if f.later]
    assert later, "the experiment has questions answered afterwards"
    full = full_answers(exercise, "Ik vraag mijn buurman om hulp met de ladder.")
    waiting = {k: v for k, v in full.items() if k not in later}
    bodies = {"entries": [entry("e1", **waiting), entry("e2", **full)]}
    visit = Visit(profile, site, "book/dag-3/een-vraag-als-experiment.html")
    visit.page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", ["toelaten:v1:experiment", json.dumps(bodies)]
    )
    visit.page.reload()
    visit.ready()
    rows = visit.page.locator(".tl-entry")
    expect(rows).to_have_count(2)
    todo = [rows.nth(i).locator(".tl-entry-todo").is_visible() for i in range(2)]
    assert sorted(todo) == [False, True]
