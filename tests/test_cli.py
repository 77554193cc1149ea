"""The toelaten command, as a course author and a learner would call it."""

import subprocess
import sys

from click.testing import CliRunner

from toelaten.cli import main


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


def test_hulp_prints_the_help_lines_in_dutch():
    result = CliRunner().invoke(main, ["hulp"])
    assert result.exit_code == 0
    for text in ("Als het even niet gaat", "113", "0800-0113", "1813", "106", "112"):
        assert text in result.output


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
