"""Why the journal could not be read or written, naming the file and what to do, in the
course's language (``journal.*`` and ``why.*`` in the catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toelaten.strings import Strings


class NotAJournal(ValueError):
    """The file is an answers file (JSON), which people mistake for the journal."""


def looks_like_answers_file(path: Path) -> bool:
    """A downloaded answers file given where the journal belongs."""
    try:
        with path.open("rb") as file:
            start = file.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return start[:1] in (b"{", b"[")


class JournalError(Exception):
    """The journal cannot be read or written. The message names the file and says what
    the learner can do; the answers already in it are never overwritten."""

    def __init__(
        self,
        path: Path,
        exc: BaseException,
        strings: Strings,
        *,
        writing: bool,
        elsewhere: bool = False,
    ) -> None:
        self.path, self.cause, self.damaged = path, exc, _is_damage(exc)
        # Not the usual place: the command must say which file to rescue.
        rescue = f"toelaten rescue --journal {path}" if elsewhere else "toelaten rescue"
        if isinstance(exc, NotAJournal):
            what = strings("journal.answers_file", path=path, command=f"toelaten import {path}")
        elif self.damaged:
            what = strings("journal.damaged", path=path, command=rescue)
        elif writing:
            what = strings("journal.not_written", path=path, why=_why(exc, strings))
        else:
            what = strings("journal.not_read", path=path, why=_why(exc, strings))
        super().__init__(what)


def _is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (isinstance(exc, ValueError) and not isinstance(exc, NotAJournal)) or any(
        word in text for word in ("not a database", "malformed", "no such table", "no such column")
    )


def _why(exc: BaseException, strings: Strings) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return strings("why.busy")
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return strings("why.no_permission")
    if "full" in text or getattr(exc, "errno", None) == 28:
        return strings("why.full")
    if isinstance(exc, IsADirectoryError):
        return strings("why.is_folder")
    if isinstance(exc, NotADirectoryError) or "unable to open" in text:
        return strings("why.no_place")
    return strings("why.file")
