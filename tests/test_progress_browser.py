"""The course path in the built book, as a learner meets it: "Begin met dag 1" on a first
visit, "Ga verder waar je was" once something is stored, the days and their exercises as
task lists with their state in words, and Mijn voortgang saying what `toelaten progress`
says of the same answers."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from browsing import PHONE, Visit, axe_violations, fill_by_keyboard
from samples import progress as journey
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises.progress import OPEN, State, exercise_state, resume, spec
from toelaten.sphinxext.progress_html import CHART_KINDS

DATA = CourseData()
STRINGS = DATA.strings
pytestmark = pytest.mark.browser

LANDING = "book/index.html"
PROGRESS = "book/mijn-voortgang.html"
WORKBOOK = "book/mijn-werkboek.html"
DAY2_LESSON = "book/dag-2/van-wie-is-die-stem.html"
EXPERIMENT = "book/dag-3/een-vraag-als-experiment.html"


def day_page(day_id: str) -> str:
    return f"{DATA.course.day(day_id).docname}.html"


def state_word(state: str) -> str:
    return {
        "open": STRINGS("progress.state.open"),
        "half": STRINGS("progress.state.half"),
        "done": STRINGS("progress.state.done"),
    }[state]


def ready(visit: Visit, selector: str = ".tl-progress") -> None:
    visit.page.wait_for_selector(f"{selector}[data-ready]", timeout=10_000)


def tags(page, widget: str) -> dict[str, str]:
    """Each exercise's (or day's) tag in ``widget``, as shown."""
    return page.eval_on_selector_all(
        f"{widget} .tl-task",
        """rows => Object.fromEntries(rows.map((r) => [
            r.dataset.taskExercise || r.dataset.taskDay,
            r.querySelector('.tl-tag').innerText.trim(),
        ]))""",
    )


def start_button(page):
    return page.locator(".toelaten-cursuspad a.tl-start")


def href_of(page, locator) -> str:
    """Where a link leads, from the site's root (no #fragment)."""
    url = urljoin(page.url, locator.get_attribute("href"))
    return url.split("#")[0]


def stored_states(page) -> dict[str, State]:
    """What the rule (Python's) says of the answers in this browser."""
    raw = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage[k]]))"
    )
    states = {}
    for exercise_id, exercise in DATA.exercises.items():
        body = json.loads(raw.get(f"toelaten:v1:{exercise_id}", '{"entries": []}'))
        states[exercise_id] = exercise_state(spec(exercise), body["entries"])
    return states


def put(page, bodies: dict) -> None:
    """``bodies`` (exercise id -> stored body) into the page's storage, as the book keeps them."""
    page.evaluate(
        "(bodies) => { for (const [id, body] of Object.entries(bodies))"
        " localStorage.setItem('toelaten:v1:' + id, JSON.stringify(body)); }",
        bodies,
    )


# ---- the way in ---------------------------------------------------------------------------


def test_a_first_visit_begins_with_day_1_and_a_saved_answer_leads_on(profile, site):
    visit = Visit(profile, site, LANDING)
    ready(visit)
    page = visit.page
    first = DATA.course.days[0]
    assert start_button(page).inner_text().strip() == STRINGS(
        "progress.path.start", number=first.number
    )
    assert href_of(page, start_button(page)) == site + day_page(first.id)
    assert set(tags(page, ".toelaten-dagen").values()) == {state_word(OPEN)}

    # An answer on day 2, typed as a learner does; then back to the landing page.
    visit.goto(DAY2_LESSON)
    visit.ready()
    fill_by_keyboard(page, DATA.exercise("wiens-stem"), {"zin": "Ik moet het zelf kunnen."})
    page.go_back()
    ready(visit)
    page.wait_for_function(
        "(text) => document.querySelector('.tl-start-text').textContent === text",
        arg=STRINGS("progress.path.resume"),
    )
    days = [(d.id, d.exercises) for d in DATA.course.days]
    # Where the learner was: the day-2 exercise just begun, not day 1 which was skipped.
    where = resume(days, stored_states(page))
    assert where == {"kind": "exercise", "id": "wiens-stem"}
    link = urljoin(page.url, start_button(page).get_attribute("href"))
    assert link.endswith("#oefening-wiens-stem"), link
    day2 = tags(page, ".toelaten-dagen")["dag-2"]
    assert day2 == STRINGS("progress.day_count", done=0, total=len(days[1][1]))
    assert not visit.failures, visit.failures


