"""Handouts: the blank worksheet and the learner's workbook as accessible A4 PDFs."""

import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from pdfs import fonts_of, is_tagged_a4_pdf_ua, read, text_of
from samples.answers import entry
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal
from toelaten.handouts import HandoutError, _compile, printable, workbook_pdf, worksheet_pdf
from toelaten.handouts.paper import paper_form

DATA = CourseData()


@pytest.fixture(scope="module")
def worksheet(tmp_path_factory):
    return read(worksheet_pdf(DATA, DATA.exercise("wiens-stem")), tmp_path_factory.mktemp("ws"))


def test_the_worksheet_is_a_tagged_a4_pdf_ua_with_a_title(worksheet):
    assert worksheet.metadata.title == "Van wie is die stem?"
    assert is_tagged_a4_pdf_ua(worksheet)


def test_the_worksheet_has_every_label_and_help_text_as_text(worksheet):
    text = text_of(worksheet)
    exercise = DATA.exercise("wiens-stem")
    assert exercise.title in text
    for field in exercise.fields:
        assert field.label in text, field.label
        if field.help:
            assert field.help in text, field.help
        for option in field.options:
            assert option.label in text


def test_the_help_line_is_on_every_page(worksheet):
    line = " ".join(DATA.contacts.help_line(DATA.strings).split())
    for page in worksheet.pages:
        assert line in " ".join(page.extract_text().split())


def test_the_worksheet_uses_only_our_shipped_font(worksheet):
    assert fonts_of(worksheet) <= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}


def test_writing_boxes_are_artifacts(worksheet):
    content = b"".join(page.get_contents().get_data() for page in worksheet.pages)
    assert content.count(b"/Artifact") >= len(DATA.exercise("wiens-stem").fields)


def label(field, option_id: str) -> str:
    return next(option.label for option in field.options if option.id == option_id)


