"""The front end as the browser gets it: one ES module for anywidget, one classic script
for the book.

The parts in ``front/`` are plain script files with no ``import``: anywidget cannot
resolve imports of a module it receives as text, and the book must also run from
``file://``, where module scripts are blocked. So they are joined here, in order.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

FRONT = Path(__file__).parent / "front"
PARTS = ("dom.js", "form.js", "overviews.js", "ui.js")
#: The book's own parts, after the UI: checking and merging answers, storage, the pages.
BOOK_PARTS = ("schema.js", "answers.js", "store.js", "workbook.js", "book.js")


@functools.cache
def esm() -> str:
    """The exercise UI as one ES module (``export default {render, ...}``)."""
    sources = [(FRONT / name).read_text(encoding="utf-8") for name in PARTS]
    joined = "\n".join(sources)
    if re.search(r"^\s*import\b", joined, flags=re.M) or joined.count("export default") != 1:
        raise ValueError("front/*.js must have no imports and one `export default` (in ui.js)")
    return joined


@functools.cache
def classic_script() -> str:
    """The UI and the book's parts as one classic script for the static book."""
    body = esm().replace("export default", "return", 1)
    book = "\n".join((FRONT / name).read_text(encoding="utf-8") for name in BOOK_PARTS)
    return (
        "/* Generated from toelaten/exercises/front/*.js; edit those. */\n"
        '(function () {\n"use strict";\n'
        f"const ui = (function () {{\n{body}\n}})();\n{book}\n}})();\n"
    )


def css(*, book: bool = False) -> str:
    names = ("ui.css", "book.css") if book else ("ui.css",)
    return "\n".join((FRONT / n).read_text(encoding="utf-8") for n in names)
