"""The journal keeps every save, survives a crash mid-save, and imports all or nothing."""

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from samples.answers import BAD, ENTRY, GOOD, document, entry
from toelaten.exercises import AnswerError, Journal, TransferError
from toelaten.exercises.journal import default_path


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "sub" / "journal.sqlite")


def test_reading_an_empty_journal_creates_no_file(journal):
    assert journal.latest("wiens-stem") == []
    assert journal.all_latest() == {}
    assert not journal.path.exists()


def test_a_second_save_keeps_the_first_revision(journal):
    first = journal.save("wiens-stem", [entry(zin="Ik moet het zelf kunnen.")])
    second = journal.save(
        "wiens-stem", [entry(zin="Ik mag vragen.", updated="2026-11-20T10:00:00Z")]
    )
    assert second > first
    history = journal.history("wiens-stem")
    assert [r.entries[0]["answers"]["zin"] for r in history] == [
        "Ik moet het zelf kunnen.",
        "Ik mag vragen.",
    ]
    assert journal.latest("wiens-stem")[0]["answers"]["zin"] == "Ik mag vragen."


def test_saving_the_same_answers_again_adds_no_revision(journal):
    first = journal.save("wiens-stem", [entry(zin="Zelfde")])
    assert journal.save("wiens-stem", [entry(zin="Zelfde")]) == first
    assert len(journal.history("wiens-stem")) == 1


def test_invalid_answers_are_not_saved(journal):
    journal.save("wiens-stem", [entry(waar_voor=50)])
    with pytest.raises(AnswerError):
        journal.save("wiens-stem", [entry(waar_voor=500)])
    assert journal.latest("wiens-stem")[0]["answers"] == {"waar_voor": 50}


def test_the_journal_file_is_private_to_the_user(journal):
    journal.save("wiens-stem", [entry(zin="x")])
    assert journal.path.stat().st_mode & 0o077 == 0


def test_the_location_can_be_set_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TOELATEN_JOURNAL", str(tmp_path / "elders.sqlite"))
    assert default_path() == tmp_path / "elders.sqlite"
    monkeypatch.delenv("TOELATEN_JOURNAL")
    assert default_path().name == "journal.sqlite"


CHILD = """
import sqlite3
import sys
from toelaten.exercises import Journal

# Say each statement as SQLite starts it, so that the test can kill this process right then.
connect = sqlite3.connect
def watched(*args, **kwargs):
    db = connect(*args, **kwargs)
    db.set_trace_callback(lambda sql: print(sql.split(None, 1)[0].upper(), flush=True))
    return db
sqlite3.connect = watched

j = Journal(sys.argv[1])
big = "woord " * 1600
i = 0
while True:
    i += 1
    j.save("wiens-stem", [{"id": f"e{k}", "created": "2026-11-20T09:00:00Z",
        "updated": "2026-11-20T09:00:00Z", "answers": {"beschermt": big, "zin": str(i)}}
        for k in range(200)])
"""


# Killed as it starts to write a 2 MB save, and as it commits one (the third may checkpoint).
@pytest.mark.parametrize(("statement", "nth"), [("INSERT", 1), ("COMMIT", 1), ("COMMIT", 3)])
def test_a_process_killed_while_saving_leaves_earlier_answers_readable(journal, statement, nth):
    journal.save("wiens-stem", [entry(zin="Mijn eerste zin")])
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(journal.path)], stdout=subprocess.PIPE, text=True
    )
    seen = 0
    for line in child.stdout:
        seen += line.strip() == statement
        if seen == nth:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert seen == nth, f"the saving process ended before its {statement} number {nth}"
    db = sqlite3.connect(journal.path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    history = journal.history("wiens-stem")
    assert history[0].entries[0]["answers"]["zin"] == "Mijn eerste zin"
    latest = journal.latest("wiens-stem")
    assert latest == history[-1].entries
    assert len(latest) in (1, 200)  # the last complete save, never a torn one


def test_export_then_import_into_an_empty_journal_restores_everything(journal, tmp_path):
    journal.save("wiens-stem", [entry(zin="Ik moet het zelf kunnen.", waar_voor=80)])
    exported = json.dumps(journal.export_document(), ensure_ascii=False)
    other = Journal(tmp_path / "other.sqlite")
    assert other.import_file(exported) == {"wiens-stem": 1}
    assert other.latest("wiens-stem") == journal.latest("wiens-stem")


def test_importing_the_same_file_twice_changes_nothing(journal):
    journal.import_file(GOOD)
    journal.import_file(GOOD)
    assert len(journal.history("wiens-stem")) == 1
    assert journal.latest("wiens-stem") == [ENTRY]


def test_import_merges_without_losing_an_answer(journal):
    journal.save("wiens-stem", [entry("mine", zin="Alleen hier"), entry("e1", zin="Oud hier")])
    newer = {**ENTRY, "updated": "2026-11-21T08:00:00Z"}
    journal.import_file(json.dumps(document([newer])))
    latest = {e["id"]: e["answers"].get("zin") for e in journal.latest("wiens-stem")}
    assert latest["mine"] == "Alleen hier"
    assert latest["e1"] == ENTRY["answers"]["zin"]  # the newer version keeps its place
    assert "Oud hier" in latest.values()  # and the older one is kept as a copy
    assert len(journal.history("wiens-stem")) == 2  # the state before the import is kept too


@pytest.mark.parametrize(("name", "raw", "phrase"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_gives_a_dutch_message_and_changes_nothing(journal, name, raw, phrase):
    journal.save("wiens-stem", [entry(zin="Blijft staan")])
    with pytest.raises(TransferError) as err:
        journal.import_file(raw)
    assert phrase in str(err.value), str(err.value)
    assert len(journal.history("wiens-stem")) == 1
    assert journal.latest("wiens-stem")[0]["answers"]["zin"] == "Blijft staan"


def test_forget_removes_the_journal(journal):
    journal.save("wiens-stem", [entry(zin="weg")])
    assert journal.forget() is True
    assert not journal.path.exists()
    assert journal.latest("wiens-stem") == []
    assert journal.forget() is False
