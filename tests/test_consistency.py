"""_toc.yml, the course data and the files on disk agree (the rules are in layout.py, so
test_recipes.py checks a changed copy of the book by the same rules)."""

from layout import day_problems, exercise_problems, toc_problems
from toelaten.coursedata import CourseData

DATA = CourseData()


def test_every_toc_entry_exists_once_every_page_is_listed_and_gives_its_minutes(root):
    assert toc_problems(root) == []


def test_every_day_has_its_pages_in_order_and_in_the_guide(root):
    assert day_problems(root, DATA) == []


def test_every_exercise_is_on_one_lesson_page_of_its_day_and_has_a_notebook(root):
    assert exercise_problems(root, DATA) == []
