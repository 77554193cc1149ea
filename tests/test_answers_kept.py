"""No answer is lost in the book in everyday use: leaving mid-sentence, two tabs, a wipe
elsewhere, a full storage, a damaged stored entry, an over-long paste, a poisoned backup."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browsing import Visit
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser

STEM = "book/dag-2/van-wie-is-die-stem.html"  # wiens-stem: repeatable
MAAT = "book/dag-2/de-dubbele-maat.html"  # trots-of-bescherming: one answer set
KAART = "book/dag-1/waarom-vragen-moeilijk-is.html"  # steunkaart: repeatable
WORKBOOK = "book/mijn-werkboek.html"
TROTS = '[data-exercise="trots-of-bescherming"]'
KAART_EX = '[data-exercise="steunkaart"]'
ADD_PERSON = DATA.exercise("steunkaart").entry["add"]


def stored(page, exercise_id: str) -> dict:
    raw = page.evaluate(f"localStorage.getItem('toelaten:v1:{exercise_id}')")
    return json.loads(raw) if raw else {"entries": []}


def put(page, exercise_id: str, value) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"toelaten:v1:{exercise_id}", text])


def entry(entry_id: str, updated: str, **answers) -> dict:
    return {"id": entry_id, "created": updated, "updated": updated, "answers": answers}


def field(page, root: str, field_id: str):
    return page.locator(f"{root} .tl-form [id$='-{field_id}']")


@pytest.fixture
def visit(profile, site):
    visits = []

    def open_page(rel: str) -> Visit:
        visits.append(Visit(profile, site, rel))
        return visits[-1]

    yield open_page
    for v in visits:
        assert not v.off_host(site), v.off_host(site)
        assert not v.failures, v.failures


@pytest.mark.parametrize("leave", ["link", "reload", "close"])
def test_typing_then_leaving_at_once_keeps_the_text(visit, leave):
    """Every change is written at once: no pause between the last key and leaving."""
    tab = visit(MAAT)
    tab.ready()
    box = field(tab.page, TROTS, "trots")
    box.click()
    tab.page.keyboard.insert_text("Ik wil het zelf kunnen, ook als het zwaar is")
    if leave == "link":
        tab.page.get_by_role("link", name="Mijn werkboek").first.click()
        tab.page.wait_for_load_state()
    elif leave == "reload":
        tab.page.reload()
    else:
        other = tab.new_tab()
        tab.page.close()
        tab.page = other
    tab.goto(MAAT)
    tab.ready()
    assert field(tab.page, TROTS, "trots").input_value().startswith("Ik wil het zelf kunnen")


def test_two_tabs_adding_people_to_one_map_keep_everyone(visit):
    first = visit(KAART)
    first.ready()
    second = first.another_tab(KAART)
    second.ready()
    for tab, name in ((first, "Ingrid"), (second, "Buurvrouw Els"), (first, "Omar")):
        tab.page.bring_to_front()  # the learner switches to that tab
        add = tab.page.locator(KAART_EX).get_by_role("button", name=ADD_PERSON)
        if add.count():  # an empty map opens with the form for the first person
            add.click()
        field(tab.page, KAART_EX, "naam").fill(name)
        tab.page.locator(KAART_EX).get_by_role("button", name="Bewaren").click()
    names = sorted(e["answers"]["naam"] for e in stored(first.page, "steunkaart")["entries"])
    assert names == ["Buurvrouw Els", "Ingrid", "Omar"]
    for tab in (first, second):
        titles = tab.page.locator(f"{KAART_EX} .tl-entry-title")
        expect(titles).to_have_count(3)  # the other tab's storage event may come a moment later
        assert sorted(titles.all_inner_texts()) == names


def test_two_tabs_typing_in_one_exercise_keep_both_answers(visit):
    first = visit(MAAT)
    first.ready()
    second = first.another_tab(MAAT)
    second.ready()
    field(first.page, TROTS, "trots").fill("Trots op mijn eigen kracht")
    # By the time the learner has switched tabs, the other tab shows what this one saved.
    second.page.bring_to_front()
    expect(field(second.page, TROTS, "trots")).to_have_value("Trots op mijn eigen kracht")
    field(second.page, TROTS, "bang").fill("Bang dat ze me zwak vinden")
    first.page.bring_to_front()  # and back: the other's answer may not show here yet
    field(first.page, TROTS, "trots").press("End")
    first.page.keyboard.type(", echt")
    answers = stored(first.page, "trots-of-bescherming")["entries"][0]["answers"]
    assert answers == {
        "trots": "Trots op mijn eigen kracht, echt",
        "bang": "Bang dat ze me zwak vinden",
    }
    # Each tab shows the other's answer (storage events reach a tab a moment later), and
    # the caret stays where the learner types.
    expect(field(first.page, TROTS, "bang")).to_have_value("Bang dat ze me zwak vinden")
    expect(field(second.page, TROTS, "trots")).to_have_value("Trots op mijn eigen kracht, echt")
    assert first.page.evaluate("document.activeElement.id").endswith("-trots")
    # The tab that did not type says why its text changed, instead of a stale "Bewaard".
    expect(second.page.locator(f"{TROTS} .tl-status")).to_contain_text("ander venster")


def test_a_wipe_in_another_tab_shows_here_and_new_typing_is_kept(visit):
    tab = visit(MAAT)
    tab.ready()
    field(tab.page, TROTS, "trots").fill("Iets wat ik wis")
    wiper = tab.another_tab(WORKBOOK)
    wiper.ready(".toelaten-werkboek")
    wiper.page.once("dialog", lambda dialog: dialog.accept())
    wiper.page.get_by_role("button", name="Alles wissen").click()
    status = tab.page.locator(f"{TROTS} .tl-status")
    status.filter(has_text="gewist").wait_for()
    assert field(tab.page, TROTS, "trots").input_value() == ""
    field(tab.page, TROTS, "trots").fill("Opnieuw begonnen")
    assert stored(tab.page, "trots-of-bescherming")["entries"][0]["answers"] == {
        "trots": "Opnieuw begonnen"
    }


FILL_STORAGE = """() => {
  const chunk = 'x'.repeat(256 * 1024);
  let i = 0;
  for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
    while (true) {
      try { localStorage.setItem('ander-spul-' + i++, chunk.slice(0, size)); }
      catch (e) { break; }
    }
  }
}"""


def test_full_storage_keeps_answers_visible_and_downloadable(visit, tmp_path):
    tab = visit(MAAT)
    tab.ready()
    field(tab.page, TROTS, "trots").fill("Dit stond er al")
    tab.page.evaluate(FILL_STORAGE)
    tab.page.reload()
    tab.ready()
    assert field(tab.page, TROTS, "trots").input_value() == "Dit stond er al"
    field(tab.page, TROTS, "bang").fill("Nieuw, maar er is geen ruimte")
    status = tab.page.locator(f"{TROTS} .tl-status").inner_text()
    assert status.startswith("Niet bewaard") and "ruimte" in status and "Bewaard op" not in status
    tab.goto(WORKBOOK)
    tab.ready(".toelaten-werkboek")
    assert "Dit stond er al" in tab.page.locator(".tl-workbook-content").inner_text()
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Mijn antwoorden downloaden").click()
    path = tmp_path / "antwoorden.json"
    info.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    entries = saved["exercises"]["trots-of-bescherming"]["entries"]
    assert entries[0]["answers"]["trots"] == "Dit stond er al"


def test_one_damaged_entry_is_set_aside_and_the_rest_works(visit, tmp_path):
    tab = visit(KAART)
    good = entry("p1", "2026-11-20T09:00:00Z", naam="Ingrid", kring="dichtbij")
    put(tab.page, "steunkaart", {"entries": [None, good, {"id": 5}]})
    put(tab.page, "wiens-stem", "{dit is geen json")
    tab.goto(KAART)
    tab.ready()
    assert tab.page.locator(f"{KAART_EX} .tl-entry-title").all_inner_texts() == ["Ingrid"]
    assert "Mijn werkboek" in tab.page.locator(f"{KAART_EX} .tl-status").inner_text()
    tab.goto(WORKBOOK)
    tab.ready(".toelaten-werkboek")
    content = tab.page.locator(".tl-workbook-content")
    assert "Ingrid" in content.inner_text()
    assert content.get_by_text("Kon niet worden gelezen").count() == 3
    with tab.page.expect_download() as info:
        content.get_by_role("button", name="Download als tekst").last.click()
    raw = tmp_path / "raw.txt"
    info.value.save_as(raw)
    assert raw.read_text(encoding="utf-8") == "{dit is geen json"
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Mijn antwoorden downloaden").click()
    info.value.save_as(tmp_path / "a.json")
    saved = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert saved["exercises"]["steunkaart"]["entries"] == [good]


def test_a_poisoned_single_set_store_is_repaired_once_and_the_other_can_come_back(visit):
    tab = visit(MAAT)
    older = entry("a", "2026-11-01T08:00:00Z", trots="Van de laptop")
    newer = entry("b", "2026-11-03T08:00:00Z", trots="Van de telefoon")
    put(tab.page, "trots-of-bescherming", {"entries": [older, newer]})
    tab.goto(MAAT)
    tab.ready()
    assert field(tab.page, TROTS, "trots").input_value() == "Van de telefoon"
    assert "twee antwoorden" in tab.page.locator(f"{TROTS} .tl-status").inner_text()
    body = stored(tab.page, "trots-of-bescherming")
    assert [e["id"] for e in body["entries"]] == ["b"] and body["earlier"] == [older]
    tab.page.reload()
    tab.ready()
    assert tab.page.locator(f"{TROTS} .tl-status").inner_text() == ""  # said once
    tab.page.locator(f"{TROTS} summary").click()
    tab.page.locator(TROTS).get_by_role("button", name="Terugzetten").click()
    assert field(tab.page, TROTS, "trots").input_value() == "Van de laptop"
    body = stored(tab.page, "trots-of-bescherming")
    assert body["entries"][0]["answers"] == {"trots": "Van de laptop"}
    assert body["earlier"][0]["answers"] == {"trots": "Van de telefoon"}


def test_an_over_long_paste_is_refused_out_loud_and_nothing_is_cut(visit):
    tab = visit(STEM)
    tab.ready()
    box = tab.page.locator(".tl-form [id$='-zin']")
    box.fill("Kort en bewaard")
    long_text = "Ik moet het zelf kunnen. " * 41  # 1 025 characters, 1 000 fit
    box.fill(long_text)
    assert box.input_value() == long_text  # nothing cut
    error = tab.page.locator(".tl-form .tl-error:visible")
    assert "1.025 tekens" in error.inner_text() and "1.000" in error.inner_text()
    assert box.get_attribute("aria-invalid") == "true"
    status = tab.page.locator(".tl-status").first
    assert status.inner_text().startswith("Nog niet bewaard")
    tab.page.get_by_role("button", name="Bewaren").first.click()
    assert status.inner_text().startswith("Nog niet bewaard")  # never "Bewaard" for old text
    assert stored(tab.page, "wiens-stem")["entries"][0]["answers"]["zin"] == "Kort en bewaard"
    box.fill(long_text[:990])
    assert tab.page.locator(".tl-form .tl-error:visible").count() == 0
    assert stored(tab.page, "wiens-stem")["entries"][0]["answers"]["zin"] == long_text[:990]


def test_restoring_two_devices_then_downloading_then_restoring_again_works(visit, tmp_path):
    tab = visit(WORKBOOK)
    tab.ready(".toelaten-werkboek")

    def restore(name: str, exercises: dict) -> str:
        document = {"format": "toelaten-antwoorden", "schema": 1, "exercises": exercises}
        tab.page.locator(".tl-workbook input[type=file]").set_input_files(
            files=[
                {
                    "name": name,
                    "mimeType": "application/json",
                    "buffer": json.dumps(document).encode(),
                }
            ]
        )
        status = tab.page.locator(".tl-workbook .tl-status")
        status.filter(has_text="teruggezet").or_(status.filter(has_text="Teruggezet")).wait_for()
        return status.inner_text()

    laptop = entry("e1", "2026-11-01T08:00:00Z", brief="Lieve ik, van de laptop")
    phone = entry("e1", "2026-11-03T08:00:00Z", brief="Lieve ik, van de telefoon")
    assert restore("laptop.json", {"brief-aan-jezelf": {"entries": [laptop]}}).startswith(
        "Teruggezet"
    )
    assert restore("phone.json", {"brief-aan-jezelf": {"entries": [phone]}}).startswith(
        "Teruggezet"
    )
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Mijn antwoorden downloaden").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    body = json.loads(backup.read_text(encoding="utf-8"))["exercises"]["brief-aan-jezelf"]
    assert [e["answers"]["brief"] for e in body["entries"]] == ["Lieve ik, van de telefoon"]
    assert [e["answers"]["brief"] for e in body["earlier"]] == ["Lieve ik, van de laptop"]
    tab.accept_dialogs = True
    tab.page.get_by_role("button", name="Alles wissen").click()
    tab.page.locator(".tl-workbook input[type=file]").set_input_files(str(backup))
    tab.page.locator(".tl-workbook .tl-status").filter(has_text="Teruggezet").wait_for()
    assert stored(tab.page, "brief-aan-jezelf") == body


def test_back_after_a_restore_elsewhere_never_types_over_the_newer_answer(visit, tmp_path):
    tab = visit(MAAT)
    tab.ready()
    field(tab.page, TROTS, "trots").fill("Op de laptop")
    tab.page.get_by_role("link", name="Mijn werkboek").first.click()
    tab.ready(".toelaten-werkboek")
    phone = entry("tel", "2030-01-01T08:00:00Z", trots="Op de telefoon")
    document = {"format": "toelaten-antwoorden", "schema": 2, "exported": "2030-01-01T08:00:00Z"}
    document["exercises"] = {"trots-of-bescherming": {"entries": [phone]}}
    (tmp_path / "telefoon.json").write_text(json.dumps(document), encoding="utf-8")
    with tab.page.expect_file_chooser() as chooser:
        tab.page.get_by_role("button", name="Antwoorden terugzetten").click()
    chooser.value.set_files(tmp_path / "telefoon.json")
    expect(tab.page.locator(".tl-status").first).to_contain_text("Teruggezet")
    tab.page.go_back()
    tab.ready()
    box = field(tab.page, TROTS, "trots")
    expect(box).to_have_value("Op de telefoon")
    box.press("End")
    box.type("!")
    body = stored(tab.page, "trots-of-bescherming")
    assert body["entries"][0]["answers"]["trots"] == "Op de telefoon!"
    assert [e["answers"]["trots"] for e in body["earlier"]] == ["Op de laptop"]


def test_full_storage_with_a_damaged_entry_still_shows_and_downloads_everything(visit, tmp_path):
    tab = visit(KAART)
    good = entry("p1", "2026-11-20T09:00:00Z", naam="Ingrid", kring="dichtbij")
    put(tab.page, "steunkaart", {"entries": [good, None]})
    tab.page.evaluate(FILL_STORAGE)
    tab.goto(KAART)
    tab.ready()
    assert tab.page.locator(f"{KAART_EX} .tl-entry-title").all_inner_texts() == ["Ingrid"]
    tab.goto(WORKBOOK)
    tab.ready(".toelaten-werkboek")
    content = tab.page.locator(".tl-workbook-content")
    assert "Ingrid" in content.inner_text() and "Kon niet worden gelezen" in content.inner_text()
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Mijn antwoorden downloaden").click()
    info.value.save_as(tmp_path / "a.json")
    saved = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert saved["exercises"]["steunkaart"]["entries"] == [good]
    aside = tab.page.evaluate("localStorage.getItem('toelaten:v1:steunkaart:onleesbaar')")
    kept_raw = stored(tab.page, "steunkaart") == {"entries": [good, None]}
    assert kept_raw or "null" in aside  # the damaged piece is in storage, one way or the other


def test_an_entry_with_one_unknown_question_keeps_its_other_answers(visit):
    tab = visit(KAART)
    older = {**entry("p2", "2026-11-20T09:00:00Z", naam="Oma", kring="dichtbij")}
    older["answers"]["vraag_van_vroeger"] = "Bestaat niet meer"
    put(tab.page, "steunkaart", {"entries": [older]})
    tab.goto(KAART)
    tab.ready()
    assert tab.page.locator(f"{KAART_EX} .tl-entry-title").all_inner_texts() == ["Oma"]
    aside = tab.page.evaluate("localStorage.getItem('toelaten:v1:steunkaart:onleesbaar')")
    assert "Bestaat niet meer" in aside  # the original, whole, set aside
    assert stored(tab.page, "steunkaart")["entries"][0]["answers"] == {
        "naam": "Oma",
        "kring": "dichtbij",
    }
