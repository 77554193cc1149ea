"""The exercise notebook live in JupyterLab (anywidget loading ui.js), saving to the journal."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browsing import DESKTOP

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(root, tmp_path_factory):
    """JupyterLab on 127.0.0.1 over a copy of exercises/ (it saves notebooks), own journal."""
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(root / "exercises", work / "exercises")
    journal = work / "journal.sqlite"
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).parent / "jupyter"
    args = [
        *("lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1"),
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work / 'exercises'}",
        # A workspace of its own: tabs left open by an earlier JupyterLab must not come back.
        f"--LabApp.workspaces_dir={work / 'workspaces'}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    process = subprocess.Popen(
        [str(jupyter), *args],
        env={**os.environ, "TOELATEN_JOURNAL": str(journal)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("JupyterLab did not start (is requirements-lab.txt installed?)")
            time.sleep(0.1)
    yield base, token, journal
    process.terminate()
    process.wait(timeout=20)


def run_the_exercise_cell(page) -> None:
    page.locator(".jp-CodeCell").first.click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_selector(".jp-OutputArea .tl-oefening", timeout=60_000)


def test_the_notebook_saves_to_the_journal_and_restores_when_run_again(lab, browser):
    base, token, journal = lab
    context = browser.new_context(viewport=DESKTOP)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(f"{base}/lab/tree/dag-2/wiens-stem.ipynb?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # A cell run before the kernel is connected is dropped: wait for the status bar.
    page.get_by_text(re.compile(r"\| Idle$")).wait_for(timeout=60_000)
    run_the_exercise_cell(page)
    page.locator(".tl-oefening input[type=text]").first.fill("Uit JupyterLab")
    page.get_by_role("button", name="Bewaren").click()
    status = page.locator(".tl-oefening .tl-status")
    status.filter(has_text=re.compile("^Bewaard in je dagboek")).wait_for(timeout=20_000)
    rows = sqlite3.connect(journal).execute("SELECT entries FROM revisions").fetchall()
    assert len(rows) == 1
    assert '"zin": "Uit JupyterLab"' in rows[0][0]

    # The cell run again (as when the notebook is opened again): a new exercise, read from
    # the journal, replaces the one the answer was typed into.
    typed_into = page.locator(".jp-OutputArea .tl-oefening").element_handle()
    run_the_exercise_cell(page)
    page.wait_for_function("element => !element.isConnected", arg=typed_into)
    expect(page.locator(".jp-OutputArea .tl-oefening .tl-entry-title")).to_have_text(
        ["Uit JupyterLab"]
    )
    context.close()
    assert [u for u in requests if not u.startswith((base, "data:", "blob:"))] == []
