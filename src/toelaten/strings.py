"""The words of the interface (buttons, states, messages), one catalogue per language.

``locale/<language>.yml`` holds them, nested by where they appear (``progress.started``);
the course's ``language`` in course.yml picks the catalogue, and a course's data folder
may bring its own (``<data>/locale/<language>.yml``, looked for first). Every renderer
reads the same file: Python asks ``strings("exercise.save")``; the browser gets the
sections in ``front.JS_SECTIONS`` (the book inside its generated script, Jupyter as the
widget's ``strings``) and asks ``tr("exercise.save")``; typst gets ``handouts.TYPST_SECTIONS``
in its JSON and asks ``tr("key")``; the page templates ask ``toelaten_strings("key")``.
Adding a language is adding a file.
"""

from __future__ import annotations

import functools
import string
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from toelaten._fields import DataError, read_yaml
from toelaten.course import LANGUAGE

#: The catalogue every other language is translated from.
REFERENCE = "nl"
#: The keys the code asks for, each with its placeholders: every catalogue, nl.yml too,
#: must have exactly these (tools/locale_keys.py writes it from nl.yml; a test keeps it).
KEYS_FILE = "keys.txt"


def locale_dir() -> Path:
    """The catalogues the package ships."""
    return Path(str(resources.files("toelaten") / "locale"))


class Strings:
    """A catalogue: ``strings("exercise.minimum", n=2, minimum=3)`` formats one message."""

    def __init__(self, language: str, messages: dict[str, str], source: Path | None = None) -> None:
        self.language = language
        self.messages = messages
        #: The file the messages come from.
        self.source = source

    def __repr__(self) -> str:
        return f"Strings({self.language!r}, {str(self.source)!r})"

    def __call__(self, key: str, **values: Any) -> str:
        try:
            text = self.messages[key]
        except KeyError:
            raise KeyError(f"no interface string {key!r} in {self.source}") from None
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values: Any) -> str:
        """``key.one`` for 1, else ``key.other``; both get ``{n}``."""
        return self(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)

    def section(self, prefix: str) -> dict[str, str]:
        """The strings under ``prefix.`` with the prefix cut off."""
        cut = len(prefix) + 1
        return {k[cut:]: v for k, v in self.messages.items() if k.startswith(prefix + ".")}

    def sections(self, *names: str) -> dict[str, str]:
        """The strings of whole top-level sections, by their full keys: what a renderer
        outside Python (the browser, typst) gets."""
        return {k: v for k, v in self.messages.items() if k.split(".", 1)[0] in names}

    # Numbers and dates, the way this language writes them.

    def number(self, n: int) -> str:
        """12000 -> '12.000' (``format.thousands``; the browser's number() does the same)."""
        return f"{n:,}".replace(",", self("format.thousands"))

    def date(self, day: date | datetime, *, weekday: bool = False) -> str:
        """'21 november 2026'; with ``weekday``, 'zaterdag 21 november 2026'."""
        months, weekdays = self.section("date.months"), self.section("date.weekdays")
        text = self("date.long", day=day.day, month=months[str(day.month)], year=day.year)
        if weekday:
            text = self("date.weekday", weekday=weekdays[str(day.isoweekday())], date=text)
        return text

    def stamp_date(self, stamp: str) -> str:
        """'2026-11-21T08:00:00Z' -> '21 november 2026'."""
        return self.date(datetime.fromisoformat(stamp.replace("Z", "+00:00")))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.cache
def load_strings(language: str, folder: Path | None = None) -> Strings:
    """The catalogue of ``language``: ``folder/<language>.yml`` if ``folder`` (a course's
    own ``locale/``) has it, else the package's. Every catalogue but the package's own
    ``nl.yml`` must have exactly its keys and placeholders."""
    if not LANGUAGE.match(language):
        raise DataError(f"language: expected a code like 'nl', found {language!r}")
    package = locale_dir()
    own = folder / f"{language}.yml" if folder is not None else None
    path = own if own is not None and own.is_file() else package / f"{language}.yml"
    if not path.is_file():
        places = [f for f in (folder, package) if f is not None and f.is_dir()]
        known = ", ".join(sorted({p.stem for f in places for p in f.glob("*.yml")})) or "none"
        where = own if own is not None else path
        raise DataError(
            f"{where}: no interface strings for language {language!r} (known: {known}); "
            f"copy {package / REFERENCE}.yml to {where} and translate it"
        )
    messages = read_catalogue(path)
    _match(messages, required_keys(), path)
    return Strings(language, messages, path)


def read_catalogue(path: Path) -> dict[str, str]:
    """A catalogue's messages by key, checked for shape only (not against the keys)."""
    return _flatten(read_yaml(path).raw, path)


def keys_text(messages: dict[str, str]) -> str:
    """What KEYS_FILE holds for ``messages``: ``key`` or ``key: placeholder, …`` a line."""
    lines = []
    for key in sorted(messages):
        names = sorted(placeholders(messages[key]))
        lines.append(f"{key}: {', '.join(names)}" if names else key)
    return "\n".join(lines) + "\n"


@functools.cache
def required_keys() -> dict[str, frozenset[str]]:
    text = (locale_dir() / KEYS_FILE).read_text(encoding="utf-8")
    keys = {}
    for line in text.splitlines():
        key, _, names = line.partition(":")
        keys[key.strip()] = frozenset(n.strip() for n in names.split(",") if n.strip())
    return keys


def _flatten(data: Any, path: Path, prefix: str = "") -> dict[str, str]:
    if not isinstance(data, dict):
        raise DataError(f"{path}: {prefix or 'the file'}: expected keys with texts under them")
    flat: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(key, bool) or not isinstance(key, str | int):
            # yes/no/on/off unquoted are booleans in YAML: "yes": ja
            raise DataError(f"{path}: {prefix}{key}: put the key in quotes")
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, path, name + "."))
        elif isinstance(value, str) and value.strip():
            flat[name] = value
        else:
            raise DataError(f"{path}: {name}: expected a text")
        try:
            placeholders(flat.get(name, ""))
        except ValueError:
            raise DataError(
                f"{path}: {name}: a {{ without its }} (or the other way round)"
            ) from None
    return flat


def _match(messages: dict[str, str], keys: dict[str, frozenset[str]], path: Path) -> None:
    missing = sorted(set(keys) - set(messages))
    extra = sorted(set(messages) - set(keys))
    if missing or extra:
        raise DataError(
            f"{path}: the keys differ from those the code asks for"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; not used (a typo?): {', '.join(extra)}" if extra else "")
            + f"; compare with {locale_dir() / REFERENCE}.yml"
        )
    for key, text in messages.items():
        if placeholders(text) != keys[key]:
            wanted = ", ".join("{" + n + "}" for n in sorted(keys[key])) or "none"
            raise DataError(
                f"{path}: {key}: uses {sorted(placeholders(text))}; the code fills in {wanted}"
            )
