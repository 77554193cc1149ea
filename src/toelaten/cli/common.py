"""What every command shares: how a problem is shown, and how answers are written to disk.

No command may end in a traceback: the group turns every error a person can cause into a
one-line message (Dutch for learners and trainers) and everything else into a short note
with the way to see details (``TOELATEN_DEBUG=1``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import click

from toelaten import DataError
from toelaten.exercises.journal import JournalError

DEBUG = "TOELATEN_DEBUG"


class Problem(click.ClickException):
    """A message that speaks for itself: shown without click's English "Error:" prefix."""

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


def why(exc: OSError) -> str:
    """An operating-system error in plain Dutch."""
    reasons = {
        errno.ENOENT: "die map bestaat niet",
        errno.ENOTDIR: "een deel van die plek is geen map",
        errno.EISDIR: "dat is een map, geen bestand",
        errno.EACCES: "je computer laat er niet in schrijven",
        errno.EPERM: "je computer laat er niet in schrijven",
        errno.EROFS: "die schijf kan alleen gelezen worden",
        errno.ENOSPC: "de schijf is vol",
        errno.ENAMETOOLONG: "die naam is te lang",
    }
    return reasons.get(exc.errno or 0, exc.strerror or "onbekende fout")


def write_private(path: Path, data: bytes) -> None:
    """Answers go to disk whole or not at all, readable by the learner only (0600): a
    crash mid-write leaves any earlier file as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write or say in Dutch why not (the folder is missing, the disk is full, ...)."""
    if Path(path).exists() and not Path(path).is_file():
        raise Problem(
            f"Kan {path} niet schrijven: dat is geen gewoon bestand. Kies een bestandsnaam."
        )
    try:
        if private:
            write_private(path, data)
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise Problem(f"Kan {path} niet schrijven: {why(exc)}. Er is niets veranderd.") from None


class Group(click.Group):
    """The ``toelaten`` group: the last line of defence against tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (JournalError, DataError) as exc:
            raise Problem(str(exc)) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # click's main handles a closed pipe (`| head`) quietly
            where = f"{exc.filename}: " if exc.filename else ""
            raise Problem(f"Niet gelukt: {where}{why(exc)}.") from None
        except (Exception, RecursionError) as exc:
            if os.environ.get(DEBUG):
                raise
            raise Problem(
                f"Er ging iets mis dat niet had mogen gebeuren ({type(exc).__name__}: {exc}). "
                f"Met {DEBUG}=1 zie je de details."
            ) from None
