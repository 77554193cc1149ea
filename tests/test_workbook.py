"""A workbook worth keeping: Mijn werkboek printed by the browser and `toelaten workbook`
(typst) both give a cover with the learner's name and dates, the days as chapters in the
course's order, a picture for every exercise that has one, each date said once, and few
pages for one learner's answers to the whole course (tests/samples/workbook/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from browsing import Visit
from pdfs import page_text, read, text_of
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal
from toelaten.handouts import workbook_pdf

DATA = CourseData()
STRINGS = DATA.strings
SAMPLE = Path(__file__).resolve().parent / "samples" / "workbook" / "full-course.json"
DOC = json.loads(SAMPLE.read_text(encoding="utf-8"))
NAME = DOC["name"]
DAYS = [day.heading(STRINGS) for day in DATA.course.days]
#: The exercises of the sample with a picture of their answers.
CHARTED = [i for i in DOC["exercises"] if DATA.exercise(i).overview]
#: What the sample set may print on, a page more than it takes now. Before the cover, the
#: chapters and the pictures came it took 25 pages (browser) and 13 (typst).
MOST_PAGES = {"browser": 18, "typst": 13}
HOSTILE = "<img src=x onerror=window.__hacked=1> #set page(fill: red) *Sanne*"
WORKBOOK = "book/mijn-werkboek.html"


def in_order(text: str, parts: list[str]) -> bool:
    places = [text.find(part) for part in parts]
    return -1 not in places and places == sorted(places)


def dates_said() -> int:
    """How often "Ingevuld op" should appear: once for an exercise whose answers share a
    date, else once for every answer set."""
    total = 0
    for body in DOC["exercises"].values():
        days = {STRINGS.stamp_date(e["updated"]) for e in body["entries"]}
        total += 1 if len(days) == 1 else len(body["entries"])
    return total


def figures(reader: PdfReader) -> list[str]:
    """The alternative texts of the tagged figures of a PDF."""
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure":
                found.append(str(node.get("/Alt", "")))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


# ---- toelaten workbook (typst) -----------------------------------------------------------


@pytest.fixture(scope="module")
def typst_book(tmp_path_factory) -> PdfReader:
    folder = tmp_path_factory.mktemp("typst")
    journal = Journal(folder / "j.sqlite")
    journal.import_file(SAMPLE.read_bytes())
    return read(workbook_pdf(journal, NAME), folder)


def test_the_typst_workbook_has_a_cover_the_days_in_order_and_its_pictures(typst_book):
    cover = page_text(typst_book.pages[0])
    stamps = [
        s
        for b in DOC["exercises"].values()
        for e in b["entries"]
        for s in (e["created"], e["updated"])
    ]
    first, last = STRINGS.stamp_date(min(stamps)), STRINGS.stamp_date(max(stamps))
    assert NAME in cover and first in cover and last in cover
    text = text_of(typst_book)
    assert in_order(text, DAYS)
    for day in DAYS:  # each day a chapter: it starts a page
        assert any(page_text(page).startswith(day) for page in typst_book.pages), day
    drawn = [DATA.exercise(i) for i in CHARTED if DATA.exercise(i).overview["kind"] != "tally"]
    assert len(figures(typst_book)) >= len(drawn)
    for exercise in drawn:
        kind = exercise.overview["kind"]
        caption = (
            STRINGS("overview.compare.now") if kind == "compare" else exercise.overview["title"]
        )
        assert caption in text, exercise.id


def test_the_typst_workbook_says_each_date_once_and_stays_short(typst_book):
    text = text_of(typst_book)
    assert "Bijgewerkt" not in text
    assert text.count(STRINGS("pdf.workbook.filled_in", date="").strip()) == dates_said()
    assert len(typst_book.pages) <= MOST_PAGES["typst"]


def test_the_name_on_the_typst_cover_is_text_not_markup(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    journal.import_file(SAMPLE.read_bytes())
    cover = page_text(read(workbook_pdf(journal, HOSTILE), tmp_path).pages[0])
    assert " ".join(HOSTILE.split()) in cover


# ---- Mijn werkboek printed by the browser --------------------------------------------------


def restored(profile, site) -> Visit:
    visit = Visit(profile, site, WORKBOOK)
    visit.ready(".toelaten-werkboek")
    visit.page.locator(".tl-workbook input[type=file]").set_input_files(str(SAMPLE))
    visit.page.locator(".tl-status", has_text="Teruggezet").wait_for()
    return visit


@pytest.mark.browser
def test_the_printed_workbook_has_a_cover_the_days_and_a_picture_per_chart(site, profile, tmp_path):
    visit = restored(profile, site)
    page = visit.page
    page.emulate_media(media="print")
    try:
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.tl-workbook-exercise')].map(s => [
                s.querySelector('h3').textContent,
                [...s.querySelectorAll('figure, table')]
                    .some(e => e.getBoundingClientRect().height > 0)])"""
        )
        pdf = page.pdf(format="A4")
    finally:
        page.emulate_media(media="screen")
    pictured = {title for title, drawn in shown if drawn}
    assert {DATA.exercise(i).title for i in CHARTED} <= pictured
    reader = read(pdf, tmp_path)
    cover = page_text(reader.pages[0])
    assert NAME in cover and DATA.course.full_title in cover
    text = text_of(reader)
    assert in_order(text, DAYS)
    assert "Bijgewerkt" not in text
    assert text.count(STRINGS("workbook.filled_in", date="").strip()) == dates_said()
    assert len(reader.pages) <= MOST_PAGES["browser"]
    assert not visit.failures and not visit.csp_violations()


@pytest.mark.browser
def test_the_name_stays_on_the_device_goes_into_the_download_and_is_only_text(
    site, profile, tmp_path
):
    visit = restored(profile, site)
    page = visit.page
    assert page.locator("#tl-workbook-name").input_value() == NAME  # from the restored file
    page.locator("#tl-workbook-name").fill(HOSTILE)
    assert page.evaluate("localStorage.getItem('toelaten:naam')") == HOSTILE
    assert page.locator(".tl-cover-name").text_content() == HOSTILE
    assert page.locator(".toelaten-werkboek img").count() == 0
    assert page.evaluate("window.__hacked") is None
    with page.expect_download() as info:
        page.get_by_role("button", name=STRINGS("workbook.download")).click()
    saved = tmp_path / "antwoorden.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["name"] == HOSTILE
    page.goto("about:blank")
    visit.goto(WORKBOOK)
    visit.ready(".toelaten-werkboek")
    assert page.locator("#tl-workbook-name").input_value() == HOSTILE  # kept
    visit.accept_dialogs = True
    page.get_by_role("button", name=STRINGS("workbook.wipe")).click()
    assert page.evaluate("localStorage.getItem('toelaten:naam')") is None
    assert page.locator("#tl-workbook-name").input_value() == ""
