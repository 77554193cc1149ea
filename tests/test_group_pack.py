"""The two packs (`toelaten handouts --group`): the trainer's and the participants', each
one PDF with contents and bookmarks and every sheet also on its own, from the same data as
the guide pages."""

import functools
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader

from pages import soup
from pdfs import fonts_of, is_tagged_a4_pdf_ua, page_text, read, text_of
from toelaten import DataError
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.group import load_group_materials
from toelaten.handouts import HandoutError
from toelaten.handouts import pack as pack_module
from toelaten.handouts.draaiboek import readable
from toelaten.handouts.kit import copies
from toelaten.run import CourseRun
from toelaten.run_link import presentation_link
from toelaten.schedule import BUFFER, RunDetails

DATA = CourseData()

HELP_LINE = " ".join(DATA.contacts.help_line(DATA.strings).split())


@functools.cache
def page_texts(path: Path) -> list[str]:
    """The text of each page of the PDF at ``path``, read once per session (pypdf is slow)."""
    return [page_text(page) for page in PdfReader(path).pages]


def body_text(reader: PdfReader) -> str:
    """The text without the footers, so a sentence across a page break reads whole."""
    footer = re.compile(r"\s*" + re.escape(HELP_LINE) + r" \d+ / \d+\s*")
    return " ".join(footer.sub(" ", page_text(page)).strip() for page in reader.pages)


CERTIFICATE = DATA.strings("pdf.kit.certificate")


def is_certificate(text: str) -> bool:
    """The certificate's page: a keepsake, the one page without the help line."""
    return CERTIFICATE in text and DATA.strings("pdf.kit.took_part") in text


