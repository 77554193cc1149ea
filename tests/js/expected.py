"""What Python says about the shared answer files, printed as JSON for answers.test.mjs.

The node test runs this and checks that the book's JavaScript (schema.js, answers.js)
gives the same verdicts, messages and merges. Generated cases come from a fixed seed.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from samples.answers import full_answers  # noqa: E402
from toelaten.coursedata import CourseData  # noqa: E402
from toelaten.exercises.fields import AnswerError  # noqa: E402
from toelaten.exercises.schema import document_schema  # noqa: E402
from toelaten.exercises.transfer import TransferError, merge, merge3, read_document  # noqa: E402

DATA = CourseData()

FILES = HERE.parent / "samples" / "answer-files"
JUNK: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    80.0,
    10**6,
    "",
    "x",
    "x" * 1001,
    "x" * 10_001,
    [],
    ["a"],
    ["a", "a"],
    {},
    {"a": "b"},
    "2026-11-20T09:00:00Z",
    "2026-11-20T24:00:00Z",
    "e1\n",
    "hello 1",
    "\U0001f600" * 600,
]


def verdict(run) -> dict[str, Any]:
    try:
        return {"ok": True, "result": run()}
    except (AnswerError, TransferError) as exc:
        return {"ok": False, "message": str(exc)}


def files() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(FILES.glob("*/*.json")):
        text = path.read_text(encoding="utf-8")
        cases.append(
            {
                "name": f"{path.parent.name}/{path.name}",
                "text": text,
                **verdict(lambda text=text: read_document(text, DATA.exercises, DATA.strings)),
            }
        )
    return cases


def entry(n: int, answers: dict, updated: str = "2026-11-20T09:30:00Z") -> dict[str, Any]:
    return {
        "id": f"e{n}",
        "created": "2026-11-20T09:00:00Z",
        "updated": updated,
        "answers": answers,
    }


def generated(rng: random.Random) -> list[dict[str, Any]]:
    """Valid bodies with one thing broken (or not), for every exercise."""
    cases = []
    for exercise in DATA.exercises.values():
        for n in range(40):
            body: dict[str, Any] = {"entries": [entry(1, full_answers(exercise, "tekst"))]}
            target = body["entries"][0]
            where = rng.random()
            if where < 0.6:
                field = rng.choice(exercise.fields)
                target["answers"][field.id] = copy.deepcopy(rng.choice(JUNK))
            elif where < 0.75:
                target[rng.choice(["id", "created", "updated"])] = copy.deepcopy(rng.choice(JUNK))
            elif where < 0.85:
                body["entries"].append(entry(2, {}, updated=f"2026-11-{10 + n % 15}T09:00:00Z"))
            elif where < 0.92:
                body["earlier"] = [entry(3, {}, updated="2026-01-01T00:00:00Z")]
            else:
                body[rng.choice(["entries", "extra"])] = copy.deepcopy(rng.choice(JUNK))
            cases.append(
                {
                    "exercise": exercise.id,
                    "body": body,
                    **verdict(lambda e=exercise, b=body: e.clean_body(b)[0]),
                }
            )
    return cases


def side(rng: random.Random, exercise) -> dict[str, Any]:
    """Up to three answer sets with ids from a small pool, so both sides often share one."""
    entries = []
    for n in rng.sample(range(4), rng.randint(0, 3)):
        answers = full_answers(exercise, rng.choice(["a", "b"]))
        entries.append(entry(n, answers, f"2026-11-{rng.randint(10, 20)}T09:00:00Z"))
    body = {"entries": entries, "earlier": []}
    return body if exercise.repeat else exercise.clean_body(body)[0]


def merges(rng: random.Random) -> list[dict[str, Any]]:
    """Restores into what is there: same ids changed on both sides, new ids, earlier."""
    cases = []
    for exercise in DATA.exercises.values():
        for _ in range(6):
            current, incoming = side(rng, exercise), side(rng, exercise)
            result = merge(current, incoming, repeat=exercise.repeat)
            cases.append(
                {
                    "exercise": exercise.id,
                    "current": current,
                    "incoming": incoming,
                    "result": result,
                }
            )
    return cases


def edited(rng: random.Random, exercise, base: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What one writer made of ``base``: answer sets kept, changed, deleted or added."""
    result = []
    for item in base:
        roll = rng.random()
        if roll < 0.2:
            continue
        if roll < 0.6:
            answers = {**item["answers"], **full_answers(exercise, rng.choice(["c", "d"]))}
            field = rng.choice(exercise.fields)
            answers.pop(field.id, None)
            updated = f"2026-11-{rng.randint(21, 28)}T09:00:00Z"
            item = {**item, "updated": updated, "answers": answers}
        result.append(item)
    if rng.random() < 0.4:
        n = rng.randint(4, 6)
        result.append(
            entry(n, full_answers(exercise, "e"), f"2026-11-{rng.randint(21, 28)}T10:00:00Z")
        )
    return result


def merges3(rng: random.Random) -> list[dict[str, Any]]:
    """Two tabs (or two notebooks) changing the same stored answers at once."""
    cases = []
    for exercise in DATA.exercises.values():
        for _ in range(8):
            base = side(rng, exercise)["entries"]
            mine, theirs = edited(rng, exercise, base), edited(rng, exercise, base)
            earlier = [] if exercise.repeat else rng.choice([[], base, mine[:1]])
            result = merge3(base, mine, theirs, repeat=exercise.repeat, earlier=earlier)
            cases.append(
                {
                    "exercise": exercise.id,
                    "base": base,
                    "mine": mine,
                    "theirs": theirs,
                    "earlier": earlier,
                    "result": result,
                }
            )
    return cases


def main() -> None:
    rng = random.Random(20261122)
    known = DATA.exercises
    print(
        json.dumps(
            {
                "definitions": {i: e.as_json() for i, e in known.items()},
                "documentSchema": document_schema(list(known), DATA.strings),
                "files": files(),
                "generated": generated(rng),
                "merges": merges(rng),
                "merges3": merges3(rng),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
