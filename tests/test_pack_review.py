"""The packs after a second trainer's review (a Flemish trainer with a co-trainer): sources
that read as references, the lesson in short as whole text, no file names or exercise ids
on paper, Flanders first in a Belgian run, the place on the certificate, the safety sheets
and a participant pack without the worked examples."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfs import flat_text, read, text_of
from test_kit_sheets import figure_alts
from toelaten.coursedata import CourseData
from toelaten.handouts import pack as pack_module
from toelaten.handouts.kit import day_labels
from toelaten.handouts.outline import lesson_outline
from toelaten.run import CourseRun
from toelaten.schedule import RunDetails

DATA = CourseData()
TRAINER, PARTICIPANT = pack_module.TRAINER, pack_module.PARTICIPANT
BE_RUN = CourseRun(
    "dag",
    (date(2027, 3, 22), date(2027, 3, 29), date(2027, 4, 6), date(2027, 4, 12), date(2027, 4, 19)),
    "test-be",
    country="BE",
    details=RunDetails(
        trainer="An Peeters",
        co_trainer="Pieter Claes",
        organisation="CAW Oost-Vlaanderen",
        venue="Zaal De Kring, Kerkstraat 12, Gent",
        contact="an.peeters@example.be",
    ),
)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return pack_module.build_packs(DATA, run=BE_RUN)


def test_every_source_reads_as_a_reference_not_a_placeholder():
    for source in DATA.sources:
        reference = " ".join(source.reference.split())
        assert not re.search(r"\[[^\]]*\]", reference), source.key  # no [description]
        assert "onbekend" not in reference, source.key
        assert "opleidingen" not in reference, source.key  # no note on a writer's business


def test_the_lesson_in_short_is_whole_text(tmp_path):
    page = tmp_path / "les.md"
    page.write_text(
        '"Dat moet je zelf kunnen." "Zeur niet." Zulke zinnen ken je.\n\n'
        "## Drie vragen\n\nStel jezelf drie vragen {bron}`artikel-helpen`:\n\n"
        "1. Deed ik dit uit keuze? Of moest het?\n2. Bleef ik binnen mijn grenzen?\n\n"
        '## Wat mensen zeggen\n\nHet doet pijn {bron}`artikel-helpen`. Ze zegt: "Ga toch. '
        'Echt." En dan gaat ze.\n\n'
        "## Terugkijken\n\n```{denkvraag}\nWat nam je mee?\n```\n\n"
        "## Zo ziet de dag eruit\n\nReken op 60 tot 90 minuten. Je leest over vragen.\n",
        encoding="utf-8",
    )
    outline = lesson_outline(DATA, page)
    assert outline is not None
    assert outline["example"] == '"Dat moet je zelf kunnen." "Zeur niet."'
    sections = {s["heading"]: s for s in outline["sections"]}
    # A sentence that introduces a list with ":" keeps its list (each item's first sentence).
    assert sections["Drie vragen"]["point"] == "Stel jezelf drie vragen:"
    assert sections["Drie vragen"]["items"] == [
        "Deed ik dit uit keuze?",
        "Bleef ik binnen mijn grenzen?",
    ]
    # No space before punctuation where a citation was; a quotation is never cut in two.
    assert sections["Wat mensen zeggen"]["point"] == 'Het doet pijn. Ze zegt: "Ga toch. Echt."'
    assert "Terugkijken" not in sections  # no heading without text under it
    assert "Reken op" not in sections["Zo ziet de dag eruit"]["point"]  # self-study


def test_every_lesson_in_short_in_the_trainer_pack_is_balanced(pdfs, tmp_path):
    for day in DATA.course.days:
        shown = flat_text(pdfs, f"{TRAINER}/draaiboek-{day.id}.pdf", tmp_path)
        assert not re.search(r"[a-z] [.:,;](\s|$)", shown), day.id  # "pijn ." / "vragen :"
        assert "Reken op 60 tot 90 minuten" not in shown
    for book in Path("book").glob("dag-*/*.md"):
        outline = lesson_outline(DATA, book)
        assert outline is not None
        for part in [outline["example"] or "", *(s["point"] for s in outline["sections"])]:
            assert part.count('"') % 2 == 0 and part.count("“") == part.count("”"), part
            assert not part.endswith(":") or any(
                s["items"] for s in outline["sections"] if s["point"] == part
            ), part


def test_paper_names_no_files_or_exercise_ids(pdfs, tmp_path):
    shown = flat_text(pdfs, f"{TRAINER}.pdf", tmp_path)
    assert not re.search(r"\w\.(svg|png|md|yml)\b", shown)
    for exercise_id in DATA.exercises:
        if "-" in exercise_id:
            assert exercise_id not in shown, exercise_id
        assert not re.search(rf"\boefening {re.escape(exercise_id)}\b", shown), exercise_id


def test_the_figure_below_is_only_said_where_it_is_printed(pdfs, tmp_path):
    below = DATA.strings("pdf.pack2.figure_below", name="X").split("X")[1].strip()
    for day in DATA.course.days:
        reader = read(pdfs[f"{TRAINER}/draaiboek-{day.id}.pdf"], tmp_path)
        said = " ".join(text_of(reader).split()).count(below)
        printed = len(figure_alts(reader.trailer["/Root"]["/StructTreeRoot"]))
        assert said == printed, day.id


def test_the_attendance_list_that_goes_round_holds_nothing_private(pdfs, tmp_path):
    shown = flat_text(pdfs, f"{TRAINER}/presentielijst.pdf", tmp_path)
    labels = day_labels(DATA, BE_RUN)
    strings = DATA.strings
    # The columns: name, the days, a signature; nothing in between.
    row = " ".join([strings("pdf.kit.name"), *labels, strings("pdf.forms.signature")])
    assert row in shown
    # The follow-up question is asked one to one, on the intake form.
    intake = {f.id: f for f in DATA.group.forms["intake"].fields}
    assert "maand" in intake["bericht"].label


def test_the_intake_lets_you_say_no_and_says_when_it_is_destroyed(pdfs, tmp_path):
    consent = {f.id: f for f in DATA.group.forms["intake"].fields}["toestemming"]
    assert consent.kind == "choice" and {o.id for o in consent.options} == {"ja", "nee"}
    shown = flat_text(pdfs, f"{TRAINER}/kennismakingsformulier.pdf", tmp_path)
    assert "19 juli 2027" in shown  # three months after the last day, 19 April


def test_the_certificate_has_the_place_of_the_venue(pdfs, tmp_path):
    shown = flat_text(pdfs, f"{TRAINER}/certificaat.pdf", tmp_path)
    assert "Gent" in shown and "Kerkstraat" not in shown
    guide = Path("facilitator-guide/na-de-training.md").read_text(encoding="utf-8")
    assert "certificaat uit het deelnemerspakket" not in guide  # it is the trainer's sheet


def test_a_belgian_run_puts_flanders_first(pdfs, tmp_path):
    flanders = next(c.name for c in DATA.contacts.countries if c.code.startswith("BE"))
    netherlands = next(c.name for c in DATA.contacts.countries if c.code == "NL")
    for name in (f"{PARTICIPANT}/hulp.pdf", f"{TRAINER}/hulpkaartjes.pdf", f"{TRAINER}.pdf"):
        shown = flat_text(pdfs, name, tmp_path)
        assert shown.index(flanders) < shown.index(netherlands), name
    # A Dutch run (or none): the Netherlands first, as listed.
    assert DATA.contacts.first("NL").countries[0].name == netherlands
    assert DATA.contacts.first(None) == DATA.contacts


def test_the_participant_pack_comes_without_worked_examples_on_request(tmp_path):
    with_examples = pack_module.build_packs(DATA, run=BE_RUN, loose=False)
    without = pack_module.build_packs(DATA, run=BE_RUN, loose=False, examples=False)

    def pages(pdf: bytes) -> int:
        return len(PdfReader(io.BytesIO(pdf)).pages)

    assert pages(without[f"{PARTICIPANT}.pdf"]) < pages(with_examples[f"{PARTICIPANT}.pdf"])
    heading = DATA.strings("example.heading", name="X").split("X")[0].strip()
    assert heading not in " ".join(text_of(read(without[f"{PARTICIPANT}.pdf"], tmp_path)).split())
    # The trainer pack is the same either way.
    assert pages(without[f"{TRAINER}.pdf"]) == pages(with_examples[f"{TRAINER}.pdf"])
