"""Every exercise definition as the book gets it, and the answers file's schema, printed as
JSON for the node tests that need real definitions (front.mjs: definitions())."""

from __future__ import annotations

import json

from toelaten.coursedata import CourseData
from toelaten.exercises.schema import document_schema


def main() -> None:
    known = CourseData().exercises
    definitions = {i: e.as_json() for i, e in known.items()}
    print(json.dumps({"definitions": definitions, "documentSchema": document_schema(list(known))}))


if __name__ == "__main__":
    main()
