"""The words of the interface (buttons, states, messages), one catalogue per language.

``locale/<language>.yml`` holds them, nested by where they appear (``progress.started``);
the course's ``language`` in course.yml picks the catalogue. Python asks for a string by
its key, the book's script gets the catalogue inside the definitions each page embeds,
and typst gets the words it prints in its JSON. Adding a language is adding a file.
"""

from __future__ import annotations

import functools
import string
from importlib import resources
from pathlib import Path
from typing import Any

from toelaten._fields import DataError, read_yaml
from toelaten.course import LANGUAGE

#: The catalogue every other language must match, key for key and placeholder for placeholder.
REFERENCE = "nl"


def locale_dir() -> Path:
    return Path(str(resources.files("toelaten") / "locale"))


class Strings:
    """A catalogue: ``strings("progress.entries", n=3)`` formats one message."""

    def __init__(self, language: str, messages: dict[str, str]) -> None:
        self.language = language
        self.messages = messages

    def __call__(self, key: str, **values: Any) -> str:
        try:
            text = self.messages[key]
        except KeyError:
            raise KeyError(f"no interface string {key!r} in {self.language}.yml") from None
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values: Any) -> str:
        """``key.one`` for 1, else ``key.other``; both get ``{n}``."""
        return self(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)

    def section(self, prefix: str) -> dict[str, str]:
        """The strings under ``prefix.`` with the prefix cut off (what a page embeds)."""
        cut = len(prefix) + 1
        return {k[cut:]: v for k, v in self.messages.items() if k.startswith(prefix + ".")}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.cache
def load_strings(language: str, folder: Path | None = None) -> Strings:
    folder = folder or locale_dir()
    if not LANGUAGE.match(language):
        raise DataError(f"language: expected a code like 'nl', found {language!r}")
    path = folder / f"{language}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yml"))) or "none"
        raise DataError(
            f"{path}: no interface strings for language {language!r} (known: {known}); "
            f"copy {REFERENCE}.yml to {language}.yml and translate it"
        )
    messages = _flatten(read_yaml(path).raw, path)
    if language != REFERENCE:
        _match(messages, load_strings(REFERENCE, folder).messages, path)
    return Strings(language, messages)


def _flatten(data: Any, path: Path, prefix: str = "") -> dict[str, str]:
    if not isinstance(data, dict):
        raise DataError(f"{path}: {prefix or 'the file'}: expected keys with texts under them")
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, path, name + "."))
        elif isinstance(value, str) and value.strip():
            flat[name] = value
        else:
            raise DataError(f"{path}: {name}: expected a text")
    return flat


def _match(messages: dict[str, str], reference: dict[str, str], path: Path) -> None:
    missing = sorted(set(reference) - set(messages))
    extra = sorted(set(messages) - set(reference))
    if missing or extra:
        raise DataError(
            f"{path}: keys differ from {REFERENCE}.yml"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; not in {REFERENCE}.yml: {', '.join(extra)}" if extra else "")
        )
    for key, text in messages.items():
        if placeholders(text) != placeholders(reference[key]):
            raise DataError(
                f"{path}: {key}: uses {sorted(placeholders(text))}, "
                f"{REFERENCE}.yml uses {sorted(placeholders(reference[key]))}"
            )
