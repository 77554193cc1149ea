"""Getting a learner's answers out of a damaged journal, rather than telling them it is gone.

The damaged file is first copied aside untouched (with SQLite's side files), so a rescue
can never make things worse. Then every revision that can still be read goes into a new
journal at the old place: row by row through SQLite where it still opens, and otherwise
(or in addition) by scanning the file's bytes for stored revisions, which works because
SQLite keeps a small row's columns next to each other as plain text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from toelaten.exercises.journal import Journal, JournalError, read_body
from toelaten.exercises.model import AnswerError, Exercise
from toelaten.exercises.transfer import Body

if TYPE_CHECKING:
    from toelaten.coursedata import CourseData

SIDE_FILES = ("-wal", "-shm")  # SQLite's: unsaved changes, and a shared-memory index
STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")

#: One rescued revision: exercise, when it was saved, what it held.
Row = tuple[str, str, Body]
#: Where a revision stood in the journal (its row id), to keep saves of one second in order.
UNKNOWN = 2**63
#: A row that fits in one page is contiguous in the file; a longer one is split over
#: overflow pages and cannot be read by scanning anyway.
WINDOW = 70_000


@dataclass
class Rescue:
    """What a rescue did, for the report the learner reads."""

    copy: Path | None = None  # where the damaged file now is
    rows: list[Row] = field(default_factory=list)
    lost: int = 0  # revisions seen but not readable (row by row only; a scan cannot count)
    scanned: bool = False  # the byte scan was needed

    def per_exercise(self) -> dict[str, tuple[int, str]]:
        """Revisions rescued and the latest date, per exercise."""
        found: dict[str, tuple[int, str]] = {}
        for exercise_id, saved_at, _ in self.rows:
            n, last = found.get(exercise_id, (0, ""))
            found[exercise_id] = (n + 1, max(last, saved_at))
        return found


def is_healthy(path: Path, data: CourseData) -> bool:
    """SQLite's own check passes and every stored revision reads."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return False
        journal = Journal(path, data=data)
        for exercise_id in journal.all_bodies():
            journal.history(exercise_id)
        return True
    except (sqlite3.Error, JournalError, OSError):
        return False


def rescue(path: Path, data: CourseData) -> Rescue:
    """Copy the damaged journal aside and put every readable revision in a new one;
    ``data``: the course, whose exercises say which revisions can still be used."""
    copy = _copy_aside(path)
    result = Rescue(copy=copy)
    known = data.exercises
    ordered, result.lost, complete = _rows_by_sqlite(copy, known)
    if not complete:
        result.scanned = True
        # The same revision can sit in the file more than once (old pages, the WAL): keep
        # its latest place, so the last save stays the last.
        found = {_key(row): (row_id, row) for row_id, row in ordered}
        for row_id, row in _rows_by_scan(copy, known):
            key = _key(row)
            if key not in found:
                result.lost = max(0, result.lost - 1)  # found after all
            elif found[key][0] != UNKNOWN and found[key][0] >= row_id:
                continue
            found[key] = (row_id, row)
        ordered = sorted(found.values(), key=lambda item: (item[1][1], item[0]))
    result.rows = [row for _, row in ordered]
    _replace(path, result.rows, data)
    return result


def _key(row: Row) -> tuple[str, str, str]:
    return row[0], row[1], json.dumps(row[2], sort_keys=True)


def _copy_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.beschadigd-{stamp}")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.beschadigd-{stamp}-{n}")
    shutil.copy2(path, copy)
    wal = Path(f"{path}-wal")
    if wal.is_file() and wal.stat().st_size:
        shutil.copy2(wal, f"{copy}-wal")  # changes not yet in the file; -shm is rebuilt
    return copy


