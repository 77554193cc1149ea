"""Shared fixtures: the repository, and the book built once, strictly, from scratch."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
