"""The guide's pages on paper (handouts/guide.py): a small MyST reader that prints what it
knows and stops, naming the file and the line, at anything it does not."""

import re

import pytest

from pdfs import read, text_of
from toelaten.coursedata import CourseData
from toelaten.handouts import render
from toelaten.handouts.guide import GuideError, guide_page
from toelaten.handouts.kit import GUIDE, guide_sheet
from toelaten.handouts.pack import FORMATS, PREPARE, SAFETY, SETTINGS, trainer_handouts

DATA = CourseData()
PRINTED = (*PREPARE, *SAFETY, *FORMATS, *SETTINGS)
#: Guide pages the trainer pack replaces with sheets of its own (the run sheets, the pack),
#: and the projector view, which is for a screen only.
REPLACED = {"index", "presenteren", *(day.id for day in DATA.course.days)}


def words(blocks) -> str:
    out = []
    for block in blocks:
        for runs in (
            [block.get("inlines", [])]
            + block.get("items", [])
            + [c for row in block.get("rows", []) for c in row]
        ):
            out.append("".join(run["text"] for run in runs))
        out.append(words(block.get("blocks", [])))
    return " ".join(out)


def test_every_guide_page_is_in_the_trainer_pack_or_replaced_by_its_sheets():
    on_disk = {path.stem for path in GUIDE.glob("*.md")}
    assert on_disk == set(PRINTED) | REPLACED


@pytest.mark.parametrize("page", sorted(path.stem for path in GUIDE.glob("*.md")))
def test_the_reader_prints_every_guide_page_or_names_what_it_cannot(page):
    path = GUIDE / f"{page}.md"
    if page in REPLACED:
        with pytest.raises(GuideError, match=re.escape(str(path)) + r":\d+: the directive"):
            guide_page(DATA, path)
        return
    title, blocks = guide_page(DATA, path)
    source = path.read_text(encoding="utf-8")
    assert f"# {title}" in source
    printed = " ".join(words(blocks).split())
    for heading in re.findall(r"^#{2,4} (.+)$", source, re.M):
        assert heading in printed
    # Every sentence of plain prose arrives whole (markup aside).
    plain = re.sub(r"\*\*|\{ref\}`([^<`]+?)\s*<[^>]+>`|\[([^\]]+)\]\([^)]+\)", r"\1\2", source)
    for sentence in re.findall(r"[A-Z][a-z][^.:?!*`{}\[\]\n#|]{20,}[.?!]", plain):
        assert sentence in printed or " ".join(sentence.split()) in printed, sentence


def test_a_guide_sheet_prints_hostile_text_as_text(tmp_path):
    page = tmp_path / "pagina.md"
    page.write_text(
        "# Titel met #set page(fill: red)\n\n"
        'Een zin met #import "x.typ" en $wiskunde$ en [haakjes] en \\\\ en @ref.\n\n'
        "- **Vet** met *schuin* en `code #x`\n"
        "- [Een link](https://example.org) blijft tekst\n\n"
        ":::{tip}\nEen tip binnen een kader.\n:::\n\n"
        "| Kolom | Andere |\n|---|---|\n| a | b |\n",
        encoding="utf-8",
    )
    sheet = guide_sheet(DATA, tmp_path, "pagina", "ondertitel")
    text = text_of(read(render(DATA, [sheet], sheet["title"]), tmp_path))
    for expected in (
        "Titel met #set page(fill: red)",
        'Een zin met #import "x.typ" en $wiskunde$ en [haakjes] en \\\\ en @ref.',
        "Vet met schuin en code #x",
        "Een link blijft tekst",
        "Tip Een tip binnen een kader.",
        "Kolom Andere a b",
    ):
        assert expected in " ".join(text.split()), expected
    assert "example.org" not in text


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("# T\n\n```{figure} x.png\n```\n", 3, "figure"),
        ("# T\n\nTekst met {abbr}`x`.\n", 3, "abbr"),
        ("# T\n\nTekst met {bron}`geen-bron`.\n", 3, "no source 'geen-bron'"),
        ("# T\n\n- een\n  - binnen\n", 4, "inside a list"),
        ("# T\n\n<div>html</div>\n", 3, "<div>"),
        ("# T\n\n```{note}\nnooit dicht\n", 3, "never closed"),
        ("---\nminutes: 2\n---\n\n# T\n\n![beeld](x.png)\n", 7, "!["),
    ],
)
def test_unknown_myst_stops_with_the_file_and_line(tmp_path, source, line, what):
    page = tmp_path / "pagina.md"
    page.write_text(source, encoding="utf-8")
    with pytest.raises(GuideError, match=rf"pagina\.md:{line}: .*{re.escape(what)}"):
        guide_page(DATA, page)


