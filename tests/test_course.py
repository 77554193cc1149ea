"""The course data file: the real one loads, and mistakes are named precisely."""

import pytest

from toelaten import DataError
from toelaten.course import load_course
from toelaten.coursedata import CourseData

DATA = CourseData()

HEAD = "title: T\nsubtitle: S\ndays:"
GOOD_DAY = """
  - id: dag-{n}
    title: Titel {n}
    theme: Thema {n}
    goals: [Een doel]
    exercises: [een-oefening]
"""


def write(tmp_path, text):
    path = tmp_path / "course.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_course_has_five_days_each_with_at_least_three_goals():
    course = DATA.course
    assert [d.id for d in course.days] == ["dag-1", "dag-2", "dag-3", "dag-4", "dag-5"]
    assert course.full_title == f"{course.title} – {course.subtitle}"
    for day in course.days:
        assert len(day.goals) >= 3, day.id
        assert day.heading(DATA.strings) == f"Dag {day.number} – {day.title}"


def test_a_valid_minimal_file_loads(tmp_path):
    course = load_course(write(tmp_path, HEAD + GOOD_DAY.format(n=1)))
    assert course.day("dag-1").goals == ("Een doel",)


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        ("title: T\nsubtitle: S\ndays: []\n", "days", "must not be empty"),
        ("days:" + GOOD_DAY.format(n=1), "title", "is missing"),
        ("title: T\ndays:" + GOOD_DAY.format(n=1), "subtitle", "is missing"),
        (
            HEAD + GOOD_DAY.format(n=1).replace("goals: [Een doel]", "goals: []"),
            "days[0].goals",
            "must not be empty",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("goals: [Een doel]", "goals: Een doel"),
            "days[0].goals",
            "expected a list",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("theme: Thema 1", "theme: ''"),
            "days[0].theme",
            "expected non-empty text",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("goals:", "goal:"),
            "days[0].goals",
            "is missing",
        ),
        (
            HEAD + GOOD_DAY.format(n=1) + "    extra: 1\n",
            "days[0]",
            "unknown field(s): extra",
        ),
        (HEAD + GOOD_DAY.format(n=2), "days[0].id", "expected 'dag-1'"),
        (
            HEAD + GOOD_DAY.format(n=1) + GOOD_DAY.format(n=2),
            "days[1].exercises[0]",
            "'een-oefening' is already listed on dag-1",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("[een-oefening]", "[een-oefening, een-oefening]"),
            "days[0].exercises[1]",
            "is already listed on dag-1",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("id: dag-1", "id: day1"),
            "days[0].id",
            "must look like 'dag-1'",
        ),
        (
            HEAD + GOOD_DAY.format(n=1).replace("een-oefening", "Een Oefening"),
            "days[0].exercises[0]",
            "not a valid exercise id",
        ),
        ("maker:\n  contact: a@b.nl\n" + HEAD + GOOD_DAY.format(n=1), "maker.name", "is missing"),
        (
            "maker:\n  name: M\n  contact: bel ons\n" + HEAD + GOOD_DAY.format(n=1),
            "maker.contact",
            "expected an e-mail or https:// address",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_field(tmp_path, text, field, problem):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_course(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {field}: "), message
    assert problem in message


@pytest.mark.parametrize(
    ("contact", "url"),
    [("hallo@voorbeeld.be", "mailto:hallo@voorbeeld.be"), ("https://x.nl/c", "https://x.nl/c")],
)
def test_the_maker_is_reached_by_mail_or_web(tmp_path, contact, url):
    text = f"maker:\n  name: Stichting X\n  contact: {contact}\n" + HEAD + GOOD_DAY.format(n=1)
    maker = load_course(write(tmp_path, text)).maker
    assert maker is not None and (maker.name, maker.contact_url) == ("Stichting X", url)


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "title: T\ndays:\n  - id: [dag-1\n")
    with pytest.raises(DataError, match=rf"^{path}: not valid YAML at line \d+"):
        load_course(path)


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot read file"):
        load_course(tmp_path / "nope.yml")


def test_asking_for_an_unknown_day_lists_the_known_ones():
    with pytest.raises(KeyError, match="dag-1, dag-2"):
        DATA.course.day("dag-9")
