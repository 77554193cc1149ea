"""The interface's words: one catalogue per language (src/toelaten/locale/<language>.yml).

Every key the code asks for is in nl.yml and every key in nl.yml is asked for, in the
renderer that gets it; a new language is a new file, and its words reach Python, the
browser, typst and the page templates; a catalogue that does not match nl.yml is a data
error naming its file."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sphinx.application import Sphinx

from editions import copy_data, replace_in
from pdfs import read, text_of
from toelaten import DataError
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises import front
from toelaten.exercises.journal import Journal
from toelaten.exercises.session import ExerciseSession
from toelaten.handouts import TYPST_SECTIONS, worksheet_pdf
from toelaten.strings import KEYS_FILE, Strings, keys_text, load_strings, locale_dir, read_catalogue

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "toelaten"
NL = load_strings("nl")

# How each renderer asks for a key. A key ending in "." is a family the code picks from
# (strings.section("date.months"), tr("pdf.timetable." + name)); plural() uses .one/.other.
ASKS = {
    ".py": re.compile(r"""\b(?:strings|self)(\.plural|\.section)?\(\s*["']([a-z][\w.]*)["']"""),
    ".js": re.compile(r"""\btr(\.plural)?\(\s*["']([a-z][\w.]*)["']"""),
    ".typ": re.compile(r"""\btr()\(\s*["']([a-z][\w.]*)["']"""),
    ".html": re.compile(r"""\btoelaten_strings()\(\s*["']([a-z][\w.]*)["']"""),
}


# A call whose key is not written out: the scan could not see what it asks for.
UNSEEN = {
    ".py": re.compile(r"""(?<!def )\b(?:strings|self)(?:\.plural|\.section)?\((?!\s*["')])"""),
    ".js": re.compile(r"""\btr(?:\.plural)?\((?!\s*["')])"""),
    ".typ": re.compile(r"""\btr\((?!\s*["')])"""),
    ".html": re.compile(r"""\btoelaten_strings\((?!\s*["')])"""),
}
#: Where a key is passed on rather than written: the helpers themselves.
HELPERS = {
    "strings.py": 'return self(f"{key}.',
    "dom.js": "function tr(key, values = {}) {",
    "common.typ": "#let tr(key, ..values) = {",
}


def sources():
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in ASKS and "data" not in path.relative_to(PACKAGE).parts:
            yield path, path.read_text(encoding="utf-8")


def asked() -> dict[str, set[str]]:
    """Per kind of source file (.py, .js, .typ, .html), the keys the code asks for."""
    found: dict[str, set[str]] = {suffix: set() for suffix in ASKS}
    for path, text in sources():
        for how, key in ASKS[path.suffix].findall(text):
            if how == ".plural":
                found[path.suffix] |= {f"{key}.one", f"{key}.other"}
            elif how == ".section":
                found[path.suffix].add(key + ".")
            else:
                found[path.suffix].add(key)
    return found


def test_every_key_is_written_out_where_it_is_asked_for():
    """So the scan sees every key; a choice between two keys is two calls."""
    unseen = []
    for path, text in sources():
        for found in UNSEEN[path.suffix].finditer(text):
            line = text[: found.start()].count("\n")
            code = text.splitlines()[line].strip()
            if not code.startswith(("tr.plural = ", HELPERS.get(path.name, "\0"))):
                unseen.append(f"{path.name}:{line + 1}: {code}")
    assert not unseen, unseen


def covers(key: str, messages: dict[str, str]) -> set[str]:
    """The catalogue's keys that ``key`` asks for: itself, or a whole family."""
    if key.endswith("."):
        return {k for k in messages if k.startswith(key)}
    return {key} & set(messages)


def test_the_scan_finds_every_renderer():
    found = asked()
    assert "progress.not_started" in found[".py"]
    assert {"exercise.save", "progress.entries.one"} <= found[".js"]
    assert "pdf.contents" in found[".typ"] and "pdf.timetable." in found[".typ"]
    assert "help.title" in found[".html"]
    assert "date.months." in found[".py"]


def test_every_key_the_code_asks_for_is_in_nl_yml():
    missing = {
        f"{key} ({suffix})"
        for suffix, keys in asked().items()
        for key in keys
        if not covers(key, NL.messages)
    }
    assert not missing, f"not in locale/nl.yml: {sorted(missing)}"


def test_every_key_in_nl_yml_is_asked_for():
    used = {k for keys in asked().values() for key in keys for k in covers(key, NL.messages)}
    unused = sorted(set(NL.messages) - used)
    assert not unused, f"in locale/nl.yml but asked for nowhere: {unused}"


def test_the_browser_and_typst_get_the_sections_they_ask_for():
    """The browser and typst only have the sections front.JS_SECTIONS and
    handouts.TYPST_SECTIONS name: a key from another section would show as itself (the
    browser) or stop the PDF (typst)."""
    found = asked()
    for suffix, sections in ((".js", front.JS_SECTIONS), (".typ", TYPST_SECTIONS)):
        outside = sorted(k for k in found[suffix] if k.split(".")[0] not in sections)
        assert not outside, f"{suffix} asks for keys outside {sections}: {outside}"


def test_placeholders_are_named_and_plurals_have_both_forms():
    for key, text in NL.messages.items():
        assert "{}" not in text, f"{key}: name the placeholder"
        if key.endswith((".one", ".other")):
            base = key.rsplit(".", 1)[0]
            assert {f"{base}.one", f"{base}.other"} <= set(NL.messages), f"{key}: a plural?"


# ---- a new language is a new file ---------------------------------------------------------


def test_the_recipe_names_the_files_a_new_language_adds():
    contributing = (PACKAGE.parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    found = re.search(r"^### A new language\n(.*?)(?=^##)", contributing, re.S | re.M)
    assert found, "CONTRIBUTING.md has no recipe 'A new language'"
    for named in (
        "language: <code>",
        "src/toelaten/locale/nl.yml",
        "locale/<code>.yml",
        "toelaten --data <folder> check",
        "tests/test_strings.py",
    ):
        assert named in found.group(1), f"'A new language' does not say {named}"


def translated(value: str) -> str:
    """A stand-in translation: marked, placeholders kept."""
    return f"XX {value}"


def translate(data, path=()):
    if isinstance(data, dict):
        return {k: translate(v, (*path, str(k))) for k, v in data.items()}
    if path[0] == "format":  # how numbers and dates are written: a real locale
        return {"locale": "en-GB", "thousands": ","}[path[-1]]
    return translated(data)


@pytest.fixture
def edition(tmp_path) -> Path:
    """A copy of the course's data with `language: xx` and its own catalogue: nothing else."""
    data = copy_data(tmp_path / "data")
    replace_in(data / "course.yml", "language: nl", "language: xx")
    nl = yaml.safe_load((locale_dir() / "nl.yml").read_text(encoding="utf-8"))
    (data / "locale").mkdir()
    (data / "locale" / "xx.yml").write_text(
        yaml.safe_dump(translate(nl), allow_unicode=True, sort_keys=False), "utf-8"
    )
    return data


def test_a_course_in_a_new_language_speaks_it_in_python(edition, tmp_path):
    data = CourseData(edition)
    strings = data.strings
    assert strings.language == "xx" and strings.source == edition / "locale" / "xx.yml"
    assert strings("exercise.save") == "XX Bewaren"
    assert strings.number(12000) == "12,000"
    # the command line
    journal = tmp_path / "journal.sqlite"
    shown = CliRunner().invoke(
        main, ["--data", str(edition), "progress", "--journal", str(journal)]
    )
    assert shown.exit_code == 0, shown.output
    assert "XX nog niet begonnen" in shown.output and "XX Dag 1 – " in shown.output
    # a save in Jupyter, and the message of an answer that does not fit
    session = ExerciseSession("wiens-stem", Journal(journal, data=data), data)
    assert session.save([])[0].startswith("XX Bewaard in je dagboek om ")
    assert session.add_to("bestaat-niet", {}, "")[0:3] == "XX "
    exercise = data.exercises["wiens-stem"]
    messages = exercise.as_json()["schema"]["$defs"]["entry"]["x-messages"]
    assert messages["type"] == "XX De antwoorden hebben een vorm die deze oefening niet kent."


def test_a_course_in_a_new_language_speaks_it_in_the_browser(edition):
    script = front.classic_script(CourseData(edition).strings)
    assert '"exercise.save": "XX Bewaren"' in script
    assert '"workbook.wipe": "XX Alles wissen"' in script
    assert "Bewaren" not in script.replace("XX Bewaren", "")


def test_a_course_in_a_new_language_speaks_it_on_paper(edition, tmp_path):
    data = CourseData(edition)
    text = text_of(read(worksheet_pdf(data, data.exercises["experiment"]), tmp_path))
    assert "XX Omcirkel een getal." in text  # sheets.typ
    assert "XX Dit is een training, geen therapie." in text  # common.typ
    assert "XX Als het even niet gaat – " in text  # the footer, made in Python
    assert "Omcirkel een getal." not in text.replace("XX Omcirkel een getal.", "")


def test_a_book_of_a_course_in_a_new_language_speaks_it(edition, tmp_path):
    """The page templates (the help link and the skip link), the directives and the
    exercise script of a book whose data folder has `language: xx`."""
    src = tmp_path / "book"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "toelaten.sphinxext"]\n'
        'html_theme = "toelaten"\ntoelaten_help_page = "index"\n'
        f'toelaten_privacy_page = "index"\ntoelaten_data = {str(edition)!r}\n',
        "utf-8",
    )
    (src / "index.md").write_text(
        "# Test\n\n```{dagen-overzicht}\n```\n\n```{oefening} wiens-stem\n```\n", "utf-8"
    )
    out, warnings = src / "_build", io.StringIO()
    Sphinx(
        str(src), str(src), str(out), str(out / ".doctrees"), "html",
        status=io.StringIO(), warning=warnings, freshenv=True,
    ).build()  # fmt: skip
    assert "ERROR" not in warnings.getvalue(), warnings.getvalue()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "XX Direct naar: XX Als het even niet gaat" in page  # layout.html
    assert "<span>XX Als het even niet gaat</span>" in page  # the header's help link
    assert "XX De vijf dagen in het kort" in page  # {dagen-overzicht}
    assert "XX Oefening: " in page  # {oefening}, before the script runs
    script = (out / "_static" / "toelaten" / "oefeningen.js").read_text(encoding="utf-8")
    assert '"exercise.save": "XX Bewaren"' in script