def test_going_on_leads_to_the_exercise_the_rule_names(profile, site):
    visit = Visit(profile, site, LANDING)
    put(visit.page, journey.bodies(DATA)[0])
    visit.goto(LANDING)
    ready(visit)
    page = visit.page
    where = resume([(d.id, d.exercises) for d in DATA.course.days], stored_states(page))
    assert where["kind"] == "exercise"
    link = urljoin(page.url, start_button(page).get_attribute("href"))
    assert link.endswith(f"#oefening-{where['id']}")
    title = DATA.exercise(where["id"]).title
    assert title in page.locator(".tl-start-next").inner_text()
    with page.expect_navigation():
        start_button(page).click()
    visit.ready()
    assert page.url == link
    assert page.locator(f"#oefening-{where['id']}").count() == 1
    assert page.locator(f'.toelaten-oefening[data-exercise="{where["id"]}"]').count() == 1


# ---- half done ------------------------------------------------------------------------------


def test_an_experiment_waiting_for_its_outcome_is_half_done_in_words(profile, site):
    experiment = DATA.exercise("experiment")
    before = {
        k: v
        for k, v in journey.everything(experiment).items()
        if not experiment.field(k).later and experiment.field(k).kind in ("text", "scale")
    }
    visit = Visit(profile, site, EXPERIMENT)
    visit.ready()
    page = visit.page
    fill_by_keyboard(
        page, experiment, before, root='.toelaten-oefening[data-exercise="experiment"]'
    )
    half, waiting = state_word("half"), STRINGS("progress.reason.waiting")
    for where, widget in ((PROGRESS, ".toelaten-voortgang"), (day_page("dag-3"), ".tl-progress")):
        visit.goto(where)
        ready(visit)
        assert tags(page, widget)["experiment"] == half, where
        row = page.locator(f'{widget} .tl-task[data-task-exercise="experiment"]')
        assert row.locator(".tl-task-hint").inner_text() == waiting
        # The link says it too, for a screen reader: the state is words, not a colour.
        link = row.get_by_role("link", name=experiment.title, exact=True)
        description = link.evaluate(
            "a => a.getAttribute('aria-describedby').split(' ')"
            ".map((id) => document.getElementById(id).innerText).join(' ')"
        )
        assert half in description and waiting in description
    # The three states read differently, and each has its own shape, not only its colour.
    put(visit.page, journey.bodies(DATA)[0])
    visit.goto(PROGRESS)
    ready(visit)
    shown = page.eval_on_selector_all(
        ".toelaten-voortgang .tl-task .tl-tag",
        """tags => tags.map((t) => {
            const shape = getComputedStyle(t, '::before');
            const fill = shape.backgroundImage + shape.backgroundColor;
            return [t.dataset.state, t.innerText.trim(), fill];
        })""",
    )
    words = {state: text for state, text, _ in shown}
    shapes = {state: shape for state, _, shape in shown}
    assert len(set(words.values())) == len(set(shapes.values())) == 3


def test_mijn_voortgang_gathers_the_charts_of_the_answers(profile, site):
    charted = [e for e in DATA.exercises.values() if (e.overview or {}).get("kind") in CHART_KINDS]
    assert {e.overview["kind"] for e in charted} == set(CHART_KINDS)
    visit = Visit(profile, site, PROGRESS)
    first, *rest = charted
    put(visit.page, {e.id: {"entries": [journey.entry(1, journey.everything(e))]} for e in rest})
    visit.goto(PROGRESS)
    visit.ready(".toelaten-voortgang")
    page = visit.page
    for exercise in rest:
        slot = page.locator(f'.tl-chart-item[data-chart="{exercise.id}"] .tl-chart-slot')
        assert slot.locator("figure.tl-figure").count() == 1, exercise.id
        assert slot.locator("table").count() == 1, exercise.id  # the same facts as text
    empty = page.locator(f'.tl-chart-item[data-chart="{first.id}"] .tl-chart-slot')
    assert empty.locator("figure").count() == 0
    assert empty.inner_text() == STRINGS("progress.charts.empty")
    assert not visit.failures, visit.failures


