"""Every exercise of the course, through the same checks: add it to the catalogue and it is
covered. Browser checks of the same kind are in test_catalogue_browser.py."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from samples.answers import entry, full_answers
from toelaten.coursedata import CourseData
from toelaten.exercises import AnswerError, Journal, oefening
from toelaten.handouts import worksheet_pdf

DATA = CourseData()

EXERCISES = list(DATA.exercises.values())
IDS = [e.id for e in EXERCISES]


def test_every_exercise_of_the_course_has_a_definition():
    wanted = [e for day in DATA.course.days for e in day.exercises]
    assert sorted(set(wanted)) == sorted(DATA.exercises)
    assert len(wanted) == len(set(wanted)), "an exercise is listed on two days"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_a_full_answer_with_hostile_text_is_kept_exactly(exercise):
    answers = full_answers(exercise)
    assert exercise.clean_entries([entry(**answers)])[0]["answers"] == answers


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_bad_values_are_refused_in_dutch(exercise):
    for field in exercise.fields:
        bad = {
            "text": "x" * 100_000,
            "longtext": "x" * 100_000,
            "scale": (field.max or 0) + 1,
            "choice": "bestaat-niet",
            "multi": ["bestaat-niet"],
            "roles": {"a": "bestaat-niet"},
        }[field.kind]
        with pytest.raises(AnswerError, match=r"^Bij ‘"):
            exercise.clean_entries([entry(**{field.id: bad})])


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_front_end_values_reach_the_journal(tmp_path, exercise):
    journal = Journal(tmp_path / "j.sqlite")
    widget = oefening(exercise.id, journal=journal)
    answers = full_answers(exercise)
    widget._handle_msg(
        {
            "content": {
                "data": {
                    "method": "update",
                    "state": {"entries": [entry(**answers)]},
                    "buffer_paths": [],
                }
            },
            "buffers": [],
        }
    )
    assert journal.latest(exercise.id)[0]["answers"] == answers, widget.status


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_worksheet_has_its_questions_and_the_help_line(tmp_path, exercise):
    path = tmp_path / "w.pdf"
    path.write_bytes(worksheet_pdf(DATA, exercise))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert exercise.title in text
    for field in exercise.fields:
        assert field.label in text, field.label
        for response in field.responses:
            assert response.text in text
            assert response.feedback in text
    for check in exercise.checks:
        assert check["tip"] in text
    assert " ".join(DATA.contacts.help_line(DATA.strings).split()) in text


def test_an_action_in_jupyter_adds_to_the_other_exercise(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    widget = oefening("wiens-stem", journal=journal)
    flagship = DATA.exercises["wiens-stem"]
    widget._handle_custom_msg(
        {"type": "add-entry", "exercise": "vraagladder", "answers": {"vraag": "Pakket aannemen"}},
        [],
    )
    done = next(a["done"] for a in flagship.actions if a["target"] == "vraagladder")
    assert widget.status == done
    assert journal.latest("vraagladder")[0]["answers"] == {"vraag": "Pakket aannemen"}
    # Clicked twice: no second, identical entry, and the learner is told so.
    widget._handle_custom_msg(
        {"type": "add-entry", "exercise": "vraagladder", "answers": {"vraag": "Pakket aannemen"}},
        [],
    )
    assert len(journal.latest("vraagladder")) == 1
    assert widget.status != done and not widget.status.startswith("Niet gelukt")
    widget._handle_custom_msg({"type": "add-entry", "exercise": "mijn-plan", "answers": {}}, [])
    assert widget.status.startswith("Niet gelukt")
    assert journal.latest("mijn-plan") == []


def test_the_day_5_map_sees_the_day_1_map_in_jupyter(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    journal.save("steunkaart", [entry(naam="Anna", kring="dichtbij")])
    widget = oefening("steunkaart-2", journal=journal)
    assert widget.related["steunkaart"][0]["answers"]["naam"] == "Anna"


def test_day_5_takes_over_day_1_in_jupyter_and_keeps_where_each_came_from(tmp_path):
    """ui.js copies day 1's people itself and saves them like any change: the journal
    keeps each copy's origin (and refuses one that is not an entry id)."""
    journal = Journal(tmp_path / "j.sqlite")
    journal.save("steunkaart", [entry("d1", naam="Anna", kring="dichtbij")])
    widget = oefening("steunkaart-2", journal=journal)
    copy = {**entry("n1", naam="Anna", kring="dichtbij"), "origin": "d1"}

    def send(entries):
        state = {"entries": entries}
        message = {"method": "update", "state": state, "buffer_paths": []}
        widget._handle_msg({"content": {"data": message}, "buffers": []})

    send([copy])
    assert journal.latest("steunkaart-2") == [copy], widget.status
    send([{**copy, "origin": "geen id!"}])
    assert widget.status.startswith("Niet bewaard"), widget.status
    assert journal.latest("steunkaart-2") == [copy]
