"""What every command shares: how a problem is shown, and how answers are written to disk.

No command may end in a traceback: the group turns every error a person can cause into a
one-line message (in the course's language for learners and trainers: ``cli.*`` in the
catalogue) and everything else into a short note with the way to see details
(``TOELATEN_DEBUG=1``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import click

from toelaten import CourseData, DataError
from toelaten.exercises.journal import JournalError
from toelaten.strings import Strings

DEBUG = "TOELATEN_DEBUG"


class Problem(click.ClickException):
    """A message that speaks for itself: shown without click's English "Error:" prefix."""

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


def strings_of(ctx: click.Context | None) -> Strings:
    """The course's words; when even those cannot be read (a broken course.yml, which the
    message is about), the package's own catalogue, so the message can still be said."""
    data = ctx.find_object(CourseData) if ctx is not None else None
    return (data or CourseData.default()).strings_or_reference()


def why(exc: OSError, strings: Strings) -> str:
    """An operating-system error in plain words."""
    reasons = {
        errno.ENOENT: strings("why.no_folder"),
        errno.ENOTDIR: strings("why.not_folder"),
        errno.EISDIR: strings("why.is_folder"),
        errno.EACCES: strings("why.no_permission"),
        errno.EPERM: strings("why.no_permission"),
        errno.EROFS: strings("why.read_only"),
        errno.ENOSPC: strings("why.full"),
        errno.ENAMETOOLONG: strings("why.long_name"),
    }
    return reasons.get(exc.errno or 0) or exc.strerror or strings("why.unknown")


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


def write_file(path: Path, data: bytes, strings: Strings, *, private: bool = False) -> None:
    """Write or say why not (the folder is missing, the disk is full, ...)."""
    if Path(path).exists() and not Path(path).is_file():
        raise Problem(strings("cli.not_a_file", path=path))
    try:
        if private:
            write_private(path, data)
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise Problem(strings("cli.not_written", path=path, why=why(exc, strings))) from None


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
            strings = strings_of(ctx)
            where = f"{exc.filename}: " if exc.filename else ""
            raise Problem(strings("cli.failed", where=where, why=why(exc, strings))) from None
        except (Exception, RecursionError) as exc:
            if os.environ.get(DEBUG):
                raise
            strings, error = strings_of(ctx), f"{type(exc).__name__}: {exc}"
            raise Problem(strings("cli.bug", error=error, variable=DEBUG)) from None
