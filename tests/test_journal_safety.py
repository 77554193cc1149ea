"""In Jupyter no answer is lost without the learner being told: a journal that cannot be
written or read says so in Dutch, and two notebooks on one journal lose nothing."""

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from samples.answers import entry
from test_widget import front_end_update
from toelaten.exercises import Journal, oefening
from toelaten.exercises.journal import JournalError
from toelaten.exercises.session import ExerciseSession
from toelaten.exercises.transfer import make_document


def letter(entry_id: str, text: str, updated: str) -> dict:
    return {
        "id": entry_id,
        "created": "2026-11-20T09:00:00Z",
        "updated": updated,
        "answers": {"brief": text},
    }


@contextlib.contextmanager
def read_only(path: Path):
    """The journal and its folder cannot be written, even by root (who ignores file modes):
    as on a read-only disk."""
    targets = [path, path.parent]
    if os.geteuid() != 0:
        for target in targets:
            target.chmod(target.stat().st_mode & 0o555)
        try:
            yield
        finally:
            for target in reversed(targets):
                target.chmod(target.stat().st_mode | 0o200)
        return
    if subprocess.run(["chattr", "+i", *map(str, targets)], capture_output=True).returncode:
        pytest.skip("running as root on a file system without chattr +i")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, targets)], check=True)


def test_a_read_only_journal_says_niet_bewaard_and_keeps_what_was_there(tmp_path):
    path = tmp_path / "journal.sqlite"
    Journal(path).save("wiens-stem", [entry(zin="Eerste zin")])
    widget = oefening("wiens-stem", journal=Journal(path))
    assert not Path(f"{path}-wal").exists()  # every connection closed: all in the file
    with read_only(path):
        front_end_update(widget, entries=[entry(zin="Tweede zin", updated="2026-11-21T09:00:00Z")])
        assert widget.status.startswith("Niet bewaard.")
        assert str(path) in widget.status and "Bewaard" not in widget.status
    assert Journal(path).latest("wiens-stem")[0]["answers"]["zin"] == "Eerste zin"


def test_a_journal_held_by_another_program_says_niet_bewaard(tmp_path):
    path = tmp_path / "journal.sqlite"
    Journal(path).save("wiens-stem", [entry(zin="Eerste zin")])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        session = ExerciseSession("wiens-stem", Journal(path, timeout=0.1))
        message, _ = session.save([entry(zin="Tweede zin")])
        assert message.startswith("Niet bewaard.") and "ander programma" in message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Journal(path).latest("wiens-stem")[0]["answers"]["zin"] == "Eerste zin"


def test_a_damaged_journal_opens_empty_says_so_and_is_never_written_over(tmp_path):
    path = tmp_path / "journal.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = path.read_bytes()
    widget = oefening("wiens-stem", journal=Journal(path))
    assert widget.entries == []
    assert widget.status.startswith("Niet geladen.") and "toelaten rescue" in widget.status
    front_end_update(widget, entries=[entry(zin="Nieuwe zin")])
    assert widget.status.startswith("Niet bewaard.") and str(path) in widget.status
    widget._on_message(widget, {"type": "add-entry", "exercise": "vraagladder"}, [])
    assert widget.status.startswith("Niet gelukt.")
    assert path.read_bytes() == before
    with pytest.raises(JournalError, match="beschadigd"):
        Journal(path).all_latest()


def test_two_notebooks_adding_to_the_same_exercise_keep_every_entry(tmp_path):
    path = tmp_path / "journal.sqlite"
    first = oefening("vraagladder", journal=Journal(path))
    second = oefening("vraagladder", journal=Journal(path))
    one = {**entry("a1", vraag="Wil je mijn pakket aannemen?"), "answers": {"vraag": "Pakket"}}
    two = {**entry("b1"), "answers": {"vraag": "Koffie drinken?"}}
    front_end_update(first, entries=[one])
    front_end_update(second, entries=[two])
    stored = [e["answers"]["vraag"] for e in Journal(path).latest("vraagladder")]
    assert sorted(stored) == ["Koffie drinken?", "Pakket"]
    assert [e["id"] for e in second.entries] == ["b1", "a1"]  # the screen shows both


