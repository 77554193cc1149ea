"""Strict reading of our YAML data files.

Course authors edit these files by hand, so every mistake must name the file and the
field (``days[2].goals[0]``) instead of surfacing later as a KeyError in a Sphinx build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, NoReturn, overload

import yaml


class DataError(ValueError):
    """A data file is missing, unreadable or has a field with the wrong shape."""


class DuplicateKeyError(DataError):
    """A mapping names the same key twice: YAML would keep the last and drop the first
    without a word, so the loader refuses. ``line`` counts from 1."""

    def __init__(self, path: Path, key: str, line: int) -> None:
        super().__init__(f"{path}: line {line}: the key {key!r} appears twice in one mapping")
        self.path, self.key, self.line = path, key, line


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class Loader(yaml.SafeLoader):
    """The one YAML loader of every course data file: YAML 1.1's safe loader, less two traps
    of a file written by hand. A clock time stays text (YAML 1.1 reads an unquoted
    ``10:00`` as the base-60 number 600; here it is the text '10:00'), and a key given
    twice in one mapping is an error instead of the first value vanishing."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise _DuplicateKey(key_node.value, key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# The implicit int and float types without their base-60 forms (1:30 = 90).
Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT, _FLOAT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    _INT,
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
Loader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def read_yaml(path: Path) -> Fields:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read file ({exc.strerror})") from exc
    except UnicodeDecodeError:
        raise DataError(f"{path}: not a text file in UTF-8") from None
    try:
        data = _parse(text)
    except _DuplicateKey as exc:
        raise DuplicateKeyError(path, exc.key, exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataError(f"{path}: not valid YAML{where}") from exc
    except (ValueError, RecursionError) as exc:  # e.g. a date like 2026-02-30
        raise DataError(f"{path}: not valid YAML ({exc})") from None
    return Fields(path, data, "")


@functools.lru_cache(maxsize=64)
def _parse(text: str) -> Any:
    """Parsed YAML by file content: a handout run or a build reads the same few files
    dozens of times. Safe to share because Fields only reads the data, never changes it."""
    return yaml.load(text, Loader=Loader)  # a SafeLoader: no Python objects


class Fields:
    """A mapping in a data file that knows where it sits, for error messages."""

    def __init__(self, source: Path, data: Any, where: str) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, Mapping):
            self.fail(f"expected a mapping of fields, found {_kind(data)}")
        self._data = data
        self._seen: set[str] = set()

    def fail(self, message: str, key: str | None = None) -> NoReturn:
        field = ".".join(p for p in (self.where, key) if p) or "top level"
        raise DataError(f"{self.source}: {field}: {message}")

    def _get(self, key: str, optional: bool) -> Any:
        self._seen.add(key)
        if key not in self._data or self._data[key] is None:
            if optional:
                return None
            self.fail("is missing", key)
        return self._data[key]

    @overload
    def text(self, key: str, *, optional: Literal[False] = False) -> str: ...
    @overload
    def text(self, key: str, *, optional: bool) -> str | None: ...
    def text(self, key: str, *, optional: bool = False) -> str | None:
        value = self._get(key, optional)
        if value is None:
            return None
        if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
            self.fail(f"expected non-empty text, found {_kind(value)}", key)
        return " ".join(str(value).split())

    def integer(self, key: str) -> int:
        value = self._get(key, optional=False)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"expected a whole number, found {_kind(value)}", key)
        return value

    @overload
    def mapping(self, key: str, *, optional: Literal[False] = False) -> Fields: ...
    @overload
    def mapping(self, key: str, *, optional: bool) -> Fields | None: ...
    def mapping(self, key: str, *, optional: bool = False) -> Fields | None:
        value = self._get(key, optional)
        if value is None:
            return None
        prefix = ".".join(p for p in (self.where, key) if p)
        return Fields(self.source, value, prefix)

    def flag(self, key: str) -> bool:
        value = self._get(key, optional=True)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"expected true or false, found {_kind(value)}", key)
        return value

    def texts(self, key: str, *, allow_empty: bool = False) -> list[str]:
        values = self._list(key, allow_empty)
        out = []
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"expected non-empty text, found {_kind(value)}", f"{key}[{i}]")
            out.append(" ".join(value.split()))
        return out

    def items(self, key: str, *, allow_empty: bool = False) -> list[Fields]:
        values = self._list(key, allow_empty)
        prefix = ".".join(p for p in (self.where, key) if p)
        return [Fields(self.source, v, f"{prefix}[{i}]") for i, v in enumerate(values)]

    def _list(self, key: str, allow_empty: bool) -> list[Any]:
        value = self._get(key, optional=allow_empty)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"expected a list, found {_kind(value)}", key)
        if not value and not allow_empty:
            self.fail("must not be empty", key)
        return value

    @property
    def raw(self) -> Mapping[str, Any]:
        """The mapping as parsed, for files whose keys are all data (a string catalogue)."""
        return self._data

    def names(self) -> list[str]:
        """The field names present, for mappings whose keys are data (not a fixed schema)."""
        return [str(k) for k in self._data]

    def done(self) -> None:
        """Reject fields nobody reads: a typo like ``goal:`` must not vanish silently."""
        unknown = sorted(str(k) for k in self._data if k not in self._seen)
        if unknown:
            self.fail(f"unknown field(s): {', '.join(unknown)}")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{value}'"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "empty text" if not value.strip() else f"text {value!r}"
    return f"{type(value).__name__} {value!r}"
