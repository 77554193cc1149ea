"""Shared fixtures: the repository, and the book built once, strictly, from scratch."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from toelaten.site import serve

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    # The tests, the book they build and the notebooks nbval runs never touch a real journal.
    os.environ["TOELATEN_JOURNAL"] = str(Path(tempfile.mkdtemp()) / "journal.sqlite")


@dataclass
class Build:
    returncode: int
    output: str
    html: Path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def strict_build(src: Path, out: Path) -> Build:
    """A full strict build (-n -W --keep-going --all), as `make book` runs it, into ``out``."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    flags = ["-W", "-n", "--keep-going", "--all"]
    proc = subprocess.run(
        [str(jupyter_book), "build", str(src), "--path-output", str(out), *flags],
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, out / "_build" / "html")


@pytest.fixture(scope="session")
def book_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The current sources, built once per test session."""
    return strict_build(ROOT, tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="session")
def html(book_build: Build) -> Path:
    """The built site; tests that need it fail (not skip) when the build failed."""
    if book_build.returncode != 0 or not (book_build.html / "index.html").is_file():
        pytest.fail(f"the book did not build:\n{book_build.output[-4000:]}")
    return book_build.html


@pytest.fixture(scope="session")
def site(html):
    """The built book served on 127.0.0.1, as `make serve` does."""
    with serve(html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from toelaten._browser import launch

    with sync_playwright() as pw:
        browser = launch(pw)
        yield browser
        browser.close()
