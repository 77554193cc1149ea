"""CONTRIBUTING's recipes, followed step by step on a copy of the book and its data: a new
day with a new exercise, and a schedule change. The examples come from CONTRIBUTING.md
itself, so the recipe and what the tools accept cannot drift apart."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader

from editions import copy_data, replace_in
from layout import day_problems, exercise_problems, toc_problems
from toelaten.cli import main
from toelaten.coursedata import CourseData

ROOT = Path(__file__).resolve().parent.parent
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BOOK_FILES = ("_config.yml", "_toc.yml", "book", "exercises", "facilitator-guide")


def recipe(title: str) -> str:
    """The text of one recipe (a ### section under ## Recipes)."""
    found = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", CONTRIBUTING, re.S | re.M)
    assert found, f"CONTRIBUTING.md has no recipe '{title}'"
    return found.group(1)


def example(name: str) -> str:
    """The YAML block after ``<!-- recipe-example: name -->`` in CONTRIBUTING.md."""
    found = re.search(rf"<!-- recipe-example: {name} -->\n```yaml\n(.*?)```", CONTRIBUTING, re.S)
    assert found, f"CONTRIBUTING.md has no example '{name}'"
    return found.group(1)


def steps(text: str) -> list[str]:
    return re.findall(r"^\d+\. ", text, re.M)


def page(minutes: int, body: str) -> str:
    return f"---\nminutes: {minutes}\n---\n\n{body}\n"


def append_under(path: Path, anchor: str, lines: str) -> None:
    """Insert ``lines`` after the last line of the block that starts at ``anchor``."""
    text = path.read_text(encoding="utf-8")
    assert anchor in text, f"{anchor!r} not in {path}"
    head, tail = text.split(anchor, 1)
    block, rest = re.match(r"(.*?\n)((?=\S)|\Z)(.*)", tail, re.S).group(1, 3)
    path.write_text(head + anchor + block + lines + rest, encoding="utf-8")


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the book and its data with day 6 and its exercise added by the recipes."""
    top = tmp_path_factory.mktemp("editie")
    book, data = top / "boek", top / "data"
    book.mkdir()
    for name in BOOK_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, book / name)
    copy_data(data)
    config = book / "_config.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "    toelaten_help_page:", "    toelaten_data: ../data\n    toelaten_help_page:"
        ),
        "utf-8",
    )

    # A new day, step 1: the day in course.yml (the new exercise's steps follow).
    with (data / "course.yml").open("a", encoding="utf-8") as out:
        out.write(example("day"))
    # A new exercise, step 1: its definition.
    (data / "exercises" / "kleine-stap.yml").write_text(example("exercise"), "utf-8")
    # Day, steps 2-3; exercise, step 3: the opening page, two lessons, the closing page.
    day = book / "book" / "dag-6"
    day.mkdir()
    (day / "index.md").write_text(
        page(
            5,
            "# Dag 6 – Terugkomdag\n\n```{dag-thema} dag-6\n```\n\n## Wat je vandaag leert\n\n"
            "```{dag-doelen} dag-6\n```\n\nDe oefening van vandaag:\n\n"
            "```{dag-oefeningen} dag-6\n```",
        ),
        "utf-8",
    )
    (day / "terugkijken.md").write_text(
        page(10, "# Terugkijken\n\nWat heb je gevraagd? Wat kreeg je terug?"), "utf-8"
    )
    (day / "een-kleine-stap.md").write_text(
        page(15, "# Een kleine stap\n\nKies iets kleins.\n\n## Aan de slag\n\n"
                 "```{oefening} kleine-stap\n```"),
        "utf-8",
    )  # fmt: skip
    (day / "afsluiting.md").write_text(
        page(5, "# Afsluiting\n\n## Kernpunten\n\nKlein begint.\n\n## Oefenen in het echt\n\n"
                "Stel je vraag.\n\n## Terugkijken\n\nHoe ging het?"),
        "utf-8",
    )  # fmt: skip
    # Exercise, step 4: a notebook of the day before, copied and changed.
    notebook = json.loads((book / "exercises" / "dag-5" / "mijn-plan.ipynb").read_text("utf-8"))
    for cell in notebook["cells"]:
        text = "".join(cell["source"])
        text = re.sub(r"^# .*$", "# Eén kleine stap (notebook)", text, count=1, flags=re.M)
        text = re.sub(r"\[dag 5\]\([^)]*\)", "[dag 6](../../book/dag-6/een-kleine-stap.md)", text)
        cell["source"] = text.replace('oefening("mijn-plan")', 'oefening("kleine-stap")')
    (book / "exercises" / "dag-6").mkdir()
    (book / "exercises" / "dag-6" / "kleine-stap.ipynb").write_text(json.dumps(notebook), "utf-8")
    # Day, step 4 and 6; exercise, step 5: _toc.yml. Day, step 6: the trainer's page.
    (book / "facilitator-guide" / "dag-6.md").write_text(
        page(10, "# Draaiboek dag 6 – Terugkomdag\n\n```{draaiboek} dag-6\n```"), "utf-8"
    )
    toc = book / "_toc.yml"
    append_under(
        toc,
        "      - file: book/dag-5/index\n",
        "      - file: book/dag-6/index\n        sections:\n"
        + "".join(
            f"          - file: book/dag-6/{p}\n"
            for p in ("terugkijken", "een-kleine-stap", "afsluiting")
        ),
    )
    append_under(
        toc,
        "          - file: exercises/dag-5/brief-aan-jezelf\n",
        "          - file: exercises/dag-6/kleine-stap\n",
    )
    append_under(
        toc,
        "          - file: facilitator-guide/dag-5\n",
        "          - file: facilitator-guide/dag-6\n",
    )
    # Day, step 5; exercise, step 6: the day's blocks, one of them the exercise.
    with (data / "schedule.yml").open("a", encoding="utf-8") as out:
        out.write(example("schedule"))
    return book, data


def test_the_recipes_name_every_file_they_change_and_every_step():
    exercise, day = recipe("A new exercise"), recipe("A new day")
    assert len(steps(exercise)) == 8 and len(steps(day)) == 7
    for named in (
        "src/toelaten/data/exercises/<id>.yml",
        "src/toelaten/data/course.yml",
        "book/dag-N/",
        "exercises/dag-N/<id>.ipynb",
        "_toc.yml",
        "src/toelaten/data/schedule.yml",
        "toelaten check",
        "make test",
    ):
        assert named in exercise, f"'A new exercise' does not say {named}"
    for named in (
        "src/toelaten/data/course.yml",
        "book/dag-N/index.md",
        "book/dag-N/afsluiting.md",
        "_toc.yml",
        "src/toelaten/data/schedule.yml",
        "facilitator-guide/dag-N.md",
        "toelaten check",
    ):
        assert named in day, f"'A new day' does not say {named}"


def test_the_changed_course_passes_the_check_and_the_layout_rules(edition):
    book, data = edition
    result = CliRunner().invoke(main, ["--data", str(data), "check"])
    assert result.exit_code == 0, result.output
    course = CourseData(data)
    assert [d.id for d in course.course.days][-1] == "dag-6"
    assert toc_problems(book) + day_problems(book, course) + exercise_problems(book, course) == []


def test_the_changed_book_builds_strictly_and_shows_the_new_day_everywhere(edition, tmp_path):
    book, _ = edition
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    built = subprocess.run(
        [str(jupyter_book), "build", str(book), "--path-output", str(tmp_path), "-W", "-n",
         "--keep-going"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, (built.stdout + built.stderr)[-4000:]
    html = tmp_path / "_build" / "html"

    def shown(page: str) -> str:
        return (html / page).read_text(encoding="utf-8")

    assert "Dag 6 – Terugkomdag" in shown("book/dag-6/index.html")
    assert "Dag 6 – Terugkomdag" in shown("book/index.html")  # the days at a glance
    for page in ("book/dag-6/een-kleine-stap.html", "exercises/dag-6/kleine-stap.html"):
        assert 'data-exercise="kleine-stap"' in shown(page), page
    assert '"kleine-stap":' in shown("book/mijn-werkboek.html")
    assert "Eén kleine stap" in shown("book/mijn-voortgang.html")
    run_sheet = shown("facilitator-guide/dag-6.html")
    assert "Terugblik op de maand" in run_sheet and "13:00–14:30" in run_sheet
    pack = PdfReader(html / "printen" / "begeleiderspakket-dag.pdf")
    parts = [item.title for item in pack.outline if not isinstance(item, list)]
    assert "Dag 6 – Terugkomdag" in parts


def test_the_new_notebook_shows_its_exercise(edition, monkeypatch):
    book, data = edition
    notebook = json.loads((book / "exercises" / "dag-6" / "kleine-stap.ipynb").read_text())
    code = next("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    monkeypatch.setenv("TOELATEN_DATA", str(data))  # as `make lab` would be started
    cell: dict = {}
    exec(code.replace('oefening("', 'widget = oefening("'), cell)  # as a kernel runs it
    assert cell["widget"].definition["id"] == "kleine-stap"


def test_a_schedule_change_that_does_not_add_up_is_named(edition, tmp_path):
    _, data = edition
    schedule = tmp_path / "rooster.yml"
    schedule.write_text((data / "schedule.yml").read_text(encoding="utf-8"), "utf-8")
    check = ["--data", str(data), "check", "--timetable", str(schedule)]
    block = "minutes: {dag: 25, dagdeel: 15}"  # two lessons of day 1
    # Changing the schedule, step 1: five minutes more for the first of them ...
    replace_in(schedule, block, "minutes: {dag: 30, dagdeel: 15}")
    result = CliRunner().invoke(main, check)
    assert result.exit_code == 1
    assert all(f" {n} " in result.output for n in ("dag-1", "395", "390", "5")), result.output
    # ... step 2: taken from another block of the same day, and it adds up again.
    replace_in(schedule, block, "minutes: {dag: 20, dagdeel: 15}")
    result = CliRunner().invoke(main, check)
    assert result.exit_code == 0, result.output
    blocks = yaml.safe_load(schedule.read_text("utf-8"))["days"][0]["blocks"]
    assert blocks[2]["minutes"]["dag"] == 30
