"""Print how long a clean strict build of the book takes, and a rebuild with nothing changed.

Usage: python benchmarks/build.py. Builds into a temporary folder (never _build/) with the
flags `make book` uses. Before the exercise notebooks were rendered at Sphinx time (no
kernel), a clean build took about a minute on 2 cores, 70% of it executing notebooks.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["-W", "-n", "--keep-going"]


def build(out: Path, *extra: str) -> float:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    start = time.perf_counter()
    subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), *FLAGS, *extra],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clean = build(Path(tmp), "--all")
        again = build(Path(tmp))
    print(f"clean strict build: {clean:6.1f} s")
    print(f"rebuild, no change: {again:6.1f} s")


if __name__ == "__main__":
    main()
