"""The flagship exercise in the built book, as a learner uses it: keyboard, reload, files."""

from __future__ import annotations

import json

import pytest

import browsing
from browsing import Visit, axe_violations
from samples.answers import BAD, GOOD
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser

LESSON = "book/dag-2/van-wie-is-die-stem.html"
NOTEBOOK = "exercises/dag-2/wiens-stem.html"
WORKBOOK = "book/mijn-werkboek.html"
KEY = "toelaten:v1:wiens-stem"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(2)</script>"

ANSWERS = {
    "zin": f"Ik moet het zelf kunnen {XSS_IMG}",
    "waar_voor": 70,
    "stem": "norm",
    "eerst_gehoord": "Op mijn eerste baan 🙂",
    "beschermt": f"Dat ze denken dat ik het niet kan. {XSS_SCRIPT}",
    "vriend": "Vragen is slim, niet zwak. אני צריך עזרה",
    "nieuwe_zin": "Ik mag vragen, ook als ik het zelf zou kunnen.",
    "waar_na": 30,
    "nieuw_waar": 85,
    "kleine_vraag": "Mijn buurvrouw vragen of ze zaterdag een pakket aanneemt.",
}


def fill_by_keyboard(page, answers: dict) -> None:
    """Type every answer of the flagship with the keyboard only (see browsing.py)."""
    browsing.fill_by_keyboard(page, DATA.exercise("wiens-stem"), answers)


def form_values(page) -> dict:
    exercise = DATA.exercise("wiens-stem")
    values = {}
    for field in exercise.fields:
        if field.kind == "choice":
            checked = page.locator(".tl-form input[type=radio]:checked")
            values[field.id] = checked.get_attribute("value") if checked.count() else None
            continue
        control = page.locator(f".tl-form [id$='-{field.id}']")
        value = control.input_value()
        unset = "tl-unset" in (control.get_attribute("class") or "")
        values[field.id] = None if unset else int(value) if field.kind == "scale" else value
    return values


def stored(page) -> list:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw)["entries"] if raw else []


@pytest.fixture
def visit(profile, site):
    visit = Visit(profile, site, LESSON)
    visit.ready()
    yield visit
    assert not visit.off_host(site), visit.off_host(site)
    assert not visit.failures, visit.failures


def test_fill_every_field_by_keyboard_save_and_find_it_after_a_reload(visit):
    page = visit.page
    fill_by_keyboard(page, ANSWERS)
    assert page.locator(".tl-status").inner_text().startswith("Bewaard op dit apparaat om")
    assert stored(page)[0]["answers"] == ANSWERS

    page.reload()
    visit.ready()
    assert page.locator(".tl-entry-title").all_inner_texts() == [ANSWERS["zin"]]
    page.get_by_role("button", name=f"Aanpassen: {ANSWERS['zin']}").focus()
    page.keyboard.press("Enter")
    assert form_values(page) == ANSWERS
    assert page.evaluate("document.activeElement.id").endswith("-zin")