def make_pack(out: Path, *args: str) -> list[Path]:
    result = CliRunner().invoke(main, ["handouts", "--group", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    assert "Het begeleiderspakket staat in" in result.output
    return [Path(line) for line in result.output.splitlines() if line.endswith(".pdf")]


TRAINER, PARTICIPANT = pack_module.TRAINER, pack_module.PARTICIPANT


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "pakketten"
    make_pack(out, "--start", "2027-01-25", "--variant", "dagdeel")
    return out


#: The run of ``pack_dir``: its variant from 25 January 2027, as `--start` plans it.
PACK_RUN = CourseRun("dagdeel", tuple(date(2027, 1, d) for d in range(25, 30)), "pack")


def handouts(which: str) -> list[pack_module.Handout]:
    if which == TRAINER:
        return pack_module.trainer_handouts(DATA, "dagdeel", run=PACK_RUN)
    return pack_module.participant_handouts(DATA, "dagdeel", run=PACK_RUN)


def loose(pack_dir: Path, which: str, name: str) -> PdfReader:
    return PdfReader(pack_dir / which / name)


def test_each_pack_has_every_handout_as_its_own_accessible_pdf(pack_dir):
    expected = {
        f"{which}/{h.filename}" for which in (TRAINER, PARTICIPANT) for h in handouts(which)
    }
    made = {str(p.relative_to(pack_dir)) for p in pack_dir.rglob("*.pdf")}
    assert made == expected | {f"{TRAINER}.pdf", f"{PARTICIPANT}.pdf"}
    for path in pack_dir.rglob("*.pdf"):
        reader = PdfReader(path)
        assert is_tagged_a4_pdf_ua(reader), path.name
        assert reader.metadata.title, path.name
        assert all(f.startswith("AtkinsonHyperlegible-") for f in fonts_of(reader)), path.name
        for text in page_texts(path):
            assert (HELP_LINE in text) != is_certificate(text), path.name


def test_the_trainer_pack_holds_the_kit(pack_dir):
    titles = [h.sheet["title"] for h in handouts(TRAINER)]
    for title in (
        "Voorbereiden",
        "Als het zwaar wordt",
        "Oefenen in drietallen",
        "De vraag-en-aanbodkring",
        "De training online geven",
        "Evaluatie",
        "Materialen per dag",
        "Aanwezigheidslijst",
        "Kennismakingsformulier",
        "De uitnodiging, ingevuld",
        "Hulpkaartjes",
        "Evaluatieformulier",
        "Bewijs van deelname",
        "Na de training",
    ):
        assert title in titles
    assert [t for t in titles if t.startswith("Draaiboek dag")] == [
        f"Draaiboek dag {d.number}" for d in DATA.course.days
    ]
    # The last day's loose sheets: the evaluation and the certificate, in a part of their own.
    last = [h.sheet["title"] for h in handouts(TRAINER) if h.part == "Laatste dag"]
    assert last == [DATA.group.forms["evaluatie"].title, CERTIFICATE]


def test_every_day_with_an_observer_task_has_its_own_kijkblad_after_its_draaiboek(pack_dir):
    group = DATA.group
    sheets = handouts(TRAINER)
    names = [h.filename for h in sheets]
    kijkbladen = [n for n in names if n.startswith("kijkblad-")]
    assert kijkbladen == [
        f"kijkblad-{d.id}.pdf" for d in DATA.course.days if d.id in group.observer_tasks
    ]
    for day_id, task in group.observer_tasks.items():
        at = names.index(f"kijkblad-{day_id}.pdf")
        assert names[at - 1] == f"draaiboek-{day_id}.pdf"  # printed with the day it serves
        text = body_text(loose(pack_dir, TRAINER, f"kijkblad-{day_id}.pdf"))
        assert " ".join(task.split()) in text  # the day's task, on top of the questions
        assert text.index(" ".join(task.split())) < text.index(
            group.forms["kijkblad"].fields[0].label
        )
        for column in group.forms["kijkblad"].columns.get(day_id, ()):
            assert column in text
    # The role play's day has room per role.
    assert {"De expert", "De dokter", "De procesbegeleider"} <= set(
        group.forms["kijkblad"].columns["dag-4"]
    )


def test_the_participant_pack_holds_what_a_participant_keeps(pack_dir):
    titles = [h.sheet["title"] for h in handouts(PARTICIPANT)]
    # The help page the worksheets point to ("Als het even niet gaat") is in the pack.
    assert titles[:2] == [DATA.group.agreements_title, DATA.strings("help.title")]
    for day in DATA.course.days:
        assert f"Programma dag {day.number}" in titles
        for exercise_id in day.exercises:
            assert DATA.exercises[exercise_id].title in titles
    # The certificate is the trainer's loose sheet for the last day, not in this pack.
    assert titles[-1] == DATA.group.forms["evaluatie"].title
    assert CERTIFICATE not in titles


@pytest.mark.parametrize("which", [TRAINER, PARTICIPANT])
def test_a_pack_has_a_table_of_contents_with_true_page_numbers(pack_dir, which):
    pack = PdfReader(pack_dir / f"{which}.pdf")
    assert (
        pack.metadata.title
        == {TRAINER: "Begeleiderspakket", PARTICIPANT: "Deelnemerspakket"}[which]
    )
    pages = page_texts(pack_dir / f"{which}.pdf")
    first_part = pack.get_destination_page_number(pack.outline[0])
    contents = " ".join(pages[:first_part])
    assert "Inhoud" in contents
    at = 0
    for title in (h.sheet["title"] for h in handouts(which)):
        match = re.compile(re.escape(title) + r"[ .]*?(\d+)(?!\d)").search(contents, at)
        assert match, f"{title!r} is not in the table of contents"
        assert title in pages[int(match.group(1)) - 1], f"{title!r} is not on page {match[1]}"
        at = match.end()
    for number, text in enumerate(pages, start=1):
        assert (HELP_LINE in text) != is_certificate(text), f"page {number}"


@pytest.mark.parametrize("which", [TRAINER, PARTICIPANT])
def test_a_pack_is_bookmarked_by_part_and_sheet(pack_dir, which):
    pack = PdfReader(pack_dir / f"{which}.pdf")
    parts = [item.title for item in pack.outline if not isinstance(item, list)]
    assert parts == list(dict.fromkeys(h.part for h in handouts(which)))
    sheets = [s.title for item in pack.outline if isinstance(item, list) for s in item]
    assert sheets == [h.sheet["title"] for h in handouts(which)]


def test_the_programmes_have_dutch_dates_and_the_times_of_the_variant(pack_dir):
    schedule = DATA.schedule
    dates = ["maandag 25 januari 2027", "dinsdag 26 januari 2027", "woensdag 27 januari 2027"]
    dates += ["donderdag 28 januari 2027", "vrijdag 29 januari 2027"]
    for day, when in zip(DATA.course.days, dates, strict=True):
        text = body_text(loose(pack_dir, PARTICIPANT, f"programma-{day.id}.pdf"))
        assert f"{when}, {schedule.variants['dagdeel'].hours}" in text
        assert day.title in text
        for goal in day.goals:
            assert " ".join(goal.split()) in text
        for slot in schedule.run_sheet(day.id, "dagdeel"):
            assert f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.block.title}" in text
        shown = {s.block.title for s in schedule.run_sheet(day.id, "dagdeel")}
        for block in schedule.days[day.id]:
            if block.title not in shown:  # only on a full day
                assert block.title not in text


def test_the_run_sheets_tell_the_facilitator_what_to_do_and_ask(pack_dir):
    schedule, strings, group = DATA.schedule, DATA.strings, DATA.group
    flat = readable(DATA)  # as on paper: an exercise by its title, not its id
    for day in DATA.course.days:
        text = body_text(loose(pack_dir, TRAINER, f"draaiboek-{day.id}.pdf"))
        for slot in schedule.run_sheet(day.id, "dagdeel"):
            block = slot.block
            assert f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.minutes} min {block.title}" in text
            if block.format == BUFFER:
                # The day's slack: its minutes and what it is for, no empty goal.
                told = " ".join((block.instructions or strings("draaiboek.buffer")).split())
                heading = f"{slot.hours} {block.title} {schedule.formats[BUFFER]} · {slot.minutes}"
                assert f"{heading} minuten {told}" in text
                continue
            if not block.goal:
                continue
            for label, fact in schedule.facts(block, strings):
                assert f"{label}: {flat(fact)}" in text, (day.id, block.id, label)
            for question in block.debrief:
                assert question in text
            for point in block.talking_points:
                assert flat(point) in text
            for label, note in (("prompt", block.prompt), ("tip", block.tip)):
                if note:
                    assert f"{strings('draaiboek.' + label)}: {flat(note)}" in text
            if block.werkvorm:
                assert schedule.werkvormen[block.werkvorm] in text
                werkvorm = group.werkvormen[block.werkvorm]
                assert f"{strings('draaiboek.roles')}: {', '.join(werkvorm.roles)}" in text
                total = werkvorm.timing.minutes("dagdeel")
                assert f"afronden: {total} min" in text, (day.id, block.id)
                task = group.observer_tasks.get(day.id)
                if werkvorm.observer and task:
                    assert " ".join(task.split()) in text