# ---- a catalogue that does not match is named ---------------------------------------------


def catalogue(folder: Path, language: str, change) -> Path:
    nl = yaml.safe_load((locale_dir() / "nl.yml").read_text(encoding="utf-8"))
    change(nl)
    folder.mkdir(exist_ok=True)
    path = folder / f"{language}.yml"
    path.write_text(yaml.safe_dump(nl, allow_unicode=True), "utf-8")
    return path


def test_a_missing_key_names_the_file_and_the_key(tmp_path):
    path = catalogue(tmp_path / "locale", "xa", lambda nl: nl["exercise"].pop("save"))
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}: .*missing: exercise\.save"):
        load_strings("xa", tmp_path / "locale")


def test_a_key_nl_yml_does_not_have_names_the_file_and_the_key(tmp_path):
    path = catalogue(tmp_path / "locale", "xb", lambda nl: nl["exercise"].update(bewaar="B"))
    with pytest.raises(
        DataError, match=rf"{re.escape(str(path))}: .*not used \(a typo\?\): exercise\."
    ):
        load_strings("xb", tmp_path / "locale")


def test_a_changed_placeholder_names_the_file_and_the_key(tmp_path):
    def change(nl):
        nl["exercise"]["status"]["saved_device"] = "Saved at {tijd}."

    path = catalogue(tmp_path / "locale", "xc", change)
    with pytest.raises(DataError, match=re.escape(f"{path}: exercise.status.saved_device: uses")):
        load_strings("xc", tmp_path / "locale")


