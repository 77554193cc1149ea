"""Worked examples: one of the course's people filling in each exercise (``example:`` in its
definition), checked like an answer, shown before the exercise and on the worksheet's back,
never stored and never in the learner's workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pdfs import page_text, read
from samples.answers import entry
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal
from toelaten.exercises.example import STAMP
from toelaten.handouts import charts, workbook_data, worksheet_pdf

DATA = CourseData()
EXERCISES = list(DATA.exercises.values())
WITH_EXAMPLE = [e for e in EXERCISES if e.example]


def as_saved(answer_sets: list[dict]) -> list[dict]:
    return [
        {"id": f"v{i}", "created": STAMP, "updated": STAMP, "answers": answers}
        for i, answers in enumerate(answer_sets)
    ]


def test_every_exercise_has_a_worked_example():
    """Fails with the list of exercises whose example is still to be written."""
    missing = [f"{e.day}/{e.id}" for e in EXERCISES if e.example is None]
    assert missing == [], f"no `example:` yet in: {', '.join(missing)}"


@pytest.mark.parametrize("exercise", WITH_EXAMPLE, ids=[e.id for e in WITH_EXAMPLE])
def test_each_example_is_a_valid_answer_by_someone_of_the_cast(exercise):
    example = exercise.example
    assert example["person"] in DATA.cast
    assert example["situation"].strip()
    cleaned = exercise.clean_entries(as_saved(example["entries"]))
    assert [e["answers"] for e in cleaned] == example["entries"]
    assert exercise.repeat or len(example["entries"]) == 1


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """A copy of the course's data to break."""
    root = tmp_path / "data"
    shutil.copytree(DATA.root, root)
    return root


def break_example(root: Path, exercise_id: str, change) -> Path:
    path = root / "exercises" / f"{exercise_id}.yml"
    top = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(top["example"])
    path.write_text(yaml.safe_dump(top, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def first_set(change):
    return lambda example: change(example["entries"][0])


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        (lambda ex: ex.update(person="nobody"), "example.person", "not in the cast"),
        (first_set(lambda a: a.update(bestaat_niet="x")), "example.entries[0]", "no field"),
        (first_set(lambda a: a.update(iemand=11)), "example.entries[0]", "not a valid answer"),
        (first_set(lambda a: a.update(iemand="veel")), "example.entries[0]", "not a valid answer"),
        (lambda ex: ex["entries"].append({"iemand": 3}), "example.entries", "one answer set"),
        (lambda ex: ex.pop("situation"), "example.situation", "is missing"),
        (lambda ex: ex.update(extra="x"), "example", "unknown field(s): extra"),
    ],
)
def test_a_broken_example_is_named_with_its_file_and_field(edition, change, field, says):
    path = break_example(edition, "zelfcheck", change)
    data = CourseData(edition)
    [check] = [c for c in data.checks() if c.what == str(path)]
    assert check.error is not None
    assert check.error.startswith(f"{path}: {field}")
    assert says in check.error
    assert "Traceback" not in check.error


def test_an_example_names_someone_of_the_editions_own_cast(edition):
    (edition / "cast.yml").unlink()
    data = CourseData(edition)
    errors = [c.error for c in data.checks() if c.error]
    assert any("zelfcheck.yml: example.person" in e and "no cast.yml" in e for e in errors)


def test_the_example_prints_on_the_back_of_its_worksheet(tmp_path):
    exercise = DATA.exercise("zelfcheck")
    pdf = read(worksheet_pdf(DATA, exercise), tmp_path)
    pages = [page_text(p) for p in pdf.pages]
    person = DATA.cast[exercise.example["person"]]
    back = pages[-1]
    assert len(pages) >= 2
    assert f"Voorbeeld: zo vulde {person.name} het in" in back
    assert " ".join(exercise.example["situation"].split()) in back
    assert "4 van 10 (0 = helemaal niet waar, 10 = helemaal waar)" in back, "scales in words"
    assert all(person.name not in page for page in pages[:-1]), "the front stays blank"


def test_the_example_is_not_the_learners_answer(tmp_path):
    """Nothing of it reaches the learner's journal or workbook."""
    journal = Journal(tmp_path / "j.sqlite", data=DATA)
    exercise = DATA.exercise("zelfcheck")
    journal.save(exercise.id, [entry(iemand=9)])
    text = str(workbook_data(journal))
    assert exercise.example["situation"][:40] not in text
    assert "Samira" not in text
    assert journal.all_latest()[exercise.id][0]["answers"] == {"iemand": 9}


def test_day_5s_self_check_is_drawn_beside_day_1s_in_the_workbook():
    exercise = DATA.exercise("zelfcheck-2")
    scales = [f for f in exercise.fields if f.kind == "scale"]
    now = [entry(**{scales[0].id: 6})]
    then = [entry(**{scales[0].id: 4, scales[1].id: 2})]
    drawn = charts.chart(exercise, now, {"zelfcheck": then}, DATA.strings, str)
    assert drawn is not None and drawn["kind"] == "bars"
    assert drawn["legend"] == ["Dag 1", "Dag 5"]
    assert [g["title"] for g in drawn["groups"]] == [scales[0].label, scales[1].label]
    assert [b["value"] for b in drawn["groups"][0]["bars"]] == [4, 6]
    assert [b["value"] for b in drawn["groups"][1]["bars"]] == [2, None]


def test_the_notebook_shows_the_example_above_the_exercise(html, monkeypatch):
    """In Jupyter (oefening() in a running IPython) and on the notebook's page in the book."""
    page = (html / "exercises" / "dag-1" / "zelfcheck.html").read_text(encoding="utf-8")
    assert "Voorbeeld: zo vulde" in page
    assert page.index('class="tl-example"') < page.index('class="toelaten-oefening"')
    from IPython.display import HTML
    from IPython.testing.globalipapp import start_ipython

    from toelaten.exercises import oefening

    start_ipython()
    shown: list = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    oefening("zelfcheck", data=DATA)
    [example] = shown
    assert isinstance(example, HTML) and "Voorbeeld: zo vulde" in example.data
