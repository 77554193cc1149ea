"""The exercise logic that is more than storage, as a learner sees it in the book."""

from __future__ import annotations

import json

import pytest

from browsing import Visit
from samples.answers import entry
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser
DAY1 = "book/dag-1/waarom-vragen-moeilijk-is.html"
DAY3 = "book/dag-3/klein-beginnen.html"
EXPERIMENT = "book/dag-3/een-vraag-als-experiment.html"
DAY5 = "book/dag-5/verbinding-houden.html"


def saved(visit: Visit, answers_by_exercise: dict, then: str, ready=".toelaten-oefening") -> None:
    """Put answers in this browser's storage, then open ``then``."""
    for exercise_id, entries in answers_by_exercise.items():
        value = json.dumps(json.dumps({"entries": entries}))
        visit.page.evaluate(f"localStorage.setItem('toelaten:v1:{exercise_id}', {value})")
    visit.goto(then)
    visit.ready(ready)


def e(n: int, **answers) -> dict:
    return entry(f"e{n}", **answers)


def test_the_ladder_keeps_its_rungs_sorted_by_difficulty(profile, site):
    visit = Visit(profile, site, DAY3)
    rungs = [
        e(1, vraag="Moeilijk", moeilijk=8),
        e(2, vraag="Makkelijk", moeilijk=1),
        e(3, vraag="Midden", moeilijk=5),
    ]
    saved(visit, {"vraagladder": rungs}, DAY3)
    ladder = visit.page.locator('[data-exercise="vraagladder"]')
    assert ladder.locator(".tl-entry-title").all_inner_texts() == [
        "Makkelijk",
        "Midden",
        "Moeilijk",
    ]
    assert ladder.locator(".tl-ladder-list li").all_inner_texts() == [
        "Makkelijk: moeilijk 1 van 10",
        "Midden: moeilijk 5 van 10",
        "Moeilijk: moeilijk 8 van 10",
    ]
    # In the drawing the easiest rung is lowest: the largest y.
    ys = ladder.locator(".tl-ladder .tl-ladder-text").evaluate_all(
        "ts => ts.map(t => [t.textContent, t.getBoundingClientRect().top])"
    )
    assert [name for name, _ in sorted(ys, key=lambda t: -t[1])] == [
        "Makkelijk",
        "Midden",
        "Moeilijk",
    ]
    minimum = DATA.exercise("vraagladder").entry["minimum"]
    assert f"Probeer er minstens {minimum} te maken." in ladder.inner_text()


def hint(looks_for: str, n: int | None = None) -> str:
    """The message of the een-zin check of that kind or that looks for that word: with its
    count ``n``, or else what comes before the count."""
    for check in DATA.exercise("een-zin").checks:
        if looks_for in (check["kind"], *check.get("words", ())):
            message = check["message"]
            return message.split("{n}")[0] if n is None else message.replace("{n}", str(n))
    raise LookupError(looks_for)


# What each check looks for: one sentence, one sorry at most, a question ("wil je"),
# when ("morgen"), how long ("minuten").
ONE, SORRY, QUESTION, WHEN, HOW_LONG = "max-sentences", "max-count", "wil je", "morgen", "minuten"
WHAT_WHEN_HOW = [QUESTION, WHEN, HOW_LONG]


@pytest.mark.parametrize(
    ("sentence", "shown", "not_shown"),
    [
        ("Sorry, sorry! Wil je me helpen? Het spijt me.", {ONE: 3, SORRY: 3}, []),
        ("Wil je zaterdag een uurtje helpen met verhuizen?", {}, [ONE, SORRY, *WHAT_WHEN_HOW]),
        ("Ik zit een beetje vast met alles.", dict.fromkeys(WHAT_WHEN_HOW), [SORRY]),
        ("Kun je morgen even meekijken?", {HOW_LONG: None}, [WHEN, QUESTION, SORRY]),
    ],
)
def test_een_zin_gives_gentle_hints_while_you_type(profile, site, sentence, shown, not_shown):
    visit = Visit(profile, site, DAY3)
    visit.ready()
    box = visit.page.locator('[data-exercise="een-zin"] input[id$="-zin"]')
    box.fill(sentence)
    hints = visit.page.locator('[data-exercise="een-zin"] [id$="-zin-hints"]').inner_text()
    for looks_for, n in shown.items():
        assert hint(looks_for, n) in hints
    for looks_for in not_shown:
        assert hint(looks_for) not in hints
    assert "cijfer" not in hints and "fout" not in hints  # hints, never grades


