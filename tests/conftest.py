"""Shared fixtures: the repository, the built book, one browser and one server for the session,
and one Jupyter kernel for all the exercise notebooks nbval runs."""

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
#: The built book to test, which `make test` has just built strictly (`make book`).
BUILT_BOOK = "TOELATEN_BUILT_BOOK"


def pytest_configure(config: pytest.Config) -> None:
    # The tests, the book they build and the notebooks nbval runs never touch a real journal.
    os.environ["TOELATEN_JOURNAL"] = str(Path(tempfile.mkdtemp()) / "journal.sqlite")
    if config.pluginmanager.hasplugin("nbval"):
        _share_one_kernel_between_notebooks(config)


@dataclass
class Build:
    returncode: int
    output: str
    html: Path
    #: Built before the session by `make book` (whose -W build is the strictness check).
    prebuilt: bool = False


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
    """The book `make test` has just built (its folder in ``TOELATEN_BUILT_BOOK``), or else
    the current sources built once per test session."""
    built = os.environ.get(BUILT_BOOK)
    if built:
        return Build(0, "", Path(built).resolve(), prebuilt=True)
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


@pytest.fixture(scope="session")
def book_profile(browser):
    """One browser profile for the session, so the book's CSS, scripts and fonts are fetched
    once: a fresh profile per test spends most of its time loading them again."""
    from browsing import Profile

    profile = Profile.new(browser)
    yield profile
    profile.close()


@pytest.fixture
def profile(book_profile, site):
    """The session's browser profile, as new: after the test its tabs are closed and what it
    stored is cleared."""
    yield book_profile
    book_profile.reset(site)


# ---- nbval: one kernel for every notebook -------------------------------------------------
#
# nbval starts a kernel per notebook; here each notebook only imports the exercise engine and
# shows one exercise, so starting Python and importing it again dominated. One kernel is
# started for the first notebook and kept; before each notebook its namespace is reset and it
# moves to the notebook's folder, as a fresh kernel would start. A kernel that died or timed
# out is replaced by a fresh one.

_NOTEBOOK_START = """
get_ipython().run_line_magic("reset", "-f")
__import__("os").chdir({folder!r})
"""


def _share_one_kernel_between_notebooks(config: pytest.Config) -> None:
    from nbval.plugin import IPyNbFile

    shared = {}
    own_setup, own_teardown = IPyNbFile.setup, IPyNbFile.teardown

    def setup(self) -> None:
        kernel = shared.get("kernel")
        if kernel is None or not kernel.is_alive():
            own_setup(self)
            shared["kernel"] = self.kernel
            return
        self.kernel = kernel
        self.setup_sanitize_files()
        msg_id = kernel.kc.execute(
            _NOTEBOOK_START.format(folder=str(self.fspath.dirname)),
            silent=True,
            store_history=False,
        )
        while True:
            reply = kernel.kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"could not reset the shared kernel: {reply['content']}")

    def teardown(self) -> None:
        """The kernel stays for the next notebook; pytest_unconfigure stops it."""

    def stop() -> None:
        IPyNbFile.setup, IPyNbFile.teardown = own_setup, own_teardown
        kernel = shared.get("kernel")
        if kernel is not None and kernel.is_alive():
            kernel.stop()

    IPyNbFile.setup, IPyNbFile.teardown = setup, teardown
    config.add_cleanup(stop)
