"""The front end as the browser gets it: one ES module for anywidget, one classic script
for the book.

The landing and day pages get a small script of their own, ``path_script()``: the course
path (tasks.js) without the exercises.

The parts in ``front/`` are plain script files with no ``import``: anywidget cannot
resolve imports of a module it receives as text, and the book must also run from
``file://``, where module scripts are blocked. So they are joined here, in order.

The words come from the course's catalogue (``locale/<language>.yml``), the sections in
``JS_SECTIONS``: the book's script carries them (written at every build, so one file per
site and no inline script), a Jupyter widget gets them as its ``strings``. The parts ask
``tr("exercise.save")`` (dom.js).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toelaten.strings import Strings

FRONT = Path(__file__).parent / "front"
PARTS = (
    "words.js",
    "dom.js",
    "form.js",
    "charts.js",
    "supportmap.js",
    "maplabels.js",
    "overviews.js",
    "entrylist.js",
    "lookback.js",
    "autosave.js",
    "ui.js",
)
#: The book's own parts, after the UI: checking and merging answers, storage, the pages,
#: the course path.
BOOK_PARTS = (
    "schema.js",
    "answers.js",
    "keys.js",
    "store.js",
    "workbook.js",
    "workbookview.js",
    "progress.js",
    "tasks.js",
    "book.js",
)
#: The course path alone (the landing and day pages, which hold no exercise): the words,
#: where the answers are stored, the state rule and the task lists.
PATH_PARTS = ("words.js", "keys.js", "progress.js", "tasks.js")
#: The catalogue's sections the course path uses (a part of JS_SECTIONS).
PATH_SECTIONS = ("progress",)
#: The catalogue's sections the front end uses; only these reach the browser.
JS_SECTIONS = ("format", "progress", "exercise", "overview", "answers", "workbook")


def words(strings: Strings) -> dict[str, str]:
    """What the front end gets of the catalogue: ``{"exercise.save": "Bewaren", ...}``."""
    return strings.sections(*JS_SECTIONS)


@functools.cache
def esm() -> str:
    """The exercise UI as one ES module (``export default {render, ...}``)."""
    sources = [(FRONT / name).read_text(encoding="utf-8") for name in PARTS]
    joined = "\n".join(sources)
    if re.search(r"^\s*import\b", joined, flags=re.M) or joined.count("export default") != 1:
        raise ValueError("front/*.js must have no imports and one `export default` (in ui.js)")
    return joined


@functools.cache
def compact(script: str) -> str:
    """``script`` without its comment lines, blank lines and indentation: a third fewer
    bytes for a learner's phone, the same code. Left as it is when a template literal
    spans lines (its text would change)."""
    lines = script.split("\n")
    if any(line.count("`") % 2 for line in lines):
        return script
    kept = (line.strip() for line in lines)
    return "\n".join(line for line in kept if line and not line.startswith("//")) + "\n"


def classic_script(strings: Strings) -> str:
    """The UI and the book's parts as one classic script for the static book, with the
    words of ``strings`` (the course's catalogue)."""
    body = esm().replace("export default", "return", 1)
    book = "\n".join((FRONT / name).read_text(encoding="utf-8") for name in BOOK_PARTS)
    text = json.dumps(words(strings), ensure_ascii=False, sort_keys=True, indent=0)
    return compact(
        "/* Generated from toelaten/exercises/front/*.js; edit those. */\n"
        '(function () {\n"use strict";\n'
        f"const ui = (function () {{\n{body}\n}})();\n"
        f"// The interface's words: the catalogue of the course's language ({strings.language}).\n"
        f"ui.useWords({text});\nconst tr = ui.tr;\n{book}\n}})();\n"
    )


@functools.cache
def path_script(strings: Strings) -> str:
    """The course path's own small script (tasks.js), with its words."""
    parts = "\n".join((FRONT / name).read_text(encoding="utf-8") for name in PATH_PARTS)
    text = json.dumps(
        strings.sections(*PATH_SECTIONS), ensure_ascii=False, sort_keys=True, indent=0
    )
    return compact(
        "/* Generated from toelaten/exercises/front/*.js; edit those. */\n"
        f'(function () {{\n"use strict";\n{parts}\nuseWords({text});\n'
        "const start = () => startTasks(storageReadable());\n"
        'if (document.readyState === "loading") '
        'document.addEventListener("DOMContentLoaded", start);\n'
        "else start();\n})();\n"
    )


def css(*, book: bool = False) -> str:
    names = ("ui.css", "book.css") if book else ("ui.css",)
    return "\n".join((FRONT / n).read_text(encoding="utf-8") for n in names)