def test_experiments_show_prediction_against_outcome(profile, site):
    visit = Visit(profile, site, EXPERIMENT)
    runs = [
        e(
            1,
            vraag="Lift vragen",
            kans_ja=20,
            irritatie_verwacht=6,
            uitkomst="ja",
            irritatie_echt=1,
        ),
        e(
            2,
            vraag="Hulp bij verhuizen",
            kans_ja=30,
            irritatie_verwacht=8,
            uitkomst="deels",
            irritatie_echt=3,
        ),
        e(3, vraag="Nog niet gedaan", kans_ja=50),
    ]
    saved(visit, {"experiment": runs}, EXPERIMENT)
    box = visit.page.locator('[data-exercise="experiment"]')
    chance, irritation = box.locator(".tl-summary li").all_inner_texts()
    assert "25 van 100" in chance and "1 keer ja" in chance and "1 keer deels ja" in chance
    assert "7 van 10" in irritation and "2 van 10" in irritation
    rows = box.locator(".tl-table tbody tr")
    assert rows.count() == 2  # an experiment without an outcome is not in the chart yet
    assert box.locator(".tl-bars .tl-bar-group").count() == 2
    chance, irritation = rows.nth(1).locator("td").all_inner_texts()
    assert "30 van 100" in chance and "Deels ja" in chance  # the answer, not a number
    assert "8 van 10" in irritation and "3 van 10" in irritation


def test_a_day_5_map_typed_by_hand_is_compared_with_day_1_by_name(profile, site):
    """Without copies from day 1 (typed again, or saved before copies kept their origin),
    people are matched by name; test_exercise_carryover.py matches copies by entry."""
    visit = Visit(profile, site, DAY5)
    before = [
        e(1, naam="Anna", kring="midden", laatst="jaar"),
        e(2, naam="Koen", kring="verder", laatst="nooit"),
        e(3, naam="Mijn zus", kring="dichtbij", laatst="week"),
    ]
    now = [
        e(1, naam="anna ", kring="dichtbij", laatst="week"),
        e(2, naam="Koen", kring="verder", laatst="nooit"),
        e(4, naam="Oefenmaatje Sam", kring="midden", laatst="week"),
    ]
    saved(visit, {"steunkaart": before, "steunkaart-2": now}, DAY5)
    summary = visit.page.locator('[data-exercise="steunkaart-2"] .tl-compare li').all_inner_texts()
    assert summary == [
        "Nieuw op je kaart: Oefenmaatje Sam.",
        "Dichterbij gekomen: anna.",
        "Vaker gevraagd dan op dag 1: anna.",
        "Niet meer op je kaart: Mijn zus.",
    ]


def action(exercise_id: str, target: str) -> dict:
    """The action of ``exercise_id`` that copies an answer into ``target``."""
    return next(a for a in DATA.exercise(exercise_id).actions if a["target"] == target)


def test_a_small_ask_goes_onto_the_ladder_and_a_rung_becomes_an_experiment(profile, site):
    visit = Visit(profile, site, "book/dag-2/van-wie-is-die-stem.html")
    ask = "Buurvrouw om een pakket vragen"
    saved(
        visit,
        {"wiens-stem": [e(1, zin="Ik moet het zelf kunnen.", kleine_vraag=ask)]},
        "book/dag-2/van-wie-is-die-stem.html",
    )
    to_ladder = action("wiens-stem", "vraagladder")
    button = f"{to_ladder['label']}: Ik moet het zelf kunnen."
    visit.page.get_by_role("button", name=button).click()
    assert visit.page.locator(".tl-status").inner_text() == to_ladder["done"]
    visit.goto(DAY3)
    visit.ready()
    ladder = visit.page.locator('[data-exercise="vraagladder"]')
    assert ladder.locator(".tl-entry-title").all_inner_texts() == [ask]
    to_experiment = action("vraagladder", "experiment")
    ladder.get_by_role("button", name=f"{to_experiment['label']}: {ask}").click()
    assert ladder.locator(".tl-status").inner_text() == to_experiment["done"]
    visit.goto(EXPERIMENT)
    visit.ready()
    experiment = visit.page.locator('[data-exercise="experiment"]')
    assert experiment.locator(".tl-entry-title").all_inner_texts() == [ask]


def test_the_progress_page_leads_to_each_exercise_where_it_lives(profile, site):
    visit = Visit(profile, site, "book/mijn-voortgang.html")
    visit.ready(".toelaten-voortgang")
    page = visit.page
    title = DATA.exercise("steunkaart").title
    with page.expect_navigation():
        page.get_by_role("link", name=title, exact=True).click()
    assert page.url.endswith(f"{DAY1}#oefening-steunkaart")
    visit.ready()
    mount = page.locator('#oefening-steunkaart [data-exercise="steunkaart"]')
    assert mount.is_visible() and mount.evaluate("el => el.getBoundingClientRect().top < 200")