def test_an_unquoted_yes_and_a_half_placeholder_are_named(tmp_path):
    folder = tmp_path / "locale"
    folder.mkdir()
    (folder / "xd.yml").write_text("cli:\n  forget:\n    yes: ja\n", "utf-8")
    with pytest.raises(DataError, match="put the key in quotes"):
        load_strings("xd", folder)
    (folder / "xe.yml").write_text("exercise:\n  save: 'Bewaar {'\n", "utf-8")
    with pytest.raises(DataError, match=r"xe\.yml: exercise\.save: a \{ without its \}"):
        load_strings("xe", folder)


def test_a_language_without_a_catalogue_says_which_file_to_write(edition):
    replace_in(edition / "course.yml", "language: xx", "language: fy")
    result = CliRunner().invoke(main, ["--data", str(edition), "check"])
    assert result.exit_code == 1
    assert f"{edition / 'locale' / 'fy.yml'}: no interface strings for language 'fy'" in (
        result.output
    )
    assert "known: nl, xx" in result.output


def test_a_broken_catalogue_fails_the_check_naming_it(edition):
    path = edition / "locale" / "xx.yml"
    replace_in(path, "  save: XX Bewaren\n", "")
    result = CliRunner().invoke(main, ["--data", str(edition), "check"])
    assert result.exit_code == 1
    assert f"{path}: the keys differ from those the code asks for; missing: exercise.save" in (
        result.output
    )


