"""The book builds strictly: a warning anywhere fails the build."""

import re
import shutil

import pytest

from conftest import strict_build


def test_book_builds_without_warnings(book_build):
    assert book_build.returncode == 0, book_build.output[-4000:]
    assert not re.search(r"\bWARNING:", book_build.output), book_build.output[-4000:]


@pytest.fixture
def book_copy(root, tmp_path):
    """A copy of the book's sources that a test may break."""
    src = tmp_path / "src"
    shutil.copytree(
        root, src, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "node_modules")
    )
    return src


def test_a_broken_link_fails_the_build(book_copy, tmp_path):
    page = book_copy / "book" / "privacy.md"
    page.write_text(page.read_text() + "\nZie [deze pagina](bestaat-niet.md).\n")
    build = strict_build(book_copy, tmp_path / "out")
    assert build.returncode != 0
    assert "bestaat-niet" in build.output


def test_an_unknown_icon_fails_the_build(book_copy, tmp_path):
    page = book_copy / "book" / "privacy.md"
    page.write_text(page.read_text() + '\n<i class="fa-solid fa-no-such-icon"></i>\n')
    build = strict_build(book_copy, tmp_path / "out")
    assert build.returncode != 0
    assert "fa-no-such-icon" in build.output
