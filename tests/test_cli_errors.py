"""No traceback from the CLI, for anything a person can type: each bad input below gets a
clear message and the right exit code (2 for a usage mistake), and changes nothing."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from samples.answers import GOOD
from toelaten.cli import main

START = ["--start", "2027-01-04"]


def binary(tmp: Path) -> Path:
    path = tmp / "foto.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    return path


def damaged_journal(tmp: Path) -> Path:
    path = tmp / "journal.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    return path


def text_file(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def a_file(tmp: Path) -> Path:
    return text_file(tmp, "gewoon-een-bestand", "x")


# (name, arguments given the tmp folder, exit code, a phrase the message must hold)
CASES = [
    ("start far ahead", lambda t: ["schedule", "--start", "9999-12-31"], 2, "2200"),
    ("start not a date", lambda t: ["schedule", "--start", "31-12-2027"], 2, "--start"),
    ("every huge", lambda t: ["schedule", *START, "--every", "10000000000"], 2, "--every"),
    ("every zero", lambda t: ["schedule", *START, "--every", "0"], 2, "--every"),
    ("neither start nor run file", lambda t: ["schedule"], 2, "--schedule"),
    ("run file missing", lambda t: ["schedule", "--schedule", str(t / "nee.yml")], 2, "nee.yml"),
    ("run file binary", lambda t: ["schedule", "--schedule", str(binary(t))], 1, "foto.jpg"),
    (
        "run file and --variant",
        lambda t: ["schedule", "--schedule", str(a_file(t)), "--variant", "dagdeel"],
        2,
        "--variant",
    ),
    (
        "run file not yaml",
        lambda t: ["handouts", "--schedule", str(a_file(t))],
        1,
        "roosterbestand",
    ),
    ("new run file over a file", lambda t: ["schedule", "--new", str(a_file(t))], 1, "bestaat al"),
    ("new run file into a folder", lambda t: ["schedule", "--new", str(t)], 2, "directory"),
    ("country unknown", lambda t: ["schedule", *START, "--country", "DE"], 2, "--country"),
    (
        "calendar into a missing folder",
        lambda t: ["schedule", *START, "--ics", str(t / "nee" / "cursus.ics")],
        1,
        "bestaat niet",
    ),
    (
        "calendar into a folder",
        lambda t: ["schedule", *START, "--ics", str(t)],
        2,
        "directory",
    ),
    (
        "pack into a file",
        lambda t: ["handouts", "--group", "--out", str(a_file(t) / "pak")],
        1,
        "Kan niet schrijven",
    ),
    (
        "export into a missing folder",
        lambda t: ["export", "--journal", str(t / "j.sqlite"), "--out", str(t / "nee" / "a.json")],
        1,
        "bestaat niet",
    ),
    (
        "workbook into a missing folder",
        lambda t: ["workbook", "--journal", str(t / "j.sqlite"), "--out", str(t / "nee" / "w.pdf")],
        1,
        "bestaat niet",
    ),
    (
        "workbook with a name too long for the cover",
        lambda t: ["workbook", "--journal", str(t / "j.sqlite"), "--name", "x" * 101],
        2,
        "te lang",
    ),
    ("binary course file", lambda t: ["check", "--course", str(binary(t))], 1, "UTF-8"),
    ("binary contacts file", lambda t: ["check", "--contacts", str(binary(t))], 1, "UTF-8"),
    ("a book folder without a book", lambda t: ["check", "--book", str(t)], 1, "_toc.yml"),
    (
        "broken YAML date",
        lambda t: ["check", "--course", str(text_file(t, "c.yml", "title: 2026-02-30\n"))],
        1,
        "not valid YAML",
    ),
    (
        "binary answers file",
        lambda t: ["import", "--journal", str(t / "j.sqlite"), str(binary(t))],
        1,
        "geen antwoordenbestand",
    ),
    (
        "lone surrogate",
        lambda t: [
            "import",
            "--journal",
            str(t / "j.sqlite"),
            str(text_file(t, "a.json", GOOD.replace("Ik moet", "Ik \\ud800 moet"))),
        ],
        1,
        "teken",
    ),
    (
        "deeply nested",
        lambda t: [
            "import",
            "--journal",
            str(t / "j.sqlite"),
            str(text_file(t, "a.json", "[" * 100_000 + "]" * 100_000)),
        ],
        1,
        "geen antwoordenbestand",
    ),
    (
        "journal folder is a file",
        lambda t: [
            "import",
            "--journal",
            str(a_file(t) / "j.sqlite"),
            str(text_file(t, "a.json", GOOD)),
        ],
        1,
        "Je dagboek",
    ),
    ("journal is a folder", lambda t: ["progress", "--journal", str(t)], 2, "directory"),
    (
        "damaged journal: progress",
        lambda t: ["progress", "--journal", str(damaged_journal(t))],
        1,
        "toelaten rescue",
    ),
    (
        "damaged journal: export",
        lambda t: ["export", "--journal", str(damaged_journal(t))],
        1,
        "toelaten rescue",
    ),
    (
        "damaged journal: workbook",
        lambda t: ["workbook", "--journal", str(damaged_journal(t)), "--out", str(t / "w.pdf")],
        1,
        "toelaten rescue",
    ),
    (
        "damaged journal: import",
        lambda t: [
            "import",
            "--journal",
            str(damaged_journal(t)),
            str(text_file(t, "a.json", GOOD)),
        ],
        1,
        "toelaten rescue",
    ),
    (
        "import a missing file",
        lambda t: ["import", "--journal", str(t / "j.sqlite"), str(t / "weg.json")],
        1,
        "bestaat niet",
    ),
    (
        "answers file as journal",
        lambda t: ["progress", "--journal", str(text_file(t, "a.json", GOOD))],
        1,
        "toelaten import",
    ),
    (
        "rescue an answers file",
        lambda t: ["rescue", "--journal", str(text_file(t, "a.json", GOOD))],
        1,
        "antwoordenbestand",
    ),
    (
        "export onto a device",
        lambda t: ["export", "--journal", str(t / "j.sqlite"), "--out", "/dev/null"],
        1,
        "geen gewoon bestand",
    ),
    ("readability of a binary file", lambda t: ["readability", str(binary(t))], 1, "UTF-8"),
    ("serve a missing port", lambda t: ["serve", "--port", "70000", str(t)], 2, "--port"),
]


@pytest.mark.parametrize(
    ("args", "code", "phrase"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_gets_a_message_never_a_traceback(tmp_path, args, code, phrase):
    arguments = args(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, arguments)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == code, result.output
    assert phrase in result.output, result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing half-written


def test_a_damaged_journal_is_never_written_over(tmp_path):
    path = damaged_journal(tmp_path)
    before = path.read_bytes()
    CliRunner().invoke(
        main, ["import", "--journal", str(path), str(text_file(tmp_path, "a.json", GOOD))]
    )
    assert path.read_bytes() == before


def test_exports_of_answers_are_private_to_the_learner(tmp_path):
    journal = tmp_path / "j.sqlite"
    CliRunner().invoke(
        main, ["import", "--journal", str(journal), str(text_file(tmp_path, "a.json", GOOD))]
    )
    os.umask(0o022)
    for command, name in (("export", "a.json"), ("workbook", "w.pdf")):
        out = tmp_path / name
        result = CliRunner().invoke(main, [command, "--journal", str(journal), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_mode & 0o777 == 0o600, command


def test_an_unexpected_error_is_one_line_unless_debugging(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("iets onverwachts")

    monkeypatch.setattr("toelaten.exercises.journal.Journal.all_latest", broken)
    result = CliRunner().invoke(main, ["progress", "--journal", str(tmp_path / "j.sqlite")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "iets onverwachts" in result.output and "TOELATEN_DEBUG" in result.output
    monkeypatch.setenv("TOELATEN_DEBUG", "1")
    result = CliRunner().invoke(main, ["progress", "--journal", str(tmp_path / "j.sqlite")])
    assert isinstance(result.exception, RuntimeError)


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    proc = subprocess.run(
        f"{sys.executable} -m toelaten schedule --start 2027-01-04 | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout.strip() and "Traceback" not in proc.stderr


def test_a_journal_locked_by_another_program_says_so(tmp_path, monkeypatch):
    journal = tmp_path / "j.sqlite"
    source = text_file(tmp_path, "a.json", GOOD)
    CliRunner().invoke(main, ["import", "--journal", str(journal), str(source)])
    other = sqlite3.connect(journal, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr(
            "toelaten.exercises.journal.Journal.__init__.__kwdefaults__", {"timeout": 0.1}
        )
        result = CliRunner().invoke(main, ["import", "--journal", str(journal), str(source)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1 and "ander programma" in result.output, result.output
