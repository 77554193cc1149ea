"""The kit's sheets after a trainer's review: a certificate fit to hand out, an intake that
meets the protocol, the invitation filled in from the run, the draaiboek that carries the
lesson and its figures, and one evaluation form everywhere."""

import re
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfs import flat_text, page_text, read
from toelaten.coursedata import CourseData
from toelaten.handouts import pack as pack_module
from toelaten.handouts.forms import training_minutes
from toelaten.handouts.guide_data import data_blocks
from toelaten.handouts.invitation import PLACEHOLDERS
from toelaten.run import CourseRun
from toelaten.schedule import RunDetails

DATA = CourseData()
HELP_LINE = " ".join(DATA.contacts.help_line(DATA.strings).split())
TRAINER, PARTICIPANT = pack_module.TRAINER, pack_module.PARTICIPANT
RUN = CourseRun(
    "dag",
    (date(2027, 3, 22), date(2027, 3, 29), date(2027, 4, 6), date(2027, 4, 12), date(2027, 4, 19)),
    "test",
    times={"dag-3": (time(9, 0), time(16, 0))},
    details=RunDetails(
        trainer="Anouk de Vries",
        co_trainer="Bram Peeters",
        organisation="Buurthuis De Linde",
        venue="Zaal 2, Lindelaan 4, Zwolle",
        contact="06-12345678",
    ),
)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return pack_module.build_packs(DATA, run=RUN)


def test_the_certificate_is_a_keepsake_with_the_runs_days_hours_and_signatures(pdfs, tmp_path):
    reader = read(pdfs[f"{TRAINER}/certificaat.pdf"], tmp_path)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    shown = " ".join(page_text(page).split())
    assert HELP_LINE not in shown  # no help line
    assert DATA.strings("pdf.help_box.text") not in shown  # and no help box
    hours = round(training_minutes(DATA, "dag", RUN) / 60)
    days = len(DATA.course.days)
    assert f"{days} cursusdagen, samen {hours} uur" in shown
    assert "22 maart 2027" in shown and "19 april 2027" in shown
    for line in ("Plaats", "Datum", "Anouk de Vries", "Bram Peeters"):
        assert line in shown
    # A loose sheet of the trainer's for the last day, not in the participant pack.
    assert f"{PARTICIPANT}/certificaat.pdf" not in pdfs


def test_the_run_decides_the_certificates_hours():
    longer = training_minutes(DATA, "dag", RUN)
    assert longer == training_minutes(DATA, "dag", None) + 30  # day 3 starts half an hour early


def test_the_intake_asks_what_the_protocol_needs(pdfs, tmp_path):
    form = DATA.group.forms["intake"]
    ids = {f.id: f for f in form.fields}
    for needed in (
        "telefoon",
        "email",
        "woonplaats",
        "noodcontact",
        "noodcontact_relatie",
        "noodcontact_telefoon",
        "hulp",
        "hoopt",
        "weten",
        "datum",
        "toestemming",
        "handtekening",
        "bewaard_door",
    ):
        assert needed in ids, needed
    assert not ids["telefoon"].optional  # a phone number, not "phone or e-mail"
    shown = flat_text(pdfs, f"{TRAINER}/kennismakingsformulier.pdf", tmp_path)
    for field in form.fields:
        assert field.label in shown
    # The privacy note keeps the group agreements' exception for safety.
    note = " ".join((form.note or "").split())
    assert "veiligheid in gevaar" in note
    assert "veiligheid in gevaar" in " ".join(a.text for a in DATA.group.agreements)
    assert "Veilig Thuis" in note and "1712" in note


def test_the_trainer_pack_has_the_invitation_filled_in_from_the_run(pdfs, tmp_path):
    shown = flat_text(pdfs, f"{TRAINER}/uitnodiging.pdf", tmp_path)
    for day_when in ("maandag 22 maart 2027, 09:30–16:00", "dinsdag 6 april 2027, 09:00–16:00"):
        assert day_when in shown
    for fact in ("Zaal 2, Lindelaan 4, Zwolle", "Anouk de Vries en Bram Peeters", "06-12345678"):
        assert fact in shown
    # Only what the run does not know stays between brackets.
    for placeholder in PLACEHOLDERS.values():
        assert placeholder not in shown
    left = re.findall(r"\[[^\]]+\]", shown)
    assert left and all(p not in PLACEHOLDERS.values() for p in left)


def test_the_draaiboek_carries_each_lesson_in_short_and_its_figures(pdfs, tmp_path):
    shown = flat_text(pdfs, f"{TRAINER}/draaiboek-dag-4.pdf", tmp_path)
    lesson = Path("book/dag-4/helpen-is-een-relatie.md").read_text(encoding="utf-8")
    assert DATA.strings("pdf.outline.title") in shown
    for heading in re.findall(r"^## (.+)$", lesson, re.M):
        assert heading in shown
    for question in re.findall(r"```\{denkvraag\}\n(.*?)\n```", lesson, re.S):
        assert " ".join(question.split()) in shown
    assert "Schein" in shown  # where the idea comes from
    reader = read(pdfs[f"{TRAINER}/draaiboek-dag-4.pdf"], tmp_path)
    svg = Path("book/images/drie-helpersrollen.svg").read_text(encoding="utf-8")
    alt = " ".join(re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)[1].split())
    # The role play's figure is printed once, as a figure with its own description.
    assert figure_alts(reader.trailer["/Root"]["/StructTreeRoot"]) == [alt]


def figure_alts(node) -> list[str]:
    """The alternative texts of the figures in a PDF's structure tree, in order."""
    node = node.get_object()
    found = [str(node["/Alt"])] if node.get("/S") == "/Figure" else []
    kids = node.get("/K")
    kids = kids if isinstance(kids, list) else [kids]
    for kid in kids:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and ("/K" in kid or "/S" in kid):
            found += figure_alts(kid)
    return found


def test_one_evaluation_form_everywhere(pdfs, tmp_path):
    form = DATA.group.forms["evaluatie"]
    assert form.ratings is not None
    rows = form.ratings.all_rows([d.heading(DATA.strings) for d in DATA.course.days])
    guide = data_blocks(DATA, "formulier", "evaluatie", "evaluatie.md")
    guide_text = " ".join(r["text"] for b in guide for i in b.get("items", []) for r in i)
    for where in (
        flat_text(pdfs, f"{TRAINER}/evaluatieformulier.pdf", tmp_path),
        flat_text(pdfs, f"{PARTICIPANT}/evaluatieformulier.pdf", tmp_path),
        guide_text,
    ):
        for label in [*rows, *(f.label for f in form.fields)]:
            assert label in where


def test_paper_says_no_screen_words_and_trainer_pages_carry_no_help_box(pdfs, tmp_path):
    participant = " ".join(
        page_text(p) for p in PdfReader(_file(pdfs, PARTICIPANT, tmp_path)).pages
    )
    assert "Knip de kaartjes uit en geef iedereen" not in participant  # a trainer's instruction
    for name in ("presentielijst.pdf", "materialen.pdf", "draaiboek-dag-1.pdf"):
        assert DATA.strings("pdf.help_box.text") not in flat_text(
            pdfs, f"{TRAINER}/{name}", tmp_path
        )


def _file(pdfs: dict[str, bytes], which: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{which}.pdf"
    path.write_bytes(pdfs[f"{which}.pdf"])
    return path
