"""What Python says of the state of exercises, days and where to go on, printed as JSON for
progress.test.mjs: the book's progress.js must say the same of the same answers.

The answer sets are the journey of samples/progress.py and generated ones (a fixed seed):
questions left out, blank and almost blank text, half-answered roles, broken entries.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from samples import progress as journey  # noqa: E402
from samples.answers import full_answers  # noqa: E402
from toelaten.coursedata import CourseData  # noqa: E402
from toelaten.exercises.progress import (  # noqa: E402
    DONE,
    HALF,
    OPEN,
    State,
    day_state,
    exercise_state,
    resume,
    spec,
)

DATA = CourseData()
#: Text that is (or is not quite) blank: the two languages' ideas of a space differ.
TEXTS = ["", " ", "\t\n", "\u00a0", "\u2003", "\x1c", "\u200b", "\ufeff", "ja", " ja "]
BROKEN: list[Any] = [None, 7, "e1", [], {"id": "e9"}, {"answers": []}, {"answers": "x"}]


def answer_sets(rng: random.Random, exercise) -> list[Any]:
    sets: list[Any] = []
    for n in range(rng.randint(0, spec(exercise)["minimum"] + 1)):
        answers = full_answers(exercise, "ja")
        for field_id in list(answers):
            roll = rng.random()
            if roll < 0.2:
                del answers[field_id]
            elif roll < 0.3 and isinstance(answers[field_id], str):
                answers[field_id] = rng.choice(TEXTS)
            elif roll < 0.35 and isinstance(answers[field_id], dict):
                answers[field_id] = dict(list(answers[field_id].items())[: rng.randint(0, 2)])
            elif roll < 0.38:
                answers[field_id] = rng.choice([None, [], {}, 0])
        entry = journey.entry(n + 1, answers)
        if rng.random() < 0.1:  # a save time that is odd, missing or later than the rest
            entry["updated"] = rng.choice([None, 5, "2027-01-01T00:00:00", ""])
        sets.append(entry)
    if rng.random() < 0.1:
        sets.insert(rng.randint(0, len(sets)), rng.choice(BROKEN))
    return sets


def main() -> None:
    rng = random.Random(20261201)
    known = DATA.exercises
    specs = {i: spec(e) for i, e in known.items()}
    bodies, _ = journey.bodies(DATA)
    cases = [{"exercise": i, "entries": bodies.get(i, {"entries": []})["entries"]} for i in known]
    for exercise in known.values():
        cases += [
            {"exercise": exercise.id, "entries": answer_sets(rng, exercise)} for _ in range(60)
        ]
    for case in cases:
        case["result"] = exercise_state(specs[case["exercise"]], case["entries"]).as_json()
    days = [{"id": d.id, "exercises": list(d.exercises)} for d in DATA.course.days]
    resumes = []
    for _ in range(300):
        states = {i: rng.choice([OPEN, OPEN, HALF, DONE, DONE]) for i in known}
        if rng.random() < 0.1:
            states = dict.fromkeys(known, rng.choice([OPEN, DONE]))
        # Save times: some equal, some missing, as real answers files have them.
        stamps = {
            i: rng.choice(["", "2026-11-30T09:00:00", f"2026-12-01T1{rng.randint(0, 9)}:00:00"])
            for i in known
        }
        given = {i: State(s, updated=stamps[i] if s != OPEN else "") for i, s in states.items()}
        target = resume([(d["id"], d["exercises"]) for d in days], given)
        per_day = [vars(day_state([given[i] for i in d["exercises"]])) for d in days]
        resumes.append(
            {
                "states": {i: g.as_json() for i, g in given.items()},
                "result": target,
                "days": per_day,
            }
        )
    print(
        json.dumps(
            {"specs": specs, "cases": cases, "days": days, "resumes": resumes},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