def test_the_workbook_prints_the_saved_answers(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    journal.save(
        "wiens-stem",
        [
            entry(
                updated="2026-11-21T09:00:00Z",
                zin="Ik moet het zelf kunnen.",
                waar_voor=80,
                stem="ouder",
                nieuwe_zin="Ik mag vragen.",
            )
        ],
    )
    reader = read(workbook_pdf(journal), tmp_path)
    text = text_of(reader)
    stem = DATA.exercise("wiens-stem").field("stem")
    for expected in (
        "Mijn werkboek",
        "Ik moet het zelf kunnen.",
        "80 van 100",
        label(stem, "ouder"),
        "Ik mag vragen.",
        "21 november 2026",
    ):
        assert expected in text
    assert reader.metadata.title == "Mijn werkboek"
    assert " ".join(DATA.contacts.help_line(DATA.strings).split()) in text


def test_the_workbook_prints_hostile_and_unprintable_text_safely(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    journal.save(
        "wiens-stem",
        [entry(zin="<script>#set page(fill: red)</script> 😀", beschermt="אני צריך עזרה")],
    )
    text = text_of(read(workbook_pdf(journal), tmp_path))
    assert "<script>#set page(fill: red)</script> [?]" in text
    assert "Sommige tekens" in text


def test_an_empty_journal_gives_a_workbook_that_says_so(tmp_path):
    text = text_of(read(workbook_pdf(Journal(tmp_path / "none.sqlite")), tmp_path))
    assert "Er staan nog geen antwoorden in je dagboek." in text


def test_printable_keeps_what_the_font_draws():
    assert printable("Één zin – ‘zo’ … 10 €, ğş") == ("Één zin – ‘zo’ … 10 €, ğş", False)
    assert printable("hoi 😀😀 daar\nregel") == ("hoi [?] daar\nregel", True)


def test_a_typst_warning_fails_the_handout(tmp_path):
    (tmp_path / "bad.typ").write_text(
        '#set document(title: "x")\n#set text(font: "Geen Bestaand Lettertype")\nHallo\n',
        encoding="utf-8",
    )
    with pytest.raises(HandoutError, match=r"bad\.typ"):
        _compile("bad.typ", {}, folder=tmp_path)


def test_cli_writes_the_worksheets_and_the_workbook(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["handouts", "--out", str(tmp_path / "ho")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ho" / "werkblad-wiens-stem.pdf").stat().st_size > 5_000
    journal = tmp_path / "j.sqlite"
    Journal(journal).save("wiens-stem", [entry(zin="Uit de cli")])
    out = tmp_path / "werkboek.pdf"
    result = runner.invoke(main, ["workbook", "--journal", str(journal), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Uit de cli" in text_of(PdfReader(out))


def test_the_workbook_reads_back_every_kind_of_answer(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    reasons = entry(redenen=["last", "nee"], reden_1="nee", bron_1="opvoeding")
    journal.save("acht-redenen", [reasons])
    journal.save("helpersrollen", [entry(rapport={"a": "dokter", "b": "proces", "c": "expert"})])
    text = text_of(read(workbook_pdf(journal), tmp_path))
    reasons = DATA.exercise("acht-redenen")
    chosen = reasons.field("redenen").display(["last", "nee"], DATA.strings)
    assert chosen in text  # a multiple choice, in the order of the options
    assert ".;" not in chosen and "; " in chosen  # one list, even of whole sentences
    assert label(reasons.field("bron_1"), "opvoeding") in text
    roles = DATA.exercise("helpersrollen").field("rapport")
    role = {option.id: option.label for option in roles.options}
    assert f"A: {role['dokter']}; B: {role['proces']}; C: {role['expert']}" in text


REPEATED = [e for e in DATA.exercises.values() if e.repeat]


@pytest.mark.parametrize("exercise", REPEATED, ids=lambda e: e.id)
def test_a_repeatable_worksheet_has_room_for_several_entries(exercise, tmp_path):
    text = text_of(read(worksheet_pdf(DATA, exercise), tmp_path))
    overview = exercise.overview or {}
    if overview.get("kind") == "ladder":
        rungs = exercise.field(overview["label"]).label
        assert text.count(rungs) >= 5  # a question on every rung, five at least
        return
    name = exercise.entry["name"]
    numbered = [n for n in range(1, 10) if f"{name[0].upper()}{name[1:]} {n}" in text]
    assert numbered == list(range(1, len(numbered) + 1)) and len(numbered) >= 3, numbered
    label_field = exercise.entry["title_field"]
    assert text.count(exercise.field(label_field).label) >= 3


#: What only the book's screen does: a worksheet never says it (the definition's `paper:`).
SCREEN_ONLY = re.compile(
    r"vanzelf op volgorde|verschijnen tips|daarna zie je|\bklik|\bknop|\bscherm\b", re.I
)


@pytest.mark.parametrize("exercise", list(DATA.exercises.values()), ids=lambda e: e.id)
def test_a_worksheet_says_only_what_paper_does_and_its_intro_is_whole(exercise, tmp_path):
    reader = read(worksheet_pdf(DATA, exercise), tmp_path)
    assert not SCREEN_ONLY.search(text_of(reader)), SCREEN_ONLY.findall(text_of(reader))
    # The intro ends a sentence, and its own line: the sheet's notes (room for more,
    # circle a number) start a paragraph of their own, so it never reads as cut off.
    intro = paper_form(exercise)["intro"]
    assert intro[-1] in ".?!)’”", intro
    lines = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
    assert any(line.endswith(intro.split()[-1]) for line in lines), lines[:12]


def test_a_worksheet_has_the_room_its_definition_asks_for(tmp_path):
    exercise = DATA.exercise("vormen-van-hulp")
    assert exercise.paper_entries == 5  # the draaiboek asks for three to five examples
    text = text_of(read(worksheet_pdf(DATA, exercise), tmp_path))
    assert "Hulp 5" in text and "Hulp 6" not in text
    # Every other sheet fills a page, as before.
    assert paper_form(DATA.exercise("geefbalans"))["layout"]["entries"] == 3


def test_the_support_map_prints_its_rings_to_write_in(tmp_path):
    exercise = DATA.exercise("steunkaart")
    reader = read(worksheet_pdf(DATA, exercise), tmp_path)
    first = " ".join(reader.pages[0].extract_text().split())
    for option in exercise.field("kring").options:
        assert option.label in first
    # Three rings drawn on the first page, as decoration a screen reader skips.
    content = reader.pages[0].get_contents().get_data()
    curves = re.findall(rb"(?:-?[\d.]+ ){6}c\b", content)
    assert len(curves) >= 3 * 4 and b"/Artifact" in content  # four curves to a circle