def test_a_sample_letter_prints_as_a_quote_with_its_line_breaks_and_sources(tmp_path):
    source = DATA.sources[0]
    page = tmp_path / "pagina.md"
    page.write_text(
        "# Brief\n\n> **Wanneer:** [de data].\\\n> **Waar:** [de zaal].\n>\n"
        f"> Zo werkt het {{bron}}`{source.key}`.\n\nNa de brief.\n",
        encoding="utf-8",
    )
    _, blocks = guide_page(DATA, page)
    assert [b["type"] for b in blocks] == ["quote", "para"]
    first = blocks[0]["blocks"][0]["inlines"]
    assert {"text": "", "break": True} in first
    sheet = guide_sheet(DATA, tmp_path, "pagina", "ondertitel")
    reader = read(render(DATA, [sheet], sheet["title"]), tmp_path)
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    assert "Wanneer: [de data]." in lines and "Waar: [de zaal]." in lines
    assert f"Zo werkt het ({source.cite})." in text_of(reader)


def note_after(blocks, link_text: str) -> str | None:
    """The note printed after the first run ``link_text`` of the blocks (or None)."""
    for block in blocks:
        for runs in [block.get("inlines", []), *block.get("items", [])]:
            for i, run in enumerate(runs):
                if run["text"].endswith(link_text):
                    following = runs[i + 1] if i + 1 < len(runs) else {}
                    return following["text"].strip() if following.get("note") else None
        found = note_after(block.get("blocks", []), link_text)
        if found is not None:
            return found
    return None


def test_a_link_on_paper_says_whether_its_page_is_in_the_pack_or_on_the_website(tmp_path):
    guide, book = tmp_path / "facilitator-guide", tmp_path / "book"
    guide.mkdir()
    book.mkdir()
    (guide / "b.md").write_text("# Pagina B\n", encoding="utf-8")
    (guide / "c.md").write_text("# Pagina C\n\n(sectie)=\n## Een sectie\n", encoding="utf-8")
    (book / "les.md").write_text("# Een les\n", encoding="utf-8")
    (guide / "a.md").write_text(
        "# Pagina A\n\n"
        "- Lees [de regels](b.md) eerst.\n"
        "- Lees [Pagina B](b.md#kop) ook.\n"
        "- Op [die pagina](c.md) niet.\n"
        "- Zie {ref}`het stuk <sectie>` en {doc}`de les <../book/les>`.\n"
        "- Een [adres](https://example.org).\n",
        encoding="utf-8",
    )
    words = DATA.strings
    sheet = guide_sheet(DATA, guide, "a", "ondertitel", printed={"a": None, "b": None})
    blocks = sheet["guide"]
    assert note_after(blocks, "de regels") == words("pdf.guide.link.pack", title="Pagina B")
    assert note_after(blocks, "Pagina B") == words("pdf.guide.link.here")
    assert note_after(blocks, "die pagina") == words("pdf.guide.link.web", title="Pagina C")
    section = words("pdf.guide.link.section", page="Pagina C", section="Een sectie")
    assert note_after(blocks, "het stuk") == words("pdf.guide.link.web", title=section)
    assert note_after(blocks, "de les") == words("pdf.guide.link.web", title="Een les")
    assert note_after(blocks, "adres") is None  # an address on the web: its text, as before
    # A page the pack prints as a sheet of its own goes by that sheet's title.
    sheet = guide_sheet(DATA, guide, "a", "ondertitel", printed={"a": None, "b": "Ingevuld"})
    assert note_after(sheet["guide"], "de regels") == words("pdf.guide.link.pack", title="Ingevuld")
    # Without the pack (the reader on its own), a link is its text.
    assert note_after(guide_sheet(DATA, guide, "a", "ondertitel")["guide"], "de regels") is None


@pytest.mark.parametrize("run", [False, True])
def test_every_link_in_the_trainer_pack_says_where_its_page_is(run):
    """The guide's pages in the pack: no link is left pointing nowhere, and a run prints
    the invitation once, filled in; without a run, the page with the sample letter."""
    from test_kit_sheets import RUN

    handouts = trainer_handouts(DATA, "dag", run=RUN if run else None)
    titles = [h.sheet["title"] for h in handouts]
    filled = DATA.strings("pdf.forms.invitation")
    sample, _ = guide_page(DATA, GUIDE / "uitnodiging.md")
    assert (filled in titles, sample in titles) == (run, not run)
    for handout in handouts:
        page = GUIDE / handout.filename.removeprefix("gids-").replace(".pdf", ".md")
        if not handout.filename.startswith("gids-"):
            continue
        source = page.read_text(encoding="utf-8")
        links = re.findall(r"\]\((?!https?:)[^)]+\)|\{(?:ref|doc)\}`", source)
        notes = re.findall(r"'note': True", str(handout.sheet["guide"]))
        assert len(notes) == len(links), page.name
    # Voorbereiden's link to the sample letter leads to the one the pack prints.
    voorbereiden = next(h for h in handouts if h.filename == "gids-voorbereiden.pdf")
    shown = note_after(voorbereiden.sheet["guide"], "De uitnodiging")
    if run:
        assert shown == DATA.strings("pdf.guide.link.pack", title=filled)
    else:
        assert shown == DATA.strings("pdf.guide.link.here")