def test_a_second_audit_and_the_overview_shows_both(visit):
    page = visit.page
    fill_by_keyboard(page, ANSWERS)  # ends with Bewaren, which closes the form
    page.get_by_role("button", name=DATA.exercise("wiens-stem").entry["add"]).click()
    second = {"zin": "Ik val anderen lastig.", "waar_voor": 90, "waar_na": 50, "nieuw_waar": 60}
    fill_by_keyboard(page, second)

    assert len(stored(page)) == 2
    rows = page.locator(".tl-table tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("th").inner_text() == ANSWERS["zin"]
    assert rows.nth(1).locator("td").all_inner_texts() == ["90", "50", "60"]
    groups = page.locator(".tl-bars .tl-bar-group")
    assert groups.locator(".tl-bar-title").all_text_contents() == [ANSWERS["zin"], second["zin"]]
    first = [groups.nth(i).locator(".tl-bar").first.bounding_box()["width"] for i in range(2)]
    assert first[1] > first[0]  # "waar_voor" 90 against 70
    page.reload()
    visit.ready()
    assert page.locator(".tl-table tbody tr").count() == 2


def test_hostile_text_shows_as_text_and_never_runs(visit):
    page = visit.page
    fill_by_keyboard(page, ANSWERS)
    for rel, shown in ((LESSON, [XSS_IMG]), (WORKBOOK, [XSS_IMG, XSS_SCRIPT])):
        visit.goto(rel)
        visit.ready(".toelaten-werkboek" if rel == WORKBOOK else ".toelaten-oefening")
        text = page.locator("article.tl-article").inner_text()
        for hostile in shown:
            assert hostile in text
        assert page.locator(".tl-oefening img, .tl-oefening script, img[src=x]").count() == 0
    assert visit.dialogs == []


def test_download_wipe_and_restore_on_the_workbook_page(visit, tmp_path):
    page = visit.page
    fill_by_keyboard(page, ANSWERS)
    visit.goto(WORKBOOK)
    visit.ready(".toelaten-werkboek")
    assert ANSWERS["nieuwe_zin"] in page.locator(".tl-workbook-content").inner_text()

    with page.expect_download() as info:
        page.get_by_role("button", name="Mijn antwoorden downloaden").click()
    download = tmp_path / info.value.suggested_filename
    info.value.save_as(download)
    assert download.name.startswith("mijn-antwoorden-")
    data = json.loads(download.read_text(encoding="utf-8"))
    assert data["format"] == "toelaten-antwoorden"
    assert data["exercises"]["wiens-stem"]["entries"][0]["answers"] == ANSWERS

    page.get_by_role("button", name="Alles wissen").click()  # dismissed: nothing happens
    assert stored(page)
    visit.accept_dialogs = True
    page.get_by_role("button", name="Alles wissen").click()
    assert stored(page) == []
    assert "nog niets ingevuld" in page.locator(".tl-workbook-content").inner_text()

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Antwoorden terugzetten").click()
    chooser.value.set_files(str(download))
    page.wait_for_function(
        "() => document.querySelector('.tl-status').textContent.includes('Teruggezet')"
    )
    visit.goto(LESSON)
    visit.ready()
    assert page.locator(".tl-entry-title").all_inner_texts() == [ANSWERS["zin"]]
    assert len(visit.dialogs) == 2


def test_restoring_keeps_what_was_already_there(visit):
    page = visit.page
    fill_by_keyboard(page, {"zin": "Al op dit apparaat"})
    visit.goto(WORKBOOK)
    visit.ready(".toelaten-werkboek")
    page.locator(".tl-workbook input[type=file]").set_input_files(
        files=[{"name": "a.json", "mimeType": "application/json", "buffer": GOOD.encode()}]
    )
    page.wait_for_function(
        "() => document.querySelector('.tl-status').textContent.includes('Teruggezet')"
    )
    zinnen = sorted(e["answers"].get("zin") for e in stored(page))
    assert zinnen == sorted(
        [
            "Al op dit apparaat",
            json.loads(GOOD)["exercises"]["wiens-stem"]["entries"][0]["answers"]["zin"],
        ]
    )


@pytest.mark.parametrize(("name", "raw", "phrase"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_gives_a_dutch_message_and_changes_nothing(profile, site, name, raw, phrase):
    visit = Visit(profile, site, WORKBOOK)
    visit.ready(".toelaten-werkboek")
    page = visit.page
    before = [
        {
            "id": "k1",
            "created": "2026-11-20T09:00:00Z",
            "updated": "2026-11-20T09:00:00Z",
            "answers": {"zin": "Blijft"},
        }
    ]
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps({'entries': before}))})")
    page.locator(".tl-workbook input[type=file]").set_input_files(
        files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": raw.encode()}]
    )
    # A function: Playwright evals a bare expression on every poll, which the policy forbids.
    page.wait_for_function("() => document.querySelector('.tl-status').textContent.length > 0")
    message = page.locator(".tl-status").inner_text()
    assert message.startswith("Niet teruggezet.")
    assert phrase in message
    assert message.endswith("Er is niets veranderd.")
    assert stored(page) == before


def test_the_exercise_has_no_accessibility_violations(visit):
    page = visit.page
    assert axe_violations(page, ".tl-oefening") == []  # the empty form
    fill_by_keyboard(page, ANSWERS)  # Bewaren closes the form
    assert axe_violations(page, ".tl-oefening") == []  # the list and the overview
    visit.goto(WORKBOOK)
    visit.ready(".toelaten-werkboek")
    assert axe_violations(page, ".toelaten-werkboek") == []


def test_the_notebook_page_runs_the_same_exercise_without_a_kernel(profile, site):
    visit = Visit(profile, site, NOTEBOOK)
    visit.ready()
    fill_by_keyboard(visit.page, {"zin": "Vanuit het notebook"})
    visit.goto(LESSON)
    visit.ready()
    assert visit.page.locator(".tl-entry-title").all_inner_texts() == ["Vanuit het notebook"]
    assert not visit.off_host(site)
    assert not [u for u in visit.requests if "require" in u or "embed-amd" in u]


def test_only_pages_with_an_exercise_load_its_script(html):
    mounts = ('class="toelaten-oefening"', 'class="toelaten-werkboek"', "toelaten-voortgang")
    loading = set()
    for path in html.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(html).as_posix()
        has_mount = any(m in text for m in mounts)
        assert ("toelaten/oefeningen.js" in text) == has_mount, rel
        if has_mount:
            loading.add(rel)
    assert {LESSON, NOTEBOOK, WORKBOOK} <= loading
    without = {"book/privacy.html", "book/index.html", "book/als-het-even-niet-gaat.html"}
    assert not without & loading


