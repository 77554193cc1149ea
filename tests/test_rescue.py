"""A damaged journal is rescued, not dumped: the damaged file is kept aside untouched and
every revision that can still be read comes back in a working journal."""

import sqlite3

import pytest
from click.testing import CliRunner

from samples.answers import entry
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal
from toelaten.exercises.journal import JournalError
from toelaten.exercises.rescue import is_healthy, rescue

DATA = CourseData()


def filled(path, n=40):
    """A journal with ``n`` revisions of one exercise and one of another, on disk."""
    journal = Journal(path)
    for i in range(n):
        journal.save("wiens-stem", [entry(zin=f"Zin nummer {i} " + "x" * 200)])
    journal.save("vraagladder", [{**entry("v1"), "answers": {"vraag": "Wil je helpen?"}}])
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return journal


def damage(path, offset, length=4096):
    data = bytearray(path.read_bytes())
    data[offset : offset + length] = b"\xa5" * min(length, len(data) - offset)
    path.write_bytes(bytes(data))


def test_a_journal_with_one_bad_page_keeps_every_other_revision(tmp_path):
    path = tmp_path / "journal.sqlite"
    filled(path)
    damage(path, 4096 * 4)  # a page of rows in the middle
    damaged = path.read_bytes()
    with pytest.raises(JournalError):
        Journal(path).history("wiens-stem")

    done = rescue(path, DATA)
    assert done.lost > 0
    assert done.copy.read_bytes() == damaged
    assert is_healthy(path, DATA)
    history = Journal(path).history("wiens-stem")
    assert 20 <= len(history) < 40
    assert history[-1].entries[0]["answers"]["zin"].startswith("Zin nummer 39 ")
    assert Journal(path).latest("vraagladder")[0]["answers"] == {"vraag": "Wil je helpen?"}
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_journal_whose_header_is_gone_is_rescued_from_its_bytes(tmp_path):
    path = tmp_path / "journal.sqlite"
    filled(path, n=5)
    damage(path, 0, 200)
    done = rescue(path, DATA)
    assert done.scanned
    assert Journal(path).latest("wiens-stem")[0]["answers"]["zin"].startswith("Zin nummer 4 ")
    assert len(Journal(path).history("wiens-stem")) == 5


def test_the_cli_names_the_file_reports_what_was_saved_and_keeps_the_copy(tmp_path):
    path = tmp_path / "journal.sqlite"
    filled(path)
    damage(path, 0, 200)
    runner = CliRunner()
    before = runner.invoke(main, ["progress", "--journal", str(path)])
    assert before.exit_code == 1 and "Traceback" not in before.output
    assert str(path) in before.output and "toelaten rescue" in before.output

    result = runner.invoke(main, ["rescue", "--journal", str(path)])
    assert result.exit_code == 0, result.output
    assert "Van wie is die stem?:" in result.output and "Gered:" in result.output
    assert "misschien ontbreekt" in result.output
    copies = [p for p in tmp_path.glob("journal.sqlite.beschadigd-*") if "-wal" not in p.name]
    assert len(copies) == 1 and str(copies[0]) in result.output

    after = runner.invoke(main, ["progress", "--journal", str(path)])
    assert after.exit_code == 0, after.output
    again = runner.invoke(main, ["rescue", "--journal", str(path)])
    assert "in orde" in again.output
    assert len(list(tmp_path.glob("journal.sqlite.beschadigd-*"))) == len(copies)


def test_from_the_bytes_the_last_save_stays_the_last_even_within_one_second(tmp_path):
    path = tmp_path / "journal.sqlite"
    journal = Journal(path)
    for i in range(12):  # the same two answers, saved back and forth
        journal.save("wiens-stem", [entry(zin="heen" if i % 2 else "terug")])
    journal.save("wiens-stem", [entry(zin="heen"), entry("e2", zin="en nog een")])
    journal.save("wiens-stem", [entry(zin="terug")])
    damage(path, 0, 200)
    rescue(path, DATA)
    assert Journal(path).latest("wiens-stem") == [entry(zin="terug")]


def test_damage_sqlite_would_read_past_is_reported_not_read_as_empty(tmp_path):
    path = tmp_path / "journal.sqlite"
    filled(path)
    for page in range(1, path.stat().st_size // 4096):
        damage(path, 4096 * page, 12)  # every page header but the first
    for command in (["progress"], ["export"], ["workbook", "--out", str(tmp_path / "w.pdf")]):
        result = CliRunner().invoke(main, [*command, "--journal", str(path)])
        assert result.exit_code == 1 and "toelaten rescue" in result.output, command