# ---- the command line and the page agree ----------------------------------------------------


def test_mijn_voortgang_and_toelaten_progress_agree_on_one_answers_file(profile, site, tmp_path):
    answers = tmp_path / "antwoorden.json"
    answers.write_text(json.dumps(journey.document(DATA), ensure_ascii=False), encoding="utf-8")
    journal = tmp_path / "journal.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(answers), "--journal", str(journal)]).exit_code == 0
    printed = runner.invoke(main, ["progress", "--journal", str(journal)]).output.splitlines()

    visit = Visit(profile, site, WORKBOOK)
    visit.ready(".toelaten-werkboek")
    visit.page.locator(".tl-workbook input[type=file]").set_input_files(str(answers))
    visit.page.wait_for_function(
        "() => document.querySelector('.tl-status').textContent.length > 0"
    )
    visit.goto(PROGRESS)
    ready(visit)
    page = visit.page
    shown = tags(page, ".toelaten-voortgang .tl-progress-day")
    for exercise_id, word in shown.items():
        title = DATA.exercise(exercise_id).title
        line = next(ln for ln in printed if f" {title}: " in ln)
        assert line.split(f" {title}: ")[1].startswith(word), (line, word)
        hint = page.locator(
            f'.tl-task[data-task-exercise="{exercise_id}"] .tl-task-hint'
        ).inner_text()
        assert (hint in line) if hint else ("–" not in line.split(f" {title}: ")[1]), line
    days = page.eval_on_selector_all(
        ".tl-day-state", "els => els.map((e) => [e.dataset.taskDay, e.innerText.trim()])"
    )
    for day_id, word in days:
        heading = DATA.course.day(day_id).heading(STRINGS)
        assert f"{heading}  ({word})" in printed
    expected = {i: state_word(s) for i, (s, _) in journey.bodies(DATA)[1].items()}
    assert shown == expected


# ---- nothing moves, nothing hides -----------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desk"])
def test_the_path_takes_the_same_room_before_and_after_the_answers_are_read(
    browser, site, viewport
):
    """Before the course path's script has read the answers (here: never, its file does
    not come), the widgets keep the room the answers will need: the rows and what follows
    stay where they are when it has."""
    # Where each row, line and heading is and how tall (the charts below the lists of
    # Mijn voortgang do grow: they come last).
    measure = """() => [...document.querySelectorAll(
        '.tl-task, .tl-start-next, .tl-progress-summary li, h2')].map((el) => {
            const box = el.getBoundingClientRect();
            return [box.top, box.height];
        })"""
    boxes = {}
    for scripts in (False, True):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(site + LANDING)
        put(page, journey.bodies(DATA)[0])
        if not scripts:
            page.route("**/_static/toelaten/*.js*", lambda route: route.abort())
        for rel in (LANDING, day_page("dag-3"), PROGRESS):
            page.goto(site + rel)
            if scripts:
                page.wait_for_selector(".tl-progress[data-ready]")
            else:
                assert page.locator(".tl-progress[data-ready]").count() == 0
            boxes[(scripts, rel)] = page.evaluate(measure)
        context.close()
    for rel in (LANDING, day_page("dag-3"), PROGRESS):
        after, before = boxes[(True, rel)], boxes[(False, rel)]
        assert len(after) == len(before), rel
        moved = [
            (a, b)
            for a, b in zip(after, before, strict=True)
            if max(map(abs, (a[0] - b[0], a[1] - b[1]))) >= 1
        ]
        assert not moved, (rel, moved[:3])  # less than a pixel: line boxes round


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_path_has_no_accessibility_violations(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site + LANDING)
    put(page, journey.bodies(DATA)[0])
    for rel in (LANDING, day_page("dag-3"), PROGRESS):
        page.goto(site + rel)
        page.wait_for_selector(".tl-progress[data-ready]")
        assert axe_violations(page, ".tl-progress") == [], (rel, scheme)
    context.close()