def _rows_by_sqlite(
    path: Path, known: Mapping[str, Exercise]
) -> tuple[list[tuple[int, Row]], int, bool]:
    """Rows one at a time, so one bad page costs only its rows; False when not all of the
    table could be read."""
    rows: list[tuple[int, Row]] = []
    lost = 0
    try:
        db = sqlite3.connect(path)
    except sqlite3.Error:
        return rows, lost, False
    with contextlib.closing(db):
        ids = _row_ids(db)
        if ids is None:
            return rows, lost, False
        for row_id in ids:
            try:
                found = db.execute(
                    "SELECT exercise, saved_at, entries FROM revisions WHERE id = ?", (row_id,)
                ).fetchone()
                rows.append((row_id, _valid(known, *found)))
            except (sqlite3.Error, ValueError, TypeError):
                lost += 1
    return rows, lost, lost == 0


def _row_ids(db: sqlite3.Connection) -> list[int] | None:
    """Every row id, from the table or else from the index (which holds them too)."""
    for query in (
        "SELECT id FROM revisions ORDER BY id",
        "SELECT id FROM revisions INDEXED BY revisions_by_exercise WHERE exercise > ''",
    ):
        try:
            return sorted(r[0] for r in db.execute(query))
        except sqlite3.Error:
            continue
    return None


def _rows_by_scan(path: Path, exercises: Mapping[str, Exercise]) -> list[tuple[int, Row]]:
    """Revisions found in the raw bytes: an exercise id, a time stamp, then JSON."""
    known = sorted(exercises, key=len, reverse=True)
    pattern = re.compile(
        rb"(" + b"|".join(re.escape(k.encode()) for k in known) + rb")(" + STAMP.pattern + rb")"
    )
    rows: list[tuple[int, Row]] = []
    for part in (path, Path(f"{path}-wal")):
        if not part.exists():
            continue
        data = part.read_bytes()
        decoder = json.JSONDecoder()
        for match in pattern.finditer(data):
            start = match.end()
            if data[start : start + 1] not in (b"[", b"{"):
                continue
            tail = data[start : start + WINDOW].decode("utf-8", "replace")
            try:
                value, _ = decoder.raw_decode(tail)
                row = _valid(exercises, match[1].decode(), match[2].decode(), json.dumps(value))
            except (ValueError, TypeError):
                continue
            rows.append((_rowid_before(data, match.start()), row))
    return rows


def _rowid_before(data: bytes, start: int) -> int:
    """The row id SQLite keeps in front of a row's record, or UNKNOWN.

    A table row is: payload size, row id (both varints), then the record: its header
    (header size, one type per column: NULL for ``id``, then three texts) and the values.
    """
    for size in range(4, 10):
        at = start - size
        if at < 1 or data[at] != size or data[at + 1] != 0:
            continue
        end = at - 1  # the row id's last byte: high bit clear
        if data[end] & 0x80:
            continue
        begin = end
        while begin > 0 and end - begin < 8 and data[begin - 1] & 0x80:
            begin -= 1
        value = 0
        for byte in data[begin : end + 1]:
            value = (value << 7) | (byte & 0x7F)
        return value
    return UNKNOWN


def _valid(known: Mapping[str, Exercise], exercise_id: str, saved_at: str, text: str) -> Row:
    """A revision that the course can still use; ValueError if it is not one."""
    exercise = known.get(exercise_id)
    if exercise is None or not isinstance(saved_at, str):
        raise ValueError("unknown exercise")
    try:
        body, _ = exercise.clean_body(read_body(text))
    except AnswerError as exc:
        raise ValueError(str(exc)) from None
    return exercise_id, saved_at, body


def _replace(path: Path, rows: list[Row], data: CourseData) -> None:
    """The new journal is written next to the old one and then takes its place."""
    fresh = path.with_name(f"{path.name}.nieuw")
    Journal(fresh, data=data).forget()
    Journal(fresh, data=data).add_revisions(rows)
    for side in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{side}").unlink()
    with contextlib.closing(sqlite3.connect(fresh)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for side in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            Path(f"{fresh}{side}").unlink()
    os.replace(fresh, path)
