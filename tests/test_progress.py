"""Where a learner is: each exercise open, half done or done (exercises/progress.py), per
kind of exercise, each day, where "Ga verder waar je was" leads, and `toelaten progress`.
The book's script is held to the same verdicts in tests/js/progress.test.mjs; the browser
tests are in test_progress_browser.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from samples import progress as journey
from samples.answers import full_answers
from toelaten import DataError
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises.catalogue import read_exercise
from toelaten.exercises.journal import Journal
from toelaten.exercises.progress import (
    DONE,
    FEWER,
    HALF,
    MISSING,
    OPEN,
    WAITING,
    State,
    day_state,
    exercise_state,
    filled,
    resume,
    spec,
)

DATA = CourseData()
EXERCISES = list(DATA.exercises.values())
IDS = [e.id for e in EXERCISES]


def entry(n: int = 1, **answers) -> dict:
    return journey.entry(n, answers)


def state_of(exercise, *answer_sets: dict) -> State:
    return exercise_state(spec(exercise), [entry(n, **a) for n, a in enumerate(answer_sets, 1)])


def kind(*, repeat: bool, later: bool = False, minimum: bool = False):
    """The first exercise of the course of that kind (so the tests follow the data)."""
    for exercise in EXERCISES:
        if exercise.repeat != repeat or any(f.later for f in exercise.fields) != later:
            continue
        if minimum == (exercise.entry.get("minimum", 1) > 1):
            return exercise
    raise LookupError("no such exercise in the course")


def asked(exercise) -> list[str]:
    return [f.id for f in exercise.fields if not f.optional and not f.later]


# ---- the definition: what is asked now, afterwards, or not at all ----------------------


def test_the_spec_splits_the_questions_asked_now_from_those_afterwards():
    experiment = kind(repeat=True, later=True)
    rule = spec(experiment)
    later = [f.id for f in experiment.fields if f.later]
    assert later and rule["later"] == later
    assert not set(rule["now"]) & set(later)
    assert rule["minimum"] == 1


def test_optional_questions_are_not_asked_and_a_minimum_is_kept():
    for exercise in EXERCISES:
        rule = spec(exercise)
        optional = {f.id for f in exercise.fields if f.optional}
        assert not optional & set(rule["now"] + rule["later"]), exercise.id
        assert rule["minimum"] == (exercise.entry.get("minimum", 1) if exercise.repeat else 1)


def test_every_exercise_can_be_done_and_starts_open():
    for exercise in EXERCISES:
        rule = spec(exercise)
        full = [entry(n, **full_answers(exercise, "ja")) for n in range(rule["minimum"])]
        assert exercise_state(rule, full).state == DONE, exercise.id
        assert exercise_state(rule, []).state == OPEN, exercise.id


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        (None, False),
        ("", False),
        ("  \n\t\u00a0", False),
        ("x", True),
        (0, True),
        ([], False),
        (["a"], True),
        ({}, False),
        ({"a": "expert"}, True),
    ],
)
def test_an_answer_is_something_other_than_empty_or_spaces(value, answered):
    assert filled(value) is answered


# ---- per kind of exercise ---------------------------------------------------------------


def test_a_single_set_exercise_is_half_done_while_a_question_is_empty():
    exercise = kind(repeat=False)
    full = full_answers(exercise, "ja")
    assert state_of(exercise, full) == State(DONE, "", 1)
    one_less = {k: v for k, v in full.items() if k != asked(exercise)[-1]}
    assert state_of(exercise, one_less) == State(HALF, MISSING, 1)


def test_nothing_but_empty_answers_is_open():
    exercise = kind(repeat=False)
    first = exercise.fields[0].id
    assert state_of(exercise, {}).state == OPEN
    assert state_of(exercise, {first: "   "}).state == OPEN


def test_earlier_versions_do_not_count():
    exercise = kind(repeat=False)
    body = {"entries": [], "earlier": [entry(1, **full_answers(exercise, "ja"))]}
    assert exercise_state(spec(exercise), body["entries"]).state == OPEN


def test_optional_questions_may_stay_empty():
    exercise = next(e for e in EXERCISES if any(f.optional for f in e.fields))
    rule = spec(exercise)
    answers = {
        k: v for k, v in full_answers(exercise, "ja").items() if not exercise.field(k).optional
    }
    sets = [entry(n, **answers) for n in range(rule["minimum"])]
    assert exercise_state(rule, sets).state == DONE


def test_an_experiment_waits_for_its_outcome():
    experiment = kind(repeat=True, later=True)
    before = {k: v for k, v in full_answers(experiment, "ja").items() if k in asked(experiment)}
    assert state_of(experiment, before) == State(HALF, WAITING, 1)
    assert state_of(experiment, full_answers(experiment, "ja")) == State(DONE, "", 1)
    # One of two experiments still waiting: the exercise waits.
    assert state_of(experiment, full_answers(experiment, "ja"), before).reason == WAITING
    # The outcome without what came before is a question left empty, not waiting.
    after = {k: v for k, v in full_answers(experiment, "ja").items() if k not in before}
    assert state_of(experiment, after).reason == MISSING


def test_a_repeatable_exercise_is_half_done_below_its_minimum():
    exercise = kind(repeat=True, minimum=True)
    n = exercise.entry["minimum"]
    full = full_answers(exercise, "ja")
    assert state_of(exercise, *[full] * (n - 1)) == State(HALF, FEWER, n - 1)
    assert state_of(exercise, *[full] * n) == State(DONE, "", n)
    # A question left empty is told before the count.
    assert state_of(exercise, {asked(exercise)[0]: "ja"}).reason == MISSING


def test_a_log_is_done_with_one_whole_entry():
    log = next(e for e in EXERCISES if e.repeat and e.entry.get("minimum", 1) == 1)
    assert state_of(log, full_answers(log, "ja")).state == DONE
    assert state_of(log, {asked(log)[0]: "ja"}).state == HALF


def test_a_roles_question_is_answered_when_every_reply_has_a_role():
    exercise = next(e for e in EXERCISES if any(f.kind == "roles" for f in e.fields))
    roles = next(f for f in exercise.fields if f.kind == "roles")
    full = full_answers(exercise, "ja")
    part = dict(list(full[roles.id].items())[:1])
    assert state_of(exercise, {**full, roles.id: part}) == State(HALF, MISSING, 1)
    assert state_of(exercise, full).state == DONE


# ---- days and the way in ------------------------------------------------------------------


def test_a_day_is_done_when_all_its_exercises_are():
    done, half, open_ = State(DONE, "", 1), State(HALF, WAITING, 1), State(OPEN)
    assert day_state([done, done]).state == DONE
    assert day_state([open_, open_]).state == OPEN
    assert day_state([done, open_]) == day_state([open_, done])
    assert (day_state([done, half, open_]).state, day_state([done, half, open_]).done) == (HALF, 1)


DAYS = [("dag-1", ["a", "b"]), ("dag-2", ["c"]), ("dag-3", ["d"])]


def states(**given: str) -> dict[str, State]:
    """``a="half@3"``: exercise a half done, saved last at time 3 (later times are later)."""
    found = {}
    for _, ids in DAYS:
        for i in ids:
            state, _, at = given.get(i, OPEN).partition("@")
            found[i] = State(state, updated=f"2026-12-01T10:0{at}:00" if at else "")
    return found


@pytest.mark.parametrize(
    ("given", "where"),
    [
        ({}, {"kind": "start", "id": "dag-1"}),
        (
            {"a": "done@1", "b": "done@2", "c": "done@3", "d": "done@4"},
            {"kind": "finished", "id": ""},
        ),
        # Where the learner was: the exercise saved last, when it is not done ...
        ({"c": "half@1"}, {"kind": "exercise", "id": "c"}),
        ({"a": "half@2", "c": "half@1"}, {"kind": "exercise", "id": "a"}),
        ({"a": "done@1", "b": "half@1", "d": "half@2"}, {"kind": "exercise", "id": "d"}),
        # ... else the first not done after it; a day not begun at all: its page ...
        ({"a": "done@1", "b": "done@2"}, {"kind": "day", "id": "dag-2"}),
        ({"a": "done@2", "b": "half@1"}, {"kind": "exercise", "id": "b"}),
        # ... and from the start again when nothing after it is left.
        ({"a": "half@1", "d": "done@2"}, {"kind": "exercise", "id": "a"}),
        ({"b": "done@1", "c": "done@2", "d": "done@3"}, {"kind": "exercise", "id": "a"}),
        # Saves without a time: the one latest in the course counts as the last.
        ({"a": "half", "c": "done"}, {"kind": "day", "id": "dag-3"}),
    ],
)
def test_going_on_leads_to_where_the_learner_was(given, where):
    assert resume(DAYS, states(**given)) == where


# ---- the definition file's keys ---------------------------------------------------------


def definition(tmp_path, field: str):
    path = tmp_path / "wiens-stem.yml"
    path.write_text(
        "id: wiens-stem\nday: dag-2\ntitle: T\nintro: I\nentry: {name: x, title_field: a}\n"
        f"fields:\n  - {{id: a, kind: text, label: L, {field}}}\n",
        encoding="utf-8",
    )
    return path


def test_later_and_optional_are_read_from_the_definition(tmp_path):
    path = definition(tmp_path, "later: true")
    assert read_exercise(path, DATA.course, DATA.strings).field("a").later
    path = definition(tmp_path, "optional: true")
    assert read_exercise(path, DATA.course, DATA.strings).field("a").optional


@pytest.mark.parametrize(
    ("field", "problem"),
    [
        ("later: ja", r"fields\[0\]\.later: expected true or false"),
        ("later: true, optional: true", r"fields\[0\]\.optional: .*not also optional"),
    ],
)
def test_a_mistake_in_later_or_optional_names_the_file_and_field(tmp_path, field, problem):
    with pytest.raises(DataError, match=r"wiens-stem\.yml: " + problem):
        read_exercise(definition(tmp_path, field), DATA.course, DATA.strings)


# ---- the command line ---------------------------------------------------------------------


def test_the_journey_gets_the_states_it_was_made_for():
    bodies, expected = journey.bodies(DATA)
    for exercise_id, (state, reason) in expected.items():
        entries = bodies.get(exercise_id, {"entries": []})["entries"]
        got = exercise_state(spec(DATA.exercise(exercise_id)), entries)
        assert (got.state, got.reason) == (state, reason), exercise_id


def test_progress_in_the_terminal_says_the_three_states(tmp_path):
    answers = tmp_path / "antwoorden.json"
    answers.write_text(json.dumps(journey.document(DATA)), encoding="utf-8")
    path = tmp_path / "j.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(answers), "--journal", str(path)]).exit_code == 0
    result = runner.invoke(main, ["progress", "--journal", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    words = {s: DATA.strings(f"progress.state.{s}") for s in (OPEN, HALF, DONE)}
    for exercise_id, (state, _) in journey.bodies(DATA)[1].items():
        title = DATA.exercise(exercise_id).title
        line = next(ln for ln in lines if f" {title}: " in ln)
        assert line.split(f" {title}: ")[1].startswith(words[state]), line
    waiting = DATA.strings("progress.reason.waiting")
    assert any(waiting in ln for ln in lines)
    day = DATA.course.days[0]
    assert any(ln.startswith(day.heading(DATA.strings)) for ln in lines)
    assert Journal(path).all_latest()  # nothing was lost on the way