@pytest.mark.parametrize(
    ("second_id", "second_text"),
    [("l2", "Een nieuwe brief"), ("l1", "Versie B")],
    ids=["a new letter", "the same sentence"],
)
def test_two_notebooks_changing_one_answer_keep_the_newer_and_the_other_as_earlier(
    tmp_path, second_id, second_text
):
    path = tmp_path / "journal.sqlite"
    Journal(path).save("brief-aan-jezelf", [letter("l1", "Lieve ik,", "2026-11-20T09:00:00Z")])
    first = oefening("brief-aan-jezelf", journal=Journal(path))
    second = oefening("brief-aan-jezelf", journal=Journal(path))
    front_end_update(first, entries=[letter("l1", "Versie A", "2026-11-21T09:00:00Z")])
    front_end_update(second, entries=[letter(second_id, second_text, "2026-11-22T09:00:00Z")])
    body = Journal(path).latest_body("brief-aan-jezelf")
    assert [e["answers"]["brief"] for e in body["entries"]] == [second_text]
    assert [e["answers"]["brief"] for e in body["earlier"]] == ["Versie A"]
    assert second.earlier == body["earlier"]


ADD_MANY = """
import sys
from toelaten.exercises import Journal
from toelaten.exercises.session import ExerciseSession
session = ExerciseSession("wiens-stem", Journal(sys.argv[1]))
for i in range(15):
    message = session.add_to("vraagladder", {"vraag": f"{sys.argv[2]}-{i}"}, "ok")
    assert not message.startswith("Niet"), message
"""


def test_adding_from_four_processes_at_once_loses_no_entry(tmp_path):
    path = tmp_path / "journal.sqlite"
    children = [
        subprocess.Popen([sys.executable, "-c", ADD_MANY, str(path), f"p{n}"]) for n in range(4)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0, 0]
    entries = Journal(path).latest("vraagladder")
    assert len(entries) == 60 and len({e["id"] for e in entries}) == 60


def test_an_earlier_version_is_kept_exported_and_can_be_brought_back(tmp_path):
    path = tmp_path / "journal.sqlite"
    journal = Journal(path)
    journal.save("brief-aan-jezelf", [letter("l1", "Op de laptop", "2026-11-20T09:00:00Z")])
    phone = make_document(
        {"brief-aan-jezelf": {"entries": [letter("l2", "Op de telefoon", "2026-11-21T09:00:00Z")]}}
    )
    journal.import_file(json.dumps(phone))
    exported = journal.export_document()["exercises"]["brief-aan-jezelf"]
    assert [e["answers"]["brief"] for e in exported["earlier"]] == ["Op de laptop"]
    again = Journal(tmp_path / "again.sqlite")
    again.import_file(json.dumps(journal.export_document()))
    assert again.latest_body("brief-aan-jezelf") == journal.latest_body("brief-aan-jezelf")

    widget = oefening("brief-aan-jezelf", journal=journal)
    assert [e["answers"]["brief"] for e in widget.earlier] == ["Op de laptop"]
    widget._on_message(widget, {"type": "bring-back", "id": "l1"}, [])
    assert [e["answers"]["brief"] for e in widget.entries] == ["Op de laptop"]
    assert [e["answers"]["brief"] for e in widget.earlier] == ["Op de telefoon"]
    assert journal.latest("brief-aan-jezelf")[0]["answers"]["brief"] == "Op de laptop"


def test_typing_on_after_an_import_elsewhere_keeps_both_versions(tmp_path):
    path = tmp_path / "journal.sqlite"
    Journal(path).save("brief-aan-jezelf", [letter("l1", "Lieve ik,", "2026-11-20T09:00:00Z")])
    notebook = oefening("brief-aan-jezelf", journal=Journal(path))
    phone = {"entries": [letter("l2", "Van de telefoon", "2026-11-21T09:00:00Z")]}
    Journal(path).import_file(json.dumps(make_document({"brief-aan-jezelf": phone})))
    front_end_update(notebook, entries=[letter("l1", "Lieve ik, verder", "2026-11-22T09:00:00Z")])
    assert notebook.status.startswith("Bewaard")
    body = Journal(path).latest_body("brief-aan-jezelf")
    assert [e["answers"]["brief"] for e in body["entries"]] == ["Lieve ik, verder"]
    assert sorted(e["answers"]["brief"] for e in body["earlier"]) == [
        "Lieve ik,",
        "Van de telefoon",
    ]
