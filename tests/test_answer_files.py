"""One definition of a valid answer: the shared answer files through Python and through the
book's JavaScript (node), which must agree on every verdict, message and merge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samples.answers import INVALID, PHRASES, VALID
from toelaten.coursedata import CourseData
from toelaten.exercises.schema import KEYWORDS, body_schema, document_schema
from toelaten.exercises.transfer import TransferError, merge, read_document

DATA = CourseData()

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_a_valid_file_is_restored(path):
    restored = read_document(path.read_bytes(), DATA.exercises, DATA.strings)
    for exercise_id, body in restored.items():
        exercise = DATA.exercises[exercise_id]
        assert exercise.repeat or len(body["entries"]) <= 1  # never two current sets
        assert exercise.clean_body(body) == (body, False)  # what we keep is valid as it is


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_an_invalid_file_is_refused_with_its_reason(path):
    with pytest.raises(TransferError) as refused:
        read_document(path.read_bytes(), DATA.exercises, DATA.strings)
    assert PHRASES[path.stem] in str(refused.value)
    assert "Traceback" not in str(refused.value)


def test_every_invalid_file_has_a_phrase_and_every_phrase_a_file():
    assert sorted(PHRASES) == sorted(p.stem for p in INVALID)


def test_a_two_device_backup_of_a_single_set_exercise_keeps_both_answers():
    path = next(p for p in VALID if p.stem == "single-set-with-two-answers")
    body = read_document(path.read_bytes(), DATA.exercises, DATA.strings)["trots-of-bescherming"]
    kept = [e["answers"] for e in body["entries"] + body["earlier"]]
    assert body["entries"][0]["answers"] == {"trots": "Nieuwer"}  # the latest is the answer
    assert {"trots": "Ouder"} in kept and {"bang": "Oudst"} in kept


def test_restoring_two_conflicting_files_then_the_download_again_changes_nothing():
    exercise = DATA.exercises["brief-aan-jezelf"]

    def backup(entry_id, updated, text):
        entry = {"id": entry_id, "created": updated, "updated": updated, "answers": {"brief": text}}
        return {"entries": [entry], "earlier": []}

    laptop = backup("e1", "2026-11-01T08:00:00Z", "Op de laptop")
    phone = backup("e1", "2026-11-03T08:00:00Z", "Op de telefoon")
    stored = merge(merge({"entries": []}, laptop, repeat=False), phone, repeat=False)
    assert [e["answers"]["brief"] for e in stored["entries"]] == ["Op de telefoon"]
    assert [e["answers"]["brief"] for e in stored["earlier"]] == ["Op de laptop"]
    document = {"format": "toelaten-antwoorden", "schema": 2, "exercises": {exercise.id: stored}}
    again = read_document(json.dumps(document), DATA.exercises, DATA.strings)[exercise.id]
    assert merge(stored, again, repeat=False) == stored
    assert merge(stored, laptop, repeat=False) == stored  # the same file twice: no copies


def test_schemas_use_only_keywords_the_browser_knows_and_name_a_message_for_each():
    def walk(schema):
        for keyword, value in schema.items():
            if keyword in ("x-messages", "$ref"):
                continue
            if keyword == "$defs":
                for sub in value.values():
                    walk(sub)
                continue
            assert keyword in KEYWORDS, keyword
            if keyword not in ("properties", "type", "enum", "const", "required", "pattern"):
                assert keyword in schema.get("x-messages", {}) or isinstance(value, dict), keyword
            subs = value.values() if keyword == "properties" else [value]
            for sub in subs:
                if isinstance(sub, dict):
                    walk(sub)
        if any(k in schema for k in ("type", "enum", "const", "pattern", "required")):
            needed = {k for k in ("type", "enum", "const", "pattern", "required") if k in schema}
            assert needed <= set(schema.get("x-messages", {})), schema

    for exercise in DATA.exercises.values():
        walk(body_schema(exercise))
    walk(document_schema(list(DATA.exercises), DATA.strings))


def test_the_book_javascript_agrees_with_python_on_every_file_and_merge():
    env = {**os.environ, "PYTHON": sys.executable, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        ["node", "--test", str(ROOT / "tests" / "js")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout and "# pass 0" not in proc.stdout
