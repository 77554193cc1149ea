"""The learner's journal in Jupyter: every save of every exercise, kept as a revision.

One SQLite file on the learner's own computer (never sent anywhere). A save adds a row and
never changes one, so earlier answers survive mistakes; SQLite's transactions make a save
all or nothing, so a crash while saving leaves the previous answers readable.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.exercises.journal_errors import JournalError, NotAJournal, looks_like_answers_file
from toelaten.exercises.model import AnswerError
from toelaten.exercises.transfer import Body, make_document, merge, now, read_document

if TYPE_CHECKING:
    from toelaten.coursedata import CourseData

ENV = "TOELATEN_JOURNAL"
SCHEMA = """
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    entries TEXT NOT NULL  -- a list of answer sets, or {"entries": [...], "earlier": [...]}
);
CREATE INDEX IF NOT EXISTS revisions_by_exercise ON revisions (exercise, id);
"""


def default_path() -> Path:
    """``$TOELATEN_JOURNAL``, or ``journal.sqlite`` in the user's data folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    import platformdirs

    return platformdirs.user_data_path("toelaten", appauthor=False) / "journal.sqlite"


@dataclass(frozen=True)
class Revision:
    id: int
    exercise: str
    saved_at: str
    entries: list[dict[str, Any]]
    earlier: list[dict[str, Any]] = field(default_factory=list)


def read_body(text: str) -> Body:
    """A stored revision; older journals kept only the list of answer sets."""
    if not isinstance(text, str):
        raise ValueError("not a stored revision")
    data = json.loads(text)
    if isinstance(data, list):
        data = {"entries": data, "earlier": []}
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ValueError("not a stored revision")
    return {"entries": data["entries"], "earlier": list(data.get("earlier") or [])}


def body_text(body: Body) -> str:
    kept: Any = body if body.get("earlier") else body["entries"]
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


