"""docs/cli.md is what the commands' --help says today (tools/cli_doc.py, `make cli-doc`)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_cli_reference_is_up_to_date():
    spec = importlib.util.spec_from_file_location("cli_doc", ROOT / "tools" / "cli_doc.py")
    assert spec and spec.loader
    cli_doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli_doc)
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_doc.render(), "docs/cli.md is out of date: run `make cli-doc`"
