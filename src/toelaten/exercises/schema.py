"""What a valid answer is, as JSON Schema made from the exercise definitions.

The one definition of a valid answer: Python checks with ``jsonschema``, the book with
``front/schema.js``, both reading these schemas. Each subschema carries its messages
(``x-messages``, one per keyword, from the catalogue's ``schema.*``), so both say the same
thing. Placeholders a message keeps for the check to fill in: ``{length}`` (characters in
the value), ``{extra}`` (the first unknown name), ``{value}`` (the value itself). Keys are
emitted in the order they are checked, so both validators report the same first problem.

Only the keywords in ``KEYWORDS`` may appear: schema.js knows exactly these and refuses
a schema with any other, so a new keyword cannot be ignored in the browser.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

import jsonschema

from toelaten.exercises.fields import MAX_LENGTH, AnswerError, Field

if TYPE_CHECKING:
    from toelaten.exercises.model import Exercise
    from toelaten.strings import Strings

KEYWORDS = (
    "$defs",
    "$ref",
    "type",
    "const",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "maxLength",
    "maxItems",
    "uniqueItems",
    "required",
    "additionalProperties",
    "propertyNames",
    "properties",
    "items",
)
FORMAT = "toelaten-antwoorden"
#: Schema 2 adds ``earlier`` (earlier versions of a single-set exercise); 1 is still read.
SCHEMAS = (1, 2)
MAX_ENTRIES = 500
#: The longest name a learner can give for the workbook's cover.
NAME_MAX = 100
#: `$` would let a final newline through in Python; this end-of-text works in both languages.
END = r"(?![\s\S])"
ENTRY_ID = r"^[A-Za-z0-9_-]{1,64}" + END
#: A moment in UTC as the exercises write it: 2026-11-20T09:30:00Z. Strict on purpose:
#: the merge compares these as text (so no fractions, no offsets), and "hello 1" is no date.
STAMP = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z" + END
)

#: The placeholders an answer's message keeps for the check to fill in (see fill()).
LATER = {"length": "{length}", "extra": "{extra}", "value": "{value}"}


def _messages(**by_keyword: str) -> dict[str, dict[str, str]]:
    return {"x-messages": by_keyword}


def field_schema(field: Field, strings: Strings) -> dict[str, Any]:
    """What one question accepts; null means 'not answered'."""
    where = strings("schema.where", label=field.label)
    if field.kind in MAX_LENGTH:
        limit = MAX_LENGTH[field.kind]
        return {
            "type": ["string", "null"],
            "maxLength": limit,
            **_messages(
                type=strings("schema.text", where=where),
                maxLength=strings(
                    "schema.too_long",
                    where=where,
                    max=strings.number(limit),
                    length=LATER["length"],
                ),
            ),
        }
    if field.kind == "scale":
        between = strings("schema.between", where=where, min=field.min, max=field.max)
        return {
            "type": ["integer", "null"],
            "minimum": field.min,
            "maximum": field.max,
            **_messages(
                type=strings("schema.number", where=where), minimum=between, maximum=between
            ),
        }
    ids = [o.id for o in field.options]
    if field.kind == "choice":
        return {
            "enum": [*ids, None],
            **_messages(enum=strings("schema.choice", where=where)),
        }
    if field.kind == "multi":
        pick = strings("schema.multi", where=where)
        most = (
            strings("schema.at_most", where=where, max=field.max_choices)
            if field.max_choices
            else pick
        )
        return {
            "type": ["array", "null"],
            "maxItems": field.max_choices or len(ids),
            "uniqueItems": True,
            "items": {"enum": ids, **_messages(enum=pick)},
            **_messages(type=pick, maxItems=most, uniqueItems=pick),
        }
    # roles: per response (a, b, c) one of the roles
    pick = strings("schema.roles", where=where)
    return {
        "type": ["object", "null"],
        "propertyNames": {"enum": [r.id for r in field.responses], **_messages(enum=pick)},
        "additionalProperties": {"enum": ids, **_messages(enum=pick)},
        **_messages(type=pick),
    }


def entry_schema(exercise: Exercise) -> dict[str, Any]:
    """One saved answer set: an id, two moments and the answers by question; in an
    exercise that takes over another's entries, also the id of the entry it came from."""
    strings = exercise.strings
    shape = strings("schema.shape")
    no_date = strings("schema.date")
    stamp = {"type": "string", "pattern": STAMP, **_messages(type=no_date, pattern=no_date)}
    no_id = strings("schema.id")
    entry_id = {"type": "string", "pattern": ENTRY_ID, **_messages(type=no_id, pattern=no_id)}
    origin = {"origin": entry_id} if exercise.take_over else {}
    return {
        "type": "object",
        "required": ["id", "created", "updated", "answers"],
        "additionalProperties": False,
        "properties": {
            "id": entry_id,
            "created": stamp,
            "updated": stamp,
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {f.id: field_schema(f, strings) for f in exercise.fields},
                **_messages(
                    type=shape,
                    additionalProperties=strings("schema.unknown_question", **LATER),
                ),
            },
            **origin,
        },
        **_messages(type=shape, required=shape, additionalProperties=shape),
    }