class Journal:
    def __init__(
        self,
        path: Path | str | None = None,
        *,
        data: CourseData | None = None,
        timeout: float = 10,
    ) -> None:
        """``data``: the course whose exercises the journal keeps answers to (default:
        ``CourseData.default()``, the course as shipped unless ``$TOELATEN_DATA`` says)."""
        from toelaten.coursedata import CourseData

        self.path = Path(path) if path is not None else default_path()
        self.data = data if data is not None else CourseData.default()
        self.timeout = timeout  # seconds to wait while another program writes
        self._checked = False  # SQLite's quick_check passed once for this object

    @contextlib.contextmanager
    def _db(self, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection; for reading, None when there is no journal (yet) to read.

        Every failure inside comes out as a JournalError (for the learner, naming the file)."""
        if not write and not self.path.exists():
            yield None  # reading never creates the file
            return
        db = None
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.path.is_dir():
                raise IsADirectoryError(21, "is a directory", str(self.path))
            if looks_like_answers_file(self.path):
                raise NotAJournal("an answers file")
            db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            self._check(db)
            if write:
                db.executescript(SCHEMA)
                with contextlib.suppress(OSError):
                    self.path.chmod(0o600)
            elif not _has_table(db):
                yield None  # a file without answers reads as empty
                return
            yield db
        except (OSError, sqlite3.Error, ValueError) as exc:
            if isinstance(exc, AnswerError):
                raise
            elsewhere = self.path != default_path()
            raise JournalError(
                self.path, exc, self.data.strings, writing=write, elsewhere=elsewhere
            ) from exc
        finally:
            if db is not None:
                db.close()

    def _check(self, db: sqlite3.Connection) -> None:
        """Damage SQLite would not notice on a read shows up here, before anything is read
        as empty or written over (a few ms for a journal of many revisions)."""
        if not self._checked:
            found = db.execute("PRAGMA quick_check").fetchall()
            if found != [("ok",)]:
                raise sqlite3.DatabaseError(f"database disk image is malformed: {found[:3]}")
            self._checked = True

    @staticmethod
    def _latest_row(db: sqlite3.Connection, exercise_id: str) -> tuple | None:
        return db.execute(
            "SELECT id, saved_at, entries FROM revisions WHERE exercise = ? "
            "ORDER BY id DESC LIMIT 1",
            (exercise_id,),
        ).fetchone()

    def latest_body(self, exercise_id: str) -> Body:
        with self._db(write=False) as db:
            row = None if db is None else self._latest_row(db, exercise_id)
            return read_body(row[2]) if row else {"entries": [], "earlier": []}

    def latest(self, exercise_id: str) -> list[dict[str, Any]]:
        return self.latest_body(exercise_id)["entries"]

    def history(self, exercise_id: str) -> list[Revision]:
        with self._db(write=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT id, exercise, saved_at, entries FROM revisions WHERE exercise = ? "
                "ORDER BY id",
                (exercise_id,),
            ).fetchall()
            return [Revision(r[0], r[1], r[2], **read_body(r[3])) for r in rows]

    def save(self, exercise_id: str, entries: Any) -> int:
        """Validate and add a revision; returns its id. Raises AnswerError (for the learner)."""
        cleaned = self.data.exercise(exercise_id).clean_entries(entries)
        return self.update(exercise_id, lambda body: {**body, "entries": cleaned})[0]

    def update(self, exercise_id: str, change: Callable[[Body], Body]) -> tuple[int, Body]:
        """``change`` the stored answers, with no other writer in between (another notebook
        on the same journal waits); returns the revision's id and what was stored."""
        ids = self.update_many({exercise_id: change})
        return ids[exercise_id]

    def update_many(
        self, changes: dict[str, Callable[[Body], Body]]
    ) -> dict[str, tuple[int, Body]]:
        """All or nothing: a failure in any change leaves every exercise as it was."""
        saved_at, done = now(), {}
        with self._db(write=True) as db:
            assert db is not None  # only a read finds no journal
            db.execute("BEGIN IMMEDIATE")
            try:
                for exercise_id, change in changes.items():
                    last = self._latest_row(db, exercise_id)
                    current = read_body(last[2]) if last else {"entries": [], "earlier": []}
                    body, _ = self.data.exercise(exercise_id).clean_body(change(current))
                    text = body_text(body)
                    if last is not None and last[2] == text:
                        done[exercise_id] = (last[0], body)  # nothing changed: no revision
                    elif last is None and not body["entries"] and not body["earlier"]:
                        done[exercise_id] = (0, body)  # nothing to keep yet
                    else:
                        cursor = db.execute(
                            "INSERT INTO revisions (exercise, saved_at, entries) VALUES (?, ?, ?)",
                            (exercise_id, saved_at, text),
                        )
                        done[exercise_id] = (cursor.lastrowid, body)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return done

    def add_revisions(self, rows: list[tuple[str, str, Body]]) -> None:
        """Rows (exercise, saved_at, body) as they are, in order: for a rescued journal."""
        with self._db(write=True) as db:
            assert db is not None  # only a read finds no journal
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT INTO revisions (exercise, saved_at, entries) VALUES (?, ?, ?)",
                [(ex, saved_at, body_text(body)) for ex, saved_at, body in rows],
            )
            db.execute("COMMIT")

    def all_bodies(self) -> dict[str, Body]:
        with self._db(write=False) as db:
            if db is None:
                return {}
            rows = db.execute(
                "SELECT exercise, entries FROM revisions WHERE id IN "
                "(SELECT MAX(id) FROM revisions GROUP BY exercise)"
            ).fetchall()
            known = self.data.exercises
            return {ex: read_body(text) for ex, text in rows if ex in known}

    def all_latest(self) -> dict[str, list[dict[str, Any]]]:
        return {ex: body["entries"] for ex, body in self.all_bodies().items()}

    def export_document(self) -> dict[str, Any]:
        return make_document(self.all_bodies())

    def import_file(self, raw: bytes | str) -> dict[str, int]:
        """Merge a downloaded answers file in, all or nothing; entries per exercise after it.

        Raises TransferError (for the learner) and changes nothing when the file is not valid.
        """
        incoming = read_document(raw, self.data.exercises, self.data.strings)

        def merged(exercise_id: str) -> Callable[[Body], Body]:
            repeat = self.data.exercise(exercise_id).repeat
            return lambda body: merge(body, incoming[exercise_id], repeat=repeat)

        done = self.update_many({ex: merged(ex) for ex in incoming})
        return {ex: len(body["entries"]) for ex, (_, body) in done.items()}

    def forget(self) -> bool:
        """Delete the journal file and SQLite's side files; True if there was one."""
        existed = self.path.exists()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        return existed


def _has_table(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'revisions'").fetchone())
