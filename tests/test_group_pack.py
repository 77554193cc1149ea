"""The facilitator's workshop pack (`toelaten handouts --group`): every sheet a group needs,
each as its own PDF and all in one PDF with a table of contents, from the same data as the
guide pages."""

import functools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from pages import soup
from pdfs import fonts_of, is_tagged_a4_pdf_ua, page_text
from toelaten import DataError
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.group import load_group_materials
from toelaten.handouts import HandoutError
from toelaten.handouts import pack as pack_module

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


def make_pack(out: Path, *args: str) -> list[Path]:
    result = CliRunner().invoke(main, ["handouts", "--group", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    assert "Het workshoppakket staat in" in result.output
    return [Path(line) for line in result.output.splitlines() if line.endswith(".pdf")]


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "workshoppakket"
    make_pack(out, "--start", "2027-01-25", "--variant", "dagdeel")
    return out


@pytest.fixture(scope="module")
def pack(pack_dir) -> PdfReader:
    return PdfReader(pack_dir / "workshoppakket.pdf")


def sheet_titles() -> list[str]:
    group = DATA.group
    titles = [group.agreements_title, "Hulpkaart", group.forms["kijkblad"].title]
    for day in DATA.course.days:
        titles += [f"Draaiboek dag {day.number}", f"Programma dag {day.number}"]
        titles += [DATA.exercises[e].title for e in day.exercises]
    return [*titles, group.forms["evaluatie"].title]


def test_the_pack_has_every_handout_as_its_own_accessible_pdf(pack_dir):
    expected = {
        "groepsafspraken.pdf",
        "hulpkaart.pdf",
        "kijkblad-waarnemer.pdf",
        "evaluatieformulier.pdf",
        *(f"programma-{d.id}.pdf" for d in DATA.course.days),
        *(f"draaiboek-{d.id}.pdf" for d in DATA.course.days),
        *(f"werkblad-{e}.pdf" for e in DATA.exercises),
        "workshoppakket.pdf",
    }
    assert {p.name for p in pack_dir.iterdir()} == expected
    for path in pack_dir.iterdir():
        reader = PdfReader(path)
        assert is_tagged_a4_pdf_ua(reader), path.name
        assert all(f.startswith("AtkinsonHyperlegible-") for f in fonts_of(reader)), path.name
        for text in page_texts(path):
            assert HELP_LINE in text, path.name


def test_the_combined_pack_has_a_table_of_contents_with_true_page_numbers(pack, pack_dir):
    assert pack.metadata.title == "Workshoppakket"
    pages = page_texts(pack_dir / "workshoppakket.pdf")
    first_part = pack.get_destination_page_number(pack.outline[0])
    contents = " ".join(pages[:first_part])
    assert "Inhoud" in contents
    for title in sheet_titles():
        match = re.search(re.escape(title) + r"[ .]*?(\d+)(?!\d)", contents)
        assert match, f"{title!r} is not in the table of contents"
        assert title in pages[int(match.group(1)) - 1], f"{title!r} is not on page {match[1]}"


def test_the_help_line_is_on_every_page_of_the_pack(pack_dir):
    pages = page_texts(pack_dir / "workshoppakket.pdf")
    assert len(pages) > len(sheet_titles())
    for number, text in enumerate(pages, start=1):
        assert HELP_LINE in text, f"page {number}"


def test_the_pack_is_bookmarked_by_part_and_sheet(pack):
    parts = [item.title for item in pack.outline if not isinstance(item, list)]
    assert parts == ["Voor de hele training", *(d.heading(DATA.strings) for d in DATA.course.days)]
    sheets = [s.title for item in pack.outline if isinstance(item, list) for s in item]
    assert sheets == sheet_titles()


def test_the_programmes_have_dutch_dates_and_the_times_of_the_variant(pack_dir):
    schedule = DATA.schedule
    dates = ["maandag 25 januari 2027", "dinsdag 26 januari 2027", "woensdag 27 januari 2027"]
    dates += ["donderdag 28 januari 2027", "vrijdag 29 januari 2027"]
    for day, when in zip(DATA.course.days, dates, strict=True):
        text = body_text(PdfReader(pack_dir / f"programma-{day.id}.pdf"))
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
    schedule = DATA.schedule
    for day in DATA.course.days:
        text = body_text(PdfReader(pack_dir / f"draaiboek-{day.id}.pdf"))
        for slot in schedule.run_sheet(day.id, "dagdeel"):
            block = slot.block
            assert f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.minutes} min {block.title}" in text
            if block.format == "pauze":
                continue
            for label, fact in schedule.facts(block, DATA.strings):
                assert f"{label}: {' '.join(fact.split())}" in text, (day.id, block.id, label)
            for question in block.debrief:
                assert question in text
            if block.werkvorm:
                assert schedule.werkvormen[block.werkvorm] in text


def test_a_weekly_pack_without_dates_says_how_to_add_them(tmp_path):
    weekly = tmp_path / "weekly"
    make_pack(weekly, "--start", "2027-01-25", "--every", "7")
    full_day = DATA.schedule.variants["dag"]
    second = body_text(PdfReader(weekly / "programma-dag-2.pdf"))
    assert f"maandag 1 februari 2027, {full_day.hours}" in second
    undated = tmp_path / "undated"
    make_pack(undated)
    first = body_text(PdfReader(undated / "programma-dag-1.pdf"))
    assert f"{full_day.label}, {full_day.hours}" in first
    cover = page_text(PdfReader(undated / "workshoppakket.pdf").pages[0])
    assert "toelaten handouts --group --start JJJJ-MM-DD" in cover
    # The cover says how many observer sheets each participant needs: one per triad block.
    in_triads = DATA.schedule.formats["drietallen"]
    triads = sum(
        body_text(PdfReader(undated / f"programma-{d.id}.pdf")).count(in_triads)
        for d in DATA.course.days
    )
    assert triads > 0
    assert f"in drietallen nodig: {triads} keer" in cover


def test_the_group_sheets_print_the_data_file(pack_dir):
    group = DATA.group
    agreements = body_text(PdfReader(pack_dir / "groepsafspraken.pdf"))
    for agreement in group.agreements:
        assert f"{agreement.title} {' '.join(agreement.text.split())}" in agreements
    for form_id, filename in (
        ("kijkblad", "kijkblad-waarnemer"),
        ("evaluatie", "evaluatieformulier"),
    ):
        text = body_text(PdfReader(pack_dir / f"{filename}.pdf"))
        for field in group.forms[form_id].fields:
            assert field.label in text


def test_the_help_card_has_every_contact_of_every_country(pack_dir):
    reader = PdfReader(pack_dir / "hulpkaart.pdf")
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
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_render, calls = pack_module.render, []

    def failing_render(sheets, title, pack=None):
        calls.append(title)
        if len(calls) == 10:
            raise HandoutError("typst broke")
        return real_render(sheets, title, pack)

    monkeypatch.setattr(pack_module, "render", failing_render)
    result = CliRunner().invoke(
        main, ["handouts", "--group", "--out", str(out), "--start", "2027-03-01"]
    )
    assert result.exit_code == 1
    assert "typst broke" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


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


def test_the_guide_offers_the_pack_of_each_variant_for_download(html):
    links = soup(html, "facilitator-guide/index.html").select("ul.toelaten-downloads a")
    assert len(links) == len(DATA.schedule.variants)
    for link in links:
        path = (html / "facilitator-guide" / link["href"]).resolve()
        reader = PdfReader(path)
        assert "Inhoud" in page_text(reader.pages[0])
        assert HELP_LINE in page_text(reader.pages[-1])