def entries_schema(exercise: Exercise, *, strict: bool = True, ref: bool = False) -> dict[str, Any]:
    """A list of answer sets. ``strict``: as a save must be (one set for a single-set
    exercise); not strict: as a file or a store may be, to be repaired by normalise().
    ``ref``: the entry schema by reference to ``#/$defs/entry`` (see body_schema)."""
    strings = exercise.strings
    single = strict and not exercise.repeat
    return {
        "type": "array",
        "maxItems": 1 if single else MAX_ENTRIES,
        "items": {"$ref": "#/$defs/entry"} if ref else entry_schema(exercise),
        **_messages(
            type=strings("schema.shape"),
            maxItems=strings("schema.one_set")
            if single
            else strings("schema.too_many", max=strings.number(MAX_ENTRIES)),
        ),
    }


def body_schema(exercise: Exercise) -> dict[str, Any]:
    """An exercise in a file or in the browser's storage: its answers and earlier versions.
    The entry schema is written once under ``$defs`` (every page carries this schema)."""
    damaged = exercise.strings("schema.damaged")
    return {
        "$defs": {"entry": entry_schema(exercise)},
        "type": "object",
        "required": ["entries"],
        "additionalProperties": False,
        "properties": {
            "entries": entries_schema(exercise, strict=False, ref=True),
            "earlier": entries_schema(exercise, strict=False, ref=True),
        },
        **_messages(type=damaged, required=damaged, additionalProperties=damaged),
    }


def document_schema(exercise_ids: list[str], strings: Strings) -> dict[str, Any]:
    """The outside of an answers file; each exercise inside is checked with body_schema."""
    not_ours = strings("schema.not_ours")
    return {
        "type": "object",
        "required": ["format", "schema", "exercises"],
        "properties": {
            "format": {"const": FORMAT, **_messages(const=not_ours)},
            "schema": {
                "enum": list(SCHEMAS),
                **_messages(enum=strings("schema.other_version")),
            },
            # The learner's name for the workbook's cover (optional).
            "name": {
                "type": "string",
                "maxLength": NAME_MAX,
                **_messages(
                    type=strings("schema.name", max=NAME_MAX),
                    maxLength=strings("schema.name", max=NAME_MAX),
                ),
            },
            "exercises": {
                "type": "object",
                "propertyNames": {
                    "enum": sorted(exercise_ids),
                    **_messages(enum=strings("schema.unknown_exercise", **LATER)),
                },
                **_messages(type=strings("schema.no_exercises")),
            },
        },
        **_messages(type=not_ours, required=not_ours),
    }


@functools.lru_cache(maxsize=256)
def _validator(schema_text: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_text))


def check(schema: dict[str, Any], instance: Any, strings: Strings) -> None:
    """AnswerError with the schema's message for the first problem, if any."""
    validator = _validator(json.dumps(schema, sort_keys=False))
    error = next(iter(validator.iter_errors(instance)), None)
    if error is not None:
        raise AnswerError(message(error, strings))


def message(error: jsonschema.ValidationError, strings: Strings) -> str:
    template = error.schema.get("x-messages", {}).get(error.validator)  # type: ignore[union-attr]
    if template is None:  # a schema without a message for a keyword is our bug
        raise KeyError(f"no x-messages[{error.validator!r}] at {list(error.schema_path)}")
    instance = error.instance
    extra = ""
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})  # type: ignore[union-attr]
        extra = next(iter(sorted(k for k in instance if k not in known)), "")
    return fill(template, instance, strings, extra)


def fill(template: str, instance: Any, strings: Strings, extra: str = "") -> str:
    """The message with its placeholders filled in (schema.js's fillMessage() does the same)."""
    length = strings.number(len(instance)) if isinstance(instance, str) else ""
    return (
        template.replace("{length}", length)
        .replace("{extra}", extra)
        .replace("{value}", str(instance) if isinstance(instance, str) else "")
    )
