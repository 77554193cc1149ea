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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toelaten.exercises.catalogue import get_exercise
from toelaten.exercises.transfer import make_document, merge, now, read_document

ENV = "TOELATEN_JOURNAL"
SCHEMA = """
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    entries TEXT NOT NULL
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


class Journal:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    @contextlib.contextmanager
    def _db(self, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection; for reading, None when there is no journal (yet) to read."""
        if not write and not self.path.exists():
            yield None  # reading never creates the file
            return
        if write:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            if write:
                db.executescript(SCHEMA)
                with contextlib.suppress(OSError):
                    self.path.chmod(0o600)
            elif not _has_table(db):
                yield None  # a file without answers reads as empty
                return
            yield db
        finally:
            db.close()

    def _latest_row(self, db: sqlite3.Connection, exercise_id: str) -> tuple | None:
        return db.execute(
            "SELECT id, saved_at, entries FROM revisions WHERE exercise = ? "
            "ORDER BY id DESC LIMIT 1",
            (exercise_id,),
        ).fetchone()

    def latest(self, exercise_id: str) -> list[dict[str, Any]]:
        with self._db(write=False) as db:
            if db is None:
                return []
            row = self._latest_row(db, exercise_id)
        return json.loads(row[2]) if row else []

    def history(self, exercise_id: str) -> list[Revision]:
        with self._db(write=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT id, exercise, saved_at, entries FROM revisions WHERE exercise = ? "
                "ORDER BY id",
                (exercise_id,),
            ).fetchall()
        return [Revision(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def save(self, exercise_id: str, entries: Any) -> int:
        """Validate and add a revision; returns its id. Raises AnswerError (Dutch)."""
        cleaned = get_exercise(exercise_id).clean_entries(entries)
        return self._write({exercise_id: cleaned})[exercise_id]

    def _write(self, answers: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
        saved_at, ids = now(), {}
        with self._db(write=True) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                for exercise_id, entries in answers.items():
                    text = json.dumps(entries, ensure_ascii=False, sort_keys=True)
                    last = self._latest_row(db, exercise_id)
                    if last is not None and last[2] == text:
                        ids[exercise_id] = last[0]  # nothing changed: no new revision
                        continue
                    if last is None and not entries:
                        ids[exercise_id] = 0  # nothing to keep yet
                        continue
                    cursor = db.execute(
                        "INSERT INTO revisions (exercise, saved_at, entries) VALUES (?, ?, ?)",
                        (exercise_id, saved_at, text),
                    )
                    ids[exercise_id] = cursor.lastrowid
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return ids

    def all_latest(self) -> dict[str, list[dict[str, Any]]]:
        with self._db(write=False) as db:
            if db is None:
                return {}
            rows = db.execute(
                "SELECT exercise, entries FROM revisions WHERE id IN "
                "(SELECT MAX(id) FROM revisions GROUP BY exercise)"
            ).fetchall()
        return {exercise: json.loads(entries) for exercise, entries in rows}

    def export_document(self) -> dict[str, Any]:
        return make_document({ex: {"entries": e} for ex, e in self.all_latest().items()})

    def import_file(self, raw: bytes | str) -> dict[str, int]:
        """Merge a downloaded answers file in, all or nothing; entries per exercise after it.

        Raises TransferError (Dutch) and changes nothing when the file is not valid.
        """
        incoming = read_document(raw)
        merged = {
            ex: merge({"entries": self.latest(ex)}, body, repeat=get_exercise(ex).repeat)
            for ex, body in incoming.items()
        }
        self._write({ex: body["entries"] for ex, body in merged.items()})
        return {ex: len(body["entries"]) for ex, body in merged.items()}

    def forget(self) -> bool:
        """Delete the journal file and SQLite's side files; True if there was one."""
        existed = self.path.exists()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        return existed


def _has_table(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'revisions'").fetchone())
