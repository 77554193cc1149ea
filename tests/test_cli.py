"""The toelaten command, as a course author and a learner would call it."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from editions import copy_data, replace_in
from samples.answers import entry
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal

DATA = CourseData()


def said(output, strings, key, path):
    """A line of ``toelaten check`` that names ``path`` with the verdict ``key`` (ok, skipped):
    the rule (which file, which verdict), not the words around it."""
    verdict = strings(key, what="\0").split("\0")[-1]
    return any(str(path) in line and line.endswith(verdict) for line in output.splitlines())


def test_check_accepts_the_real_data_files():
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    files = [p for p in DATA.paths.values() if p.suffix == ".yml"] + DATA.exercise_files()
    for path in files:
        assert said(result.output, DATA.strings, "cli.check.ok", path), path


@pytest.fixture
def data(tmp_path):
    return copy_data(tmp_path / "editie")


def test_every_command_reads_the_data_folder_it_is_given(data, tmp_path, monkeypatch):
    replace_in(data / "help-contacts.yml", "name: 113 Zelfmoordpreventie", "name: Testlijn 999")
    replace_in(data / "course.yml", 'title: "Hoe maak jij contact?"', 'title: "Eerste dag"')
    replace_in(data / "exercises" / "wiens-stem.yml", "title: Van wie is die stem?", "title: Wie?")
    shown = CliRunner().invoke(main, ["--data", str(data), "hulp"])
    assert "Testlijn 999" in shown.output and "113 Zelfmoordpreventie" not in shown.output
    # $TOELATEN_DATA says the same, for every command and for the notebooks.
    monkeypatch.setenv("TOELATEN_DATA", str(data))
    days = CliRunner().invoke(main, ["schedule", "--start", "2027-01-25"])
    assert days.exit_code == 0 and "Dag 1 – Eerste dag" in days.output
    journal = str(tmp_path / "journal.sqlite")
    progress = CliRunner().invoke(main, ["progress", "--journal", journal])
    not_begun = DATA.strings("progress.state.open")
    assert progress.exit_code == 0 and f"Wie?: {not_begun}" in progress.output


def test_check_reports_every_problem_of_a_data_folder_in_one_run(data):
    replace_in(data / "exercises" / "een-zin.yml", "title:", "titel:")
    replace_in(data / "group.yml", "agreements:", "afspraken:")
    (data / "sources.yml").write_text("sources: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(data), "check"])
    assert result.exit_code == 1
    assert f"{data / 'exercises' / 'een-zin.yml'}: title: is missing" in result.output
    assert f"{data / 'group.yml'}: " in result.output
    assert f"{data / 'sources.yml'}: not valid YAML" in result.output
    assert DATA.strings.plural("cli.check.problems", 3) in result.output
    # what needs the broken exercise is not checked, and says so
    assert said(result.output, DATA.strings, "cli.check.skipped", data / "schedule.yml")


def test_a_missing_data_folder_is_named(tmp_path):
    result = CliRunner().invoke(main, ["--data", str(tmp_path / "nergens"), "hulp"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nergens'}: no such folder of course data" in result.output
    assert "Traceback" not in result.output


def test_check_names_the_file_and_field_of_a_mistake(tmp_path):
    bad = tmp_path / "course.yml"
    bad.write_text("title: T\nsubtitle: S\ndays:\n  - id: dag-1\n    title: X\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--course", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: days[0].theme: is missing" in result.output


def test_hulp_prints_every_help_line_of_the_data_file():
    result = CliRunner().invoke(main, ["hulp"])
    assert result.exit_code == 0
    assert result.output.startswith("Als het even niet gaat\n")
    for country in DATA.contacts.countries:
        assert country.name in result.output
        assert f"Bij direct gevaar: {country.emergency}" in result.output
        for contact in country.contacts:
            assert contact.name in result.output
            for phone in contact.phones:
                assert phone.number in result.output
            if contact.chat:
                assert f"chat via {contact.chat}" in result.output


def test_serve_refuses_a_folder_without_a_book(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 1
    assert "no built book" in result.output


def test_python_dash_m_works():
    proc = subprocess.run(
        [sys.executable, "-m", "toelaten", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "check" in proc.stdout and "hulp" in proc.stdout


def test_export_import_forget_round_trip(tmp_path):
    from samples.answers import GOOD

    runner = CliRunner()
    source = tmp_path / "download.json"
    source.write_text(GOOD, encoding="utf-8")
    journal = tmp_path / "j.sqlite"
    result = runner.invoke(main, ["import", "--journal", str(journal), str(source)])
    assert result.exit_code == 0, result.output
    assert f"{DATA.exercise('wiens-stem').title}: 1 antwoord" in result.output

    out = tmp_path / "export.json"
    result = runner.invoke(main, ["export", "--journal", str(journal), "--out", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["exercises"] == json.loads(GOOD)["exercises"]

    result = runner.invoke(main, ["forget", "--journal", str(journal)], input="n\n")
    assert result.exit_code == 1
    assert journal.exists()
    assert "Er is niets gewist." in result.output
    result = runner.invoke(main, ["forget", "--journal", str(journal)], input="ja\n")
    assert result.exit_code == 0
    assert not journal.exists()
    runner.invoke(main, ["import", "--journal", str(journal), str(source)])
    result = runner.invoke(main, ["forget", "--journal", str(journal), "--yes"])
    assert result.exit_code == 0
    assert not journal.exists()


def test_the_journal_location_comes_from_the_environment(tmp_path, monkeypatch):
    from samples.answers import GOOD

    source = tmp_path / "download.json"
    source.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("TOELATEN_JOURNAL", str(tmp_path / "env.sqlite"))
    result = CliRunner().invoke(main, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.sqlite").exists()


def test_a_bad_import_file_says_so_in_dutch_and_changes_nothing(tmp_path):
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet goed", encoding="utf-8")
    journal = tmp_path / "j.sqlite"
    result = CliRunner().invoke(main, ["import", "--journal", str(journal), str(bad)])
    assert result.exit_code == 1
    assert "geen antwoordenbestand" in result.output
    assert "Er is niets veranderd." in result.output
    assert not journal.exists()


def test_check_reads_every_data_file_and_reports_every_problem_in_one_run(tmp_path):

    exercise = tmp_path / "wiens-stem.yml"
    exercise.write_text(
        (DATA.paths["exercises"] / "wiens-stem.yml").read_text(encoding="utf-8") + "kleur: rood\n",
        encoding="utf-8",
    )
    schedule = tmp_path / "schedule.yml"
    schedule.write_text("variants: [\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--exercise", str(exercise), "--timetable", str(schedule)]
    )
    assert result.exit_code == 1
    assert f"{exercise}" in result.output and "kleur" in result.output
    assert f"{schedule}: not valid YAML" in result.output
    assert "Traceback" not in result.output
    # the good files are still checked
    assert said(result.output, DATA.strings, "cli.check.ok", DATA.paths["course"])


def test_the_readme_names_every_command():
    """The README's list of commands cannot fall behind the CLI."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"toelaten {name}" not in readme]
    assert not missing, f"README.md does not mention: {missing}"


def test_progress_in_the_terminal(tmp_path):
    journal = tmp_path / "j.sqlite"
    Journal(journal).save("steunkaart", [entry("e1", naam="A"), entry("e2", naam="B")])
    result = CliRunner().invoke(main, ["progress", "--journal", str(journal)])
    assert result.exit_code == 0
    day, strings = DATA.course.day("dag-1"), DATA.strings
    count = strings("progress.day_count", done=0, total=len(day.exercises))
    assert f"{day.heading(strings)}  ({count})" in result.output
    exercises = DATA.exercises
    half, not_begun = strings("progress.state.half"), strings("progress.state.open")
    assert f"◐ {exercises['steunkaart'].title}: {half} – " in result.output
    assert f"· {exercises['acht-redenen'].title}: {not_begun}" in result.output
