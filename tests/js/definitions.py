"""Every exercise definition as the book gets it, the answers file's schema and the
interface's words the front end gets, printed as JSON for the node tests (front.mjs:
definitions())."""

from __future__ import annotations

import json

from toelaten.coursedata import CourseData
from toelaten.exercises import front
from toelaten.exercises.schema import document_schema


def main() -> None:
    data = CourseData.default()
    known = data.exercises
    print(
        json.dumps(
            {
                "definitions": {i: e.as_json() for i, e in known.items()},
                "documentSchema": document_schema(list(known), data.strings),
                "strings": front.words(data.strings),
            }
        )
    )


if __name__ == "__main__":
    main()
