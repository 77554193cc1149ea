"""Write the pinned requirements files from pyproject.toml's extras (`make requirements`).

`requirements-dev.txt` is one resolution of everything (`[dev]`); each command's file is the
part of it that the command needs (`uv pip compile -c requirements-dev.txt`), so the files
installed into one venv never disagree. Every file pins the whole tree, for every platform
(`--universal`), so a fresh clone installs exactly these versions.

Pins already in a file are kept (uv prefers them), so adding a dependency moves nothing else;
`--upgrade` moves everything to the newest versions the extras allow (then build and test
the book: the stack in ../shared/TECH-NOTES.md was verified offline).

Each file records a digest of the requirement lists it came from; tests/test_packaging.py
compares it with pyproject.toml, so a changed list without regenerated files fails the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# file -> the extras it holds (with the package's own dependencies). The first is the
# resolution the others are cut from.
LOCKS: dict[str, list[str]] = {
    "requirements-dev.txt": ["dev"],
    "requirements.txt": ["book"],
    "requirements-lab.txt": ["book", "lab"],
    "requirements-test.txt": ["book", "test"],
}
DIGEST_PREFIX = "# pyproject.toml dependencies sha256:"
PYTHON = "3.11"  # the oldest Python the package supports (requires-python)


def requirements_of(project: dict[str, Any], extras: list[str]) -> list[str]:
    """The package's own requirements and those of the extras, following the package's
    references to its own extras (`toelaten[book,lab]`)."""
    name = str(project["name"]).lower()
    found = list(project.get("dependencies", []))
    todo, seen = list(extras), set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for requirement in project.get("optional-dependencies", {})[extra]:
            own = re.fullmatch(rf"\s*{re.escape(name)}\s*\[([^\]]*)\]\s*", requirement, re.I)
            if own:
                todo += [e.strip() for e in own.group(1).split(",")]
            else:
                found.append(requirement)
    return found


def digest(project: dict[str, Any], extras: list[str]) -> str:
    """A digest of what one file is made from: requires-python and the requirements of its
    extras, without whitespace (a reformatted pyproject.toml is not a change)."""
    inputs = {
        "requires-python": project.get("requires-python", ""),
        "requirements": sorted("".join(r.split()) for r in requirements_of(project, extras)),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def project_table(root: Path = ROOT) -> dict[str, Any]:
    table: dict[str, Any] = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(table["project"])


def compile_one(name: str, extras: list[str], *, constraint: str | None, upgrade: bool) -> None:
    command = [sys.executable, "-m", "uv", "pip", "compile", "pyproject.toml"]
    for extra in extras:
        command += ["--extra", extra]
    command += ["--universal", "--python-version", PYTHON, "--output-file", name]
    command += ["--custom-compile-command", "make requirements", "--quiet", "--no-progress"]
    command += ["--annotation-style", "line"]
    if constraint:
        command += ["--constraint", constraint]
    if upgrade:
        command.append("--upgrade")
    subprocess.run(command, cwd=ROOT, check=True)


def stamp(name: str, value: str) -> None:
    """Put the digest line under uv's header (the comment lines at the top)."""
    path = ROOT / name
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith(DIGEST_PREFIX)
    ]
    at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines.insert(at, f"{DIGEST_PREFIX} {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--upgrade", action="store_true", help="newest versions the extras allow, not the pins"
    )
    args = parser.parse_args(argv)
    project = project_table()
    first, *rest = LOCKS
    compile_one(first, LOCKS[first], constraint=None, upgrade=args.upgrade)
    for name in rest:
        compile_one(name, LOCKS[name], constraint=first, upgrade=False)
    for name in LOCKS:
        stamp(name, digest(project, LOCKS[name]))
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
