"""Why the journal could not be read or written, in Dutch, naming the file and what to do."""

from __future__ import annotations

from pathlib import Path


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
    """The journal cannot be read or written. The message is Dutch, names the file and
    says what the learner can do; the answers already in it are never overwritten."""

    def __init__(
        self, path: Path, exc: BaseException, *, writing: bool, elsewhere: bool = False
    ) -> None:
        self.path, self.cause, self.damaged = path, exc, _is_damage(exc)
        # Not the usual place: the command must say which file to rescue.
        rescue = f"toelaten rescue --journal {path}" if elsewhere else "toelaten rescue"
        if isinstance(exc, NotAJournal):
            what = (
                f"{path} is een antwoordenbestand, geen dagboek. Zet het in je dagboek met: "
                f"toelaten import {path}"
            )
        elif self.damaged:
            what = (
                f"Je dagboek ({path}) is beschadigd. Met ‘{rescue}’ haal je eruit wat "
                "er nog te redden is; tot dan wordt er niets in overschreven."
            )
        elif writing:
            what = f"Je dagboek ({path}) kon niet worden bijgewerkt: {_why(exc)}."
        else:
            what = f"Je dagboek ({path}) kon niet worden gelezen: {_why(exc)}."
        super().__init__(what)


def _is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (isinstance(exc, ValueError) and not isinstance(exc, NotAJournal)) or any(
        word in text for word in ("not a database", "malformed", "no such table", "no such column")
    )


def _why(exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "een ander programma gebruikt het net. Probeer het zo nog eens"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "je computer laat er niet in schrijven"
    if "full" in text or getattr(exc, "errno", None) == 28:
        return "de schijf is vol"
    if isinstance(exc, IsADirectoryError):
        return "dat is een map, geen bestand"
    if isinstance(exc, NotADirectoryError) or "unable to open" in text:
        return "die plek bestaat niet of is geen map"
    return "er ging iets mis met het bestand"