def observed_blocks(variant: str) -> int:
    werkvormen = DATA.group.werkvormen
    return sum(
        s.block.werkvorm in werkvormen and werkvormen[s.block.werkvorm].observer
        for d in DATA.course.days
        for s in DATA.schedule.run_sheet(d.id, variant)
    )


def test_the_copy_counts_follow_the_schedule():
    for variant in DATA.schedule.variants:
        slots = [s for d in DATA.course.days for s in DATA.schedule.run_sheet(d.id, variant)]
        counts = {row["sheet"]: int(row["copies"]) for row in copies(DATA, variant)}
        for exercise in DATA.exercises.values():
            assert counts[exercise.title] == sum(s.block.exercise == exercise.id for s in slots)
        # Each day's own observer's sheet, one for every block whose werkvorm has an
        # observer (the role play as well as the triads); twice that in a group of four.
        title = DATA.group.forms["kijkblad"].title
        rows = [r for r in copies(DATA, variant) if r["sheet"].startswith(title)]
        assert rows and all(r["sheet"] != title for r in rows)  # a row per day
        assert sum(int(r["copies"]) for r in rows) == observed_blocks(variant) > 0
        for row in rows:
            assert f": {2 * int(row['copies'])} " in row["why"]
    assert any(
        b.werkvorm == "rollenspel-helpersrollen"
        for blocks in DATA.schedule.days.values()
        for b in blocks
    )
    assert counts != {row["sheet"]: int(row["copies"]) for row in copies(DATA, "dag")}


