"""The live exercise in Jupyter: what the front end sends reaches Python and the journal."""

import json
from pathlib import Path

import pytest

from samples.answers import entry
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal, oefening
from toelaten.exercises.session import ExerciseSession

DATA = CourseData()


def front_end_update(widget, **state):
    """What ipywidgets does when the browser's model sends `save_changes()` over the comm."""
    widget._handle_msg(
        {
            "content": {"data": {"method": "update", "state": state, "buffer_paths": []}},
            "buffers": [],
        }
    )


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.sqlite")


def test_answers_typed_in_the_front_end_are_saved_to_the_journal(journal):
    widget = oefening("wiens-stem", journal=journal)
    front_end_update(widget, entries=[entry(zin="Ik moet het zelf kunnen.", waar_voor=80)])
    assert journal.latest("wiens-stem")[0]["answers"] == {
        "zin": "Ik moet het zelf kunnen.",
        "waar_voor": 80,
    }
    assert widget.status.startswith("Bewaard in je dagboek om ")


def test_reopening_the_notebook_restores_the_answers(journal):
    first = oefening("wiens-stem", journal=journal)
    front_end_update(first, entries=[entry(zin="Eerste zin")])
    again = oefening("wiens-stem", journal=journal)
    assert again.entries[0]["answers"]["zin"] == "Eerste zin"
    assert again.definition == DATA.exercise("wiens-stem").as_json()


def test_each_save_from_the_front_end_is_a_revision(journal):
    widget = oefening("wiens-stem", journal=journal)
    front_end_update(widget, entries=[entry(zin="een")])
    front_end_update(widget, entries=[entry(zin="twee")])
    assert [r.entries[0]["answers"]["zin"] for r in journal.history("wiens-stem")] == [
        "een",
        "twee",
    ]


def test_an_invalid_value_is_not_saved_and_the_learner_is_told_why(journal):
    widget = oefening("wiens-stem", journal=journal)
    front_end_update(widget, entries=[entry(waar_voor=250)])
    assert journal.latest("wiens-stem") == []
    assert widget.status.startswith("Niet bewaard.")
    assert "van 0 tot 100" in widget.status


def test_the_notebook_output_never_carries_answers(journal):
    widget = oefening("wiens-stem", journal=journal)
    front_end_update(widget, entries=[entry(zin="GEHEIM-ANTWOORD")])
    data, _ = oefening("wiens-stem", journal=journal)._repr_mimebundle_()
    assert "GEHEIM-ANTWOORD" not in json.dumps(data)
    assert 'data-exercise="wiens-stem"' in data["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in data


def test_an_unwritable_journal_gives_a_dutch_message(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    session = ExerciseSession("wiens-stem", Journal(blocked / "journal.sqlite"))
    message, _ = session.save([entry(zin="x")])
    assert message.startswith("Niet bewaard. Je dagboek") and str(blocked) in message


def test_a_save_into_a_damaged_journal_says_niet_bewaard_and_keeps_the_file(tmp_path):
    path = tmp_path / "journal.sqlite"
    widget = oefening("wiens-stem", journal=Journal(path))
    front_end_update(widget, entries=[entry(zin="Eerste zin")])
    path.write_bytes(b"dit is geen database" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    before = path.read_bytes()
    front_end_update(widget, entries=[entry(zin="Tweede zin")])
    assert widget.status.startswith("Niet bewaard") and "beschadigd" in widget.status
    assert str(path) in widget.status
    assert path.read_bytes() == before
