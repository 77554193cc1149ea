"""Every package the code imports is declared, so `pip install toelaten` (and `[book]` for
the Sphinx extension) gives a working command, not an ImportError in one command; and the
pinned requirements*.txt files are the ones made from pyproject.toml's extras."""

import ast
import importlib.util
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


def _lock_tool():
    spec = importlib.util.spec_from_file_location("lock", ROOT / "tools" / "lock.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LOCK = _lock_tool()


def pins(name: str) -> dict[str, set[str]]:
    """A requirements file's pins: package -> its versions (more than one only where a
    marker splits them, e.g. by Python version)."""
    found: dict[str, set[str]] = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if line:
            package, version = line.split("==")
            found.setdefault(canonicalize_name(package), set()).add(version)
    return found


@pytest.mark.parametrize("name", list(LOCK.LOCKS))
def test_the_requirements_files_are_made_from_the_extras(name):
    project = LOCK.project_table(ROOT)
    text = (ROOT / name).read_text(encoding="utf-8")
    extras = LOCK.LOCKS[name]
    assert f"{LOCK.DIGEST_PREFIX} {LOCK.digest(project, extras)}" in text, (
        f"{name} was not made from pyproject.toml's current dependency lists: "
        "run `make requirements`"
    )
    have = pins(name)
    for req in map(Requirement, LOCK.requirements_of(project, extras)):
        versions = have.get(canonicalize_name(req.name))
        assert versions, f"{req.name} is not pinned in {name}: run `make requirements`"
        assert all(req.specifier.contains(v, prereleases=True) for v in versions), (
            f"{name} pins {req.name} {versions}, pyproject.toml says {req}"
        )


def test_the_requirements_files_agree():
    """Every file is a part of requirements-dev.txt, so two files in one venv never clash."""
    everything = pins("requirements-dev.txt")
    for name in LOCK.LOCKS:
        for package, versions in pins(name).items():
            assert versions <= everything.get(package, set()), (
                f"{name} pins {package} {versions}, requirements-dev.txt "
                f"{everything.get(package)}: run `make requirements`"
            )
