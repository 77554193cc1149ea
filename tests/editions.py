"""Another edition of the course for a test: a copy of the shipped data folder to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from toelaten.coursedata import package_root


def copy_data(folder: Path) -> Path:
    """The shipped course data, copied to ``folder``."""
    shutil.copytree(package_root(), folder)
    return folder


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one place in a data file; the text must be there (a test must not pass
    because the shipped data changed under it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
