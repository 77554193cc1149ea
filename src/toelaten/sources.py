"""The sources the lessons cite, read from ``data/sources.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from toelaten._fields import read_yaml

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Source:
    key: str
    cite: str
    reference: str


def load_sources(path: Path | str) -> list[Source]:
    path = Path(path)
    top = read_yaml(path)
    sources = []
    for item in top.items("sources"):
        key = item.text("key")
        if not KEY.match(key):
            item.fail(f"keys are lower-case words joined by '-', found {key!r}", "key")
        sources.append(Source(key, item.text("cite"), item.text("reference")))
        item.done()
    top.done()
    keys = [s.key for s in sources]
    if len(set(keys)) != len(keys):
        top.fail("a key is listed twice", "sources")
    return sources