def test_the_trainer_cover_shows_the_counts_and_how_to_add_dates(tmp_path):
    undated = tmp_path / "undated"
    make_pack(undated)
    pack = PdfReader(undated / f"{TRAINER}.pdf")
    cover = page_text(pack.pages[0])
    assert "toelaten schedule --new mijn-groep.yml" in cover
    assert "toelaten handouts --schedule mijn-groep.yml" in cover
    first_part = pack.get_destination_page_number(pack.outline[0])
    front = " ".join(page_text(page) for page in pack.pages[:first_part])
    for row in copies(DATA, "dag"):
        assert f"{row['sheet']} {row['copies']}" in front
    first = body_text(loose(undated, PARTICIPANT, "programma-dag-1.pdf"))
    full_day = DATA.schedule.variants["dag"]
    assert f"{full_day.label}, {full_day.hours}" in first


def test_a_run_puts_trainer_organisation_and_venue_on_covers_footers_and_certificate(tmp_path):
    run = CourseRun(
        "dag",
        tuple(date(2027, 3, d) for d in range(22, 27)),
        "test",
        details=RunDetails(
            trainer="Anouk de Vries",
            organisation="Buurthuis De Linde",
            venue="Zaal 2, Lindelaan 4, Zwolle",
            contact="anouk@example.org",
        ),
    )
    pdfs = pack_module.build_packs(DATA, run=run)
    for which in (TRAINER, PARTICIPANT):
        reader = read(pdfs[f"{which}.pdf"], tmp_path)
        assert "Begeleider: Anouk de Vries" in page_text(reader.pages[0])
        for page in reader.pages:
            text = page_text(page)
            footer = "Buurthuis De Linde · Zaal 2, Lindelaan 4, Zwolle · anouk@example.org"
            assert (footer in text) != is_certificate(text)
    # The trainer's cover carries the link that gives the projector the run's day times,
    # as the page reads it (a space a PDF viewer puts in where the line breaks aside).
    cover = page_text(read(pdfs[f"{TRAINER}.pdf"], tmp_path).pages[0])
    link = presentation_link(run, DATA.course, DATA.schedule)
    assert link in re.sub(r"[\s\u200b]+", "", cover)
    assert link not in re.sub(
        r"[\s\u200b]+", "", page_text(read(pdfs[f"{PARTICIPANT}.pdf"], tmp_path).pages[0])
    )
    certificate = text_of(read(pdfs[f"{TRAINER}/certificaat.pdf"], tmp_path))
    assert DATA.course.full_title in certificate and "Anouk de Vries" in certificate
    assert "22 maart 2027" in certificate and "26 maart 2027" in certificate
    attendance = text_of(read(pdfs[f"{TRAINER}/presentielijst.pdf"], tmp_path))
    for day in ("Dag 1 22-03", "Dag 5 26-03"):
        assert day in attendance


def test_the_kit_sheets_print_their_data(pack_dir):
    intake = body_text(loose(pack_dir, TRAINER, "kennismakingsformulier.pdf"))
    form = DATA.group.forms["intake"]
    for field in form.fields:
        assert field.label in intake
    assert " ".join(form.note.split()) in intake  # what is kept, how long, who sees it
    materials = body_text(loose(pack_dir, TRAINER, "materialen.pdf"))
    for day in DATA.course.days:
        for slot in DATA.schedule.run_sheet(day.id, "dagdeel"):
            for item in slot.block.materials:
                assert item in materials
    evaluation = body_text(loose(pack_dir, PARTICIPANT, "evaluatieformulier.pdf"))
    ratings = DATA.group.forms["evaluatie"].ratings
    assert ratings is not None
    for row in ratings.all_rows([day.heading(DATA.strings) for day in DATA.course.days]):
        assert row in evaluation


