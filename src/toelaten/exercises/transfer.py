"""The answers file a learner downloads and restores, in the book and with the CLI.

One format for both, so a file downloaded from the book can be imported into the Jupyter
journal and back. ``ui.js`` implements the same checks and the same merge for the browser;
tests run both against the same sample files.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from toelaten.exercises.catalogue import catalogue
from toelaten.exercises.model import AnswerError

FORMAT = "toelaten-antwoorden"
SCHEMA = 1
#: A file larger than this is not an answers file (the browser holds about 5 MB in all).
MAX_BYTES = 10 * 1024 * 1024


class TransferError(ValueError):
    """An answers file that cannot be restored; the message is Dutch, for the learner."""


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_document(answers: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "exported": now(),
        "exercises": {ex: {"entries": entries} for ex, entries in answers.items() if entries},
    }


def read_document(raw: bytes | str) -> dict[str, list[dict[str, Any]]]:
    """Validated answers per exercise from a downloaded file; TransferError if it is not one."""
    if len(raw) > MAX_BYTES:
        raise TransferError("Dit bestand is te groot voor een antwoordenbestand.")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise TransferError(
            "Dit is geen antwoordenbestand van deze cursus. Kies het bestand dat je eerder "
            "hebt gedownload (het eindigt op .json)."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError("Dit is geen antwoordenbestand van deze cursus.")
    if data.get("schema") != SCHEMA:
        raise TransferError(
            "Dit antwoordenbestand komt uit een andere versie van de cursus en kan hier niet "
            "worden teruggezet."
        )
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        raise TransferError("In dit antwoordenbestand staan geen oefeningen.")
    known = catalogue()
    result = {}
    for exercise_id, body in exercises.items():
        if exercise_id not in known:
            raise TransferError(
                f"Dit bestand bevat een oefening die deze cursus niet kent: {exercise_id}."
            )
        if not isinstance(body, dict) or set(body) != {"entries"}:
            raise TransferError(f"De antwoorden bij ‘{known[exercise_id].title}’ zijn beschadigd.")
        try:
            result[exercise_id] = known[exercise_id].clean_entries(body["entries"])
        except AnswerError as exc:
            raise TransferError(f"‘{known[exercise_id].title}’: {exc}") from None
    return result


def merge(current: list[dict[str, Any]], incoming: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Both lists in one, losing nothing.

    Entries are matched by id. Where both sides changed the same entry, the later one keeps
    the id and the other stays as a copy whose id is derived from its own date, so importing
    the same file twice changes nothing the second time.
    """
    merged = [dict(e) for e in current]
    index = {e["id"]: i for i, e in enumerate(merged)}
    for entry in incoming:
        i = index.get(entry["id"])
        if i is None:
            index[entry["id"]] = len(merged)
            merged.append(dict(entry))
            continue
        mine = merged[i]
        if mine["answers"] == entry["answers"]:
            continue
        newer, older = (entry, mine) if entry["updated"] > mine["updated"] else (mine, entry)
        merged[i] = dict(newer)
        copy_id = f"{older['id'][:40]}-{re.sub(r'[^0-9]', '', older['updated'])[:14]}"
        if copy_id not in index:
            index[copy_id] = len(merged)
            merged.append({**older, "id": copy_id})
    return merged
