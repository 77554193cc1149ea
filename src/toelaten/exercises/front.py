"""The front end as the browser gets it: one ES module for anywidget, one classic script
for the book.

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
PARTS = ("dom.js", "form.js", "overviews.js", "entrylist.js", "lookback.js", "ui.js")
#: The book's own parts, after the UI: checking and merging answers, storage, the pages.
BOOK_PARTS = ("schema.js", "answers.js", "store.js", "workbook.js", "book.js")
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
def classic_script(strings: Strings) -> str:
    """The UI and the book's parts as one classic script for the static book, with the
    words of ``strings`` (the course's catalogue)."""
    body = esm().replace("export default", "return", 1)
    book = "\n".join((FRONT / name).read_text(encoding="utf-8") for name in BOOK_PARTS)
    text = json.dumps(words(strings), ensure_ascii=False, sort_keys=True, indent=0)
    return (
        "/* Generated from toelaten/exercises/front/*.js; edit those. */\n"
        '(function () {\n"use strict";\n'
        f"const ui = (function () {{\n{body}\n}})();\n"
        f"// The interface's words: the catalogue of the course's language ({strings.language}).\n"
        f"ui.useWords({text});\nconst tr = ui.tr;\n{book}\n}})();\n"
    )


def css(*, book: bool = False) -> str:
    names = ("ui.css", "book.css") if book else ("ui.css",)
    return "\n".join((FRONT / n).read_text(encoding="utf-8") for n in names)
