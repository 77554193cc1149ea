"""The toelaten command, as a course author and a learner would call it."""

import json
import subprocess
import sys

from click.testing import CliRunner

from samples.answers import entry
from toelaten import load_course, load_help_contacts
from toelaten.cli import main
from toelaten.exercises import Journal, catalogue, get_exercise


def test_check_accepts_the_real_data_files():
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "5 days, ok" in result.output


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
    for country in load_help_contacts().countries:
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
    assert f"{get_exercise('wiens-stem').title}: 1 antwoord" in result.output

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
    from toelaten.exercises.catalogue import exercises_dir

    exercise = tmp_path / "wiens-stem.yml"
    exercise.write_text(
        (exercises_dir() / "wiens-stem.yml").read_text(encoding="utf-8") + "kleur: rood\n",
        encoding="utf-8",
    )
    schedule = tmp_path / "schedule.yml"
    schedule.write_text("variants: [\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--exercise", str(exercise), "--schedule", str(schedule)]
    )
    assert result.exit_code == 1
    assert f"{exercise}" in result.output and "kleur" in result.output
    assert f"{schedule}: not valid YAML" in result.output
    assert "Traceback" not in result.output
    assert "5 days, ok" in result.output  # the good files are still checked


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
    day = load_course().day("dag-1")
    assert f"{day.heading}  (1 van {len(day.exercises)})" in result.output
    exercises = catalogue()
    assert f"✓ {exercises['steunkaart'].title}: 2 antwoorden" in result.output
    assert f"· {exercises['acht-redenen'].title}: nog niet begonnen" in result.output
