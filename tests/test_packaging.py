"""Every package the code imports is declared, so `pip install toelaten` (and `[book]` for
the Sphinx extension) gives a working command, not an ImportError in one command."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "toelaten"
DEV_ONLY = {"_browser.py"}  # Chromium for tests and benchmarks


def imported(paths) -> dict[str, set[str]]:
    """Third-party distributions imported by these files, with where."""
    dists = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "toelaten":
                    continue
                for dist in dists.get(top, [top]):
                    found.setdefault(dist.lower(), set()).add(path.name)
    return found


def declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_package_declares_what_it_imports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = [
        p for p in PACKAGE.rglob("*.py") if "sphinxext" not in p.parts and p.name not in DEV_ONLY
    ]
    missing = set(imported(core)) - declared(project["dependencies"])
    assert not missing, f"imported but not in [project].dependencies: {missing}"
    book = declared(project["dependencies"]) | declared(project["optional-dependencies"]["book"])
    missing = set(imported((PACKAGE / "sphinxext").rglob("*.py"))) - book
    assert not missing, f"the Sphinx extension imports, not in [book]: {missing}"