def test_saving_an_entry_closes_it_so_the_next_one_is_new_not_typed_over(visit):
    """A learner saves one sentence, then types the next in what is on screen: it must
    become a second entry, never replace the first (as it did while the form stayed open)."""
    page = visit.page
    add = DATA.exercise("wiens-stem").entry["add"]
    fill_by_keyboard(page, {"zin": "Ik moet het zelf kunnen."})
    assert page.locator(".tl-form").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == add  # the obvious next step
    page.keyboard.press("Enter")
    fill_by_keyboard(page, {"zin": "Ik val anderen lastig."})
    sentences = [e["answers"]["zin"] for e in stored(page)]
    assert sentences == ["Ik moet het zelf kunnen.", "Ik val anderen lastig."]
    assert page.locator(".tl-entry-title").all_inner_texts() == sentences
    # Changing a saved one is explicit: Aanpassen opens it, Bewaren closes it again.
    page.get_by_role("button", name="Aanpassen: Ik val anderen lastig.").click()
    field = page.locator(".tl-form [id$='-zin']")
    field.fill("Ik val anderen niet lastig.")
    page.get_by_role("button", name="Bewaren").click()
    assert [e["answers"]["zin"] for e in stored(page)] == [
        "Ik moet het zelf kunnen.",
        "Ik val anderen niet lastig.",
    ]


def test_a_help_link_under_the_intro_leads_to_the_help_page(profile, site):
    """The intros are plain text; the help page is a real link under them (help_link)."""
    visit = Visit(profile, site, "book/dag-5/eenzaamheid-als-signaal.html")
    visit.ready()
    exercise = visit.page.locator("[data-exercise='mijn-spiraal']")
    link = exercise.locator(".tl-intro + .tl-help-line a")
    assert link.inner_text() == DATA.strings("help.title")
    assert visit.page.locator(".tl-help-link:visible").count() == 0, "the build's copy is hidden"
    link.click()
    visit.page.wait_for_load_state()
    assert visit.page.url.split("?")[0].endswith("als-het-even-niet-gaat.html")
    assert not visit.failures, visit.failures


def test_a_sentence_that_meets_every_tip_is_told_so(profile, site):
    visit = Visit(profile, site, "book/dag-3/klein-beginnen.html")
    visit.ready()
    exercise = visit.page.locator("[data-exercise='een-zin']")
    sentence = exercise.locator("input[id$='-zin']").first
    hints = exercise.locator(".tl-hints li")
    sentence.fill("Kun je in de namiddag naar de papieren kijken?")
    assert hints.count() == 1 and "tl-hint-ok" not in (hints.first.get_attribute("class") or "")
    sentence.fill("Kun je in de namiddag een kwartier naar de papieren kijken?")
    assert hints.count() == 1 and "tl-hint-ok" in (hints.first.get_attribute("class") or "")
    sentence.fill("")
    assert hints.count() == 0
    assert not visit.failures, visit.failures


def test_an_action_says_next_to_its_button_where_the_new_entry_is(profile, site):
    """Maak er een experiment van: what it did shows in the row of the button, with a link
    to the experiments; a second click adds nothing and says so there too."""
    visit = Visit(profile, site, "book/dag-3/klein-beginnen.html")
    visit.ready()
    page = visit.page
    ladder = page.locator("[data-exercise='vraagladder']")
    action = DATA.exercise("vraagladder").actions[0]
    ladder.locator("input[id$='-vraag']").first.fill("Wil je even meekijken?")
    ladder.get_by_role("button", name="Bewaren").click()
    row = ladder.locator(".tl-entry", has_text="Wil je even meekijken?")
    row.get_by_role("button", name=f"{action['label']}: Wil je even meekijken?").click()
    note = row.locator(".tl-entry-note")
    assert note.is_visible() and action["done"] in note.inner_text()
    row.get_by_role("button", name=f"{action['label']}: Wil je even meekijken?").click()
    assert action["done"] not in note.inner_text()  # said anew: nothing was added
    raw = page.evaluate("localStorage.getItem('toelaten:v1:experiment')")
    assert len(json.loads(raw)["entries"]) == 1
    assert page.locator(".tl-action-link:visible").count() == 0, "the build's copy is hidden"
    note.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("een-vraag-als-experiment.html#oefening-experiment")
    assert "Wil je even meekijken?" in page.locator("[data-exercise='experiment']").inner_text()
    assert not visit.failures, visit.failures


def test_the_top_three_offers_only_the_reasons_ticked(profile, site):
    exercise = DATA.exercise("acht-redenen")
    visit = Visit(profile, site, "book/dag-1/waarom-vragen-moeilijk-is.html")
    visit.ready()
    box = visit.page.locator("[data-exercise='acht-redenen']")
    legend = visit.page.locator("legend", has_text=exercise.field("reden_1").label)
    top = box.locator("fieldset", has=legend).first  # the first of the three
    assert top.locator("input[type=radio]").count() == 0  # nothing ticked yet
    assert top.locator(".tl-empty").is_visible()
    labels = {o.id: o.label for o in exercise.field("redenen").options}
    for reason in ("last", "nee"):
        box.get_by_label(labels[reason], exact=True).first.check()
    assert top.locator("label").all_inner_texts() == [labels["last"], labels["nee"]]
    top.get_by_label(labels["nee"]).check()
    # Unticked afterwards: the chosen reason stays, nothing is lost.
    box.locator("fieldset:has(input[name$='-redenen'])").get_by_label(labels["nee"]).uncheck()
    assert top.locator("label").all_inner_texts() == [labels["last"], labels["nee"]]
    assert top.get_by_label(labels["nee"]).is_checked()
    assert not visit.failures, visit.failures