def test_the_group_sheets_print_the_data_file(pack_dir):
    group = DATA.group
    assert yaml.safe_load(group.source.read_text(encoding="utf-8"))["agreements"]["title"] == (
        group.agreements_title
    )
    agreements = body_text(loose(pack_dir, PARTICIPANT, "groepsafspraken.pdf"))
    for agreement in group.agreements:
        assert f"{agreement.title} {' '.join(agreement.text.split())}" in agreements
    for form_id, path in (
        ("kijkblad", f"{TRAINER}/kijkblad-dag-1.pdf"),
        ("evaluatie", f"{PARTICIPANT}/evaluatieformulier.pdf"),
        ("evaluatie", f"{TRAINER}/evaluatieformulier.pdf"),
    ):
        text = body_text(PdfReader(pack_dir / path))
        for field in group.forms[form_id].fields:
            assert field.label in text


def test_the_help_card_has_every_contact_of_every_country(pack_dir):
    reader = loose(pack_dir, TRAINER, "hulpkaartjes.pdf")
    countries = DATA.contacts.countries
    assert len(reader.pages) == len(countries)
    for page, country in zip(reader.pages, countries, strict=True):
        text = page_text(page)
        assert country.name in text
        assert f"Bij direct gevaar: bel {country.emergency}" in text
        for contact in country.contacts:
            assert contact.name in text
            for phone in contact.phones:
                assert phone.number in text
        # One card is read out; the seven copies beside it are artifacts.
        assert page.get_contents().get_data().count(b"/Artifact") >= 7


def test_a_failing_handout_leaves_the_earlier_pack_whole(tmp_path, monkeypatch):
    out = tmp_path / "pack"
    make_pack(out)
    before = {p: p.read_bytes() for p in out.rglob("*.pdf")}
    real_render, calls = pack_module.render, []

    def failing_render(*args, **kwargs):
        calls.append(args)
        if len(calls) == 10:
            raise HandoutError("typst broke")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(pack_module, "render", failing_render)
    result = CliRunner().invoke(
        main, ["handouts", "--group", "--out", str(out), "--start", "2027-03-01"]
    )
    assert result.exit_code == 1
    assert "typst broke" in result.output
    assert {p: p.read_bytes() for p in out.rglob("*.pdf")} == before


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  evaluatie:\n", "  evaluatieformulier:\n", "forms: missing evaluatie"),
        ("kind: longtext\n        label: Wat zag", "kind: essay\n        label: Wat zag", "kind"),
        (
            "    - title: Je mag altijd passen.\n",
            "    - titel: Je mag altijd passen.\n",
            "items[1]",
        ),
    ],
)
def test_a_broken_group_file_names_the_problem(tmp_path, old, new, message):
    text = DATA.group.source.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "group.yml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)):
        load_group_materials(broken)