def test_the_keys_file_is_nl_yml_s_keys_and_placeholders():
    """keys.txt is what every catalogue is held to; `make locale-keys` writes it."""
    shipped = read_catalogue(locale_dir() / "nl.yml")
    assert (locale_dir() / KEYS_FILE).read_text(encoding="utf-8") == keys_text(shipped), (
        "run `make locale-keys` after changing the keys in nl.yml"
    )


@pytest.mark.parametrize(
    ("old", "new", "reported"),
    [
        ("  skip_link:", "  skiplink:", "missing: help.skip_link; not used (a typo?)"),
        ("{number} – {title}", "{number} – {titel}", "the code fills in {number}, {title}"),
    ],
)
def test_a_mistake_in_the_dutch_is_named_by_check(tmp_path, old, new, reported):
    """An author editing nl.yml (the shipped one, or an edition's own, which is read the
    same way) gets a message from `toelaten check`, not a crash in the build or a
    half-printed help list."""
    data = copy_data(tmp_path / "editie")
    (data / "locale").mkdir()
    shutil.copy(locale_dir() / "nl.yml", data / "locale" / "nl.yml")
    replace_in(data / "locale" / "nl.yml", old, new)
    result = CliRunner().invoke(main, ["--data", str(data), "check"])
    assert result.exit_code == 1
    assert f"{data / 'locale' / 'nl.yml'}: " in result.output and reported in result.output


def test_a_course_may_bring_its_own_dutch(tmp_path):
    """A team edition may reword the Dutch: <data>/locale/nl.yml, checked against the
    package's own nl.yml like any other language."""
    path = catalogue(tmp_path / "locale", "nl", lambda nl: nl["exercise"].update(save="Opslaan"))
    strings = load_strings("nl", tmp_path / "locale")
    assert isinstance(strings, Strings) and strings.source == path
    assert strings("exercise.save") == "Opslaan" and NL("exercise.save") == "Bewaren"
