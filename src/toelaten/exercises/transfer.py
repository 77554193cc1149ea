"""The answers file a learner downloads and restores, in the book and with the CLI.

One format for both, so a file downloaded from the book can be imported into the Jupyter
journal and back. What a valid file is comes from schema.py (the book reads the same
schemas); the merge is written twice, here and in ``front/answers.js``, and both run on
the sample files in ``tests/samples/answers/``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from toelaten.exercises import schema
from toelaten.exercises.model import AnswerError, Exercise, copy_id, normalise

if TYPE_CHECKING:
    from toelaten.strings import Strings

FORMAT = schema.FORMAT
SCHEMA = 2
#: A file larger than this is not an answers file (the browser holds about 5 MB in all).
MAX_BYTES = 10 * 1024 * 1024
#: Deeper than this is not an answers file (ours are 6 deep); stops a stack overflow.
MAX_DEPTH = 32

#: An exercise's answers: the current answer sets and earlier versions (single-set only).
Body = dict[str, list[dict[str, Any]]]


class TransferError(ValueError):
    """An answers file that cannot be restored; the message is for the learner, in the
    course's language."""


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_document(answers: dict[str, Body]) -> dict[str, Any]:
    exercises = {}
    for exercise_id, body in answers.items():
        if body.get("entries") or body.get("earlier"):
            exercises[exercise_id] = {k: v for k, v in body.items() if v or k == "entries"}
    return {"format": FORMAT, "schema": SCHEMA, "exported": now(), "exercises": exercises}


def read_document(
    raw: bytes | str, known: Mapping[str, Exercise], strings: Strings
) -> dict[str, Body]:
    """Validated answers per exercise from a downloaded file; TransferError if it is not one.

    A file that holds two current answer sets for a single-set exercise (made by an older
    version of the course) is repaired, not refused: see model.normalise.
    """
    if len(raw) > MAX_BYTES:
        raise TransferError(strings("answers.too_big"))
    not_ours = strings("answers.not_ours")
    if _too_deep(raw):
        raise TransferError(not_ours)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise TransferError(not_ours) from None
    try:
        schema.check(schema.document_schema(list(known), strings), data, strings)
    except AnswerError as exc:
        raise TransferError(str(exc)) from None
    result = {}
    for exercise_id, body in data["exercises"].items():
        exercise = known[exercise_id]
        try:
            result[exercise_id], _ = exercise.clean_body(body)
            _check_text(result[exercise_id], strings)
        except AnswerError as exc:
            raise TransferError(
                strings("answers.in_exercise", title=exercise.title, problem=exc)
            ) from None
    return result


def _too_deep(raw: bytes | str) -> bool:
    """Nesting deeper than MAX_DEPTH, counted without parsing (brackets in strings count
    too, which only makes the check stricter for text that is no answers file anyway)."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    depth = 0
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _check_text(body: Body, strings: Strings) -> None:
    """JSON can spell half a character (a lone surrogate); no file or store can keep it."""
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise AnswerError(strings("answers.bad_character")) from None


def merge(current: Body, incoming: Body, *, repeat: bool) -> Body:
    """Both in one, losing nothing, and never two current sets in a single-set exercise.

    Entries are matched by id. Where both sides changed the same entry, the later one keeps
    the id and the other stays as a copy (model.copy_id), so restoring the same file twice
    changes nothing the second time. Earlier versions are kept from both sides. book.js
    (merge) does the same; tests run both on the same files.
    """
    entries = [dict(e) for e in current.get("entries", [])]
    earlier = [dict(e) for e in current.get("earlier", [])]
    taken = {e["id"] for e in entries} | {e["id"] for e in earlier}
    index = {e["id"]: i for i, e in enumerate(entries)}
    for entry in incoming.get("entries", []):
        i = index.get(entry["id"])
        if i is None:
            if any(e["id"] == entry["id"] and e["answers"] == entry["answers"] for e in earlier):
                continue  # already kept as an earlier version
            if entry["id"] in taken:  # an earlier version came back as current: keep both
                entry = {**entry, "id": copy_id(entry)}
                if entry["id"] in taken:
                    continue
            index[entry["id"]] = len(entries)
            taken.add(entry["id"])
            entries.append(dict(entry))
            continue
        mine = entries[i]
        if mine["answers"] == entry["answers"]:
            continue
        newer, older = (entry, mine) if entry["updated"] > mine["updated"] else (mine, entry)
        entries[i] = dict(newer)
        kept = {**older, "id": copy_id(older)}
        if kept["id"] not in taken:
            taken.add(kept["id"])
            entries.append(kept)
    for entry in incoming.get("earlier", []):
        if entry["id"] not in taken:
            taken.add(entry["id"])
            earlier.append(dict(entry))
    return normalise({"entries": entries, "earlier": earlier}, repeat=repeat)


def merge3(
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    *,
    repeat: bool,
    earlier: list[dict[str, Any]] | None = None,
) -> Body:
    """Two writers' work on one exercise, losing neither: ``base`` is what this writer last
    read or wrote, ``mine`` what it has now, ``theirs`` (and ``earlier``) what is stored
    now (another tab, or another notebook on the same journal). Per answer set: changed on
    one side only, that side wins; changed on both, per field, and where both changed the
    same field, theirs is kept as a copy (an earlier version in a single-set exercise).
    Deleted on one side stays deleted unless the other side changed it.
    answers.js (merge3) does the same; tests run both on the same cases.
    """
    b = {e["id"]: e for e in base}
    m = {e["id"] for e in mine}
    t = {e["id"]: e for e in theirs}
    result, copies = [], []
    for entry in mine:
        old, other = b.get(entry["id"]), t.get(entry["id"])
        if old is None:
            result.append(entry)  # new here
        elif other is None:
            if entry != old:
                result.append(entry)  # deleted there, but changed here
        elif entry == old:
            result.append(other)
        elif other == old:
            result.append(entry)
        else:
            answers, clash = {}, False
            for key in {**old["answers"], **entry["answers"], **other["answers"]}:
                was, here, there = (x["answers"].get(key) for x in (old, entry, other))
                pick = entry["answers"] if here != was else other["answers"]
                clash = clash or (here != was and there != was and here != there)
                if key in pick:
                    answers[key] = pick[key]
            updated = max(entry["updated"], other["updated"])
            result.append({**entry, "updated": updated, "answers": answers})
            if clash:
                copies.append({**other, "id": copy_id(other)})
    for entry in theirs:
        old = b.get(entry["id"])
        if entry["id"] not in m and (old is None or entry != old):
            result.append(entry)  # added there, or changed there
    taken = {e["id"] for e in result} | {e["id"] for e in earlier or []}
    result += [c for c in copies if c["id"] not in taken]
    return normalise({"entries": result, "earlier": list(earlier or [])}, repeat=repeat)