def test_a_folder_that_cannot_be_made_gives_a_message(tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    out = tmp_path / "a-file" / "pack"
    result = CliRunner().invoke(main, ["handouts", "--group", "--out", str(out)])
    assert result.exit_code == 1
    assert f"Kan niet schrijven in {out}" in result.output
    assert "Traceback" not in result.output


def test_only_the_group_pack_takes_dates():
    result = CliRunner().invoke(main, ["handouts", "--start", "2027-01-25"])
    assert result.exit_code == 2
    assert "--group" in result.output


def test_the_guide_pages_show_what_the_pack_prints(html):
    group = DATA.group
    agreements = soup(html, "facilitator-guide/groepsafspraken.html").select_one(
        "ol.toelaten-afspraken"
    )
    assert [" ".join(li.get_text(" ").split()) for li in agreements.select("li")] == [
        f"{a.title} {' '.join(a.text.split())}" for a in group.agreements
    ]
    for page, form_id in (("drietallen", "kijkblad"), ("evaluatie", "evaluatie")):
        form = soup(html, f"facilitator-guide/{page}.html").select_one("ol.toelaten-formulier")
        items = [" ".join(li.get_text(" ").split()) for li in form.select(":scope > li")]
        fields = group.forms[form_id].fields
        assert len(items) == len(fields)
        for item, field in zip(items, fields, strict=True):
            assert item.startswith(field.label)


def test_the_guide_offers_both_packs_of_each_variant_for_download(html):
    links = soup(html, "facilitator-guide/index.html").select("ul.toelaten-downloads a")
    assert len(links) == 2 * len(DATA.schedule.variants)
    for link in links:
        path = (html / "facilitator-guide" / link["href"]).resolve()
        reader = PdfReader(path)
        assert "Inhoud" in page_text(reader.pages[0])
        assert HELP_LINE in page_text(reader.pages[-1])


RUN_FILE = """\
variant: dagdeel
dates: ["2027-03-22", "2027-03-29", "2027-04-06", "2027-04-12", "2027-04-19"]
times:
  dag-1: {start: "09:30", end: "12:45"}
country: NL
trainer: "Anouk de Vries"
co_trainer: "Bram Peeters"
organisation: "Buurthuis De Linde"
venue: "Zaal 2, Lindelaan 4, Zwolle"
contact: "06-12345678"
"""


def test_a_run_file_drives_both_packs(tmp_path):
    """``handouts --schedule FILE``: the run's dates, each day's own hours (the longer
    day's extra minutes in its Uitloop), trainer, organisation, venue and contact."""
    run_file = tmp_path / "mijn-groep.yml"
    run_file.write_text(RUN_FILE, encoding="utf-8")
    out = tmp_path / "pakketten"
    result = CliRunner().invoke(main, ["handouts", "--schedule", str(run_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / f"{TRAINER}.pdf").is_file() and (out / f"{PARTICIPANT}.pdf").is_file()
    first = body_text(loose(out, PARTICIPANT, "programma-dag-1.pdf"))
    assert "maandag 22 maart 2027, 09:30–12:45" in first
    second = body_text(loose(out, PARTICIPANT, "programma-dag-2.pdf"))
    assert f"maandag 29 maart 2027, {DATA.schedule.variants['dagdeel'].hours}" in second
    draaiboek = body_text(loose(out, TRAINER, "draaiboek-dag-1.pdf"))
    buffer = DATA.schedule.buffer("dag-1", "dagdeel")
    assert buffer is not None
    longer = buffer.minutes["dagdeel"] + 15
    assert f"12:{45 - longer:02d}–12:45 {longer} min {buffer.title}" in draaiboek
    for which in (TRAINER, PARTICIPANT):
        cover = page_text(PdfReader(out / f"{which}.pdf").pages[0])
        assert "Dag 1: maandag 22 maart 2027, 09:30–12:45" in cover
        assert "Dag 3: dinsdag 6 april 2027" in cover
        for line in ("Begeleider: Anouk de Vries", "Co-begeleider: Bram Peeters"):
            assert line in cover
        for page in PdfReader(out / f"{which}.pdf").pages:
            text = page_text(page)
            footer = "Buurthuis De Linde · Zaal 2, Lindelaan 4, Zwolle · 06-12345678"
            assert (footer in text) != is_certificate(text)
    certificate = body_text(loose(out, TRAINER, "certificaat.pdf"))
    assert "22 maart 2027" in certificate and "19 april 2027" in certificate
    assert "Anouk de Vries" in certificate and "Bram Peeters" in certificate
    attendance = body_text(loose(out, TRAINER, "presentielijst.pdf"))
    assert "Dag 3 06-04" in attendance


def test_a_broken_run_file_gives_the_trainer_a_dutch_message_and_writes_nothing(tmp_path):
    run_file = tmp_path / "mijn-groep.yml"
    run_file.write_text(RUN_FILE.replace('"12:45"', '"11:00"'), encoding="utf-8")
    out = tmp_path / "pakketten"
    result = CliRunner().invoke(main, ["handouts", "--schedule", str(run_file), "--out", str(out)])
    assert result.exit_code == 1
    assert str(run_file) in result.output and "dag-1" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
