"""The questions of an exercise: their kinds, how they read from YAML, what they accept.

Kinds: ``text`` and ``longtext`` (free text), ``scale`` (a whole number between two ends),
``choice`` (one option), ``multi`` (any number of options) and ``roles`` (a scenario whose
responses the learner matches to roles; feedback explains each). Messages for learners are
in the course's language (the catalogue); errors in a definition file are for course
authors, in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NoReturn

from toelaten._fields import Fields

if TYPE_CHECKING:
    from toelaten.strings import Strings

KINDS = ("text", "longtext", "scale", "choice", "multi", "roles")
#: Longest answer a field takes, in characters: room for a real answer, and a bound on
#: what the browser's storage (about 5 MB per site) has to hold.
MAX_LENGTH = {"text": 1_000, "longtext": 10_000}
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def is_empty(value: Any) -> bool:
    """An answer left empty: nothing, "", [] or {} (dom.js: isEmpty)."""
    return value is None or value == "" or value == [] or value == {}


class AnswerError(ValueError):
    """Answers that cannot be saved; the message is meant for the learner."""


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Response:
    """One reply in a ``roles`` scenario, with the role it shows and why."""

    id: str
    text: str
    role: str
    feedback: str


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    help: str | None = None
    section: str | None = None
    min: int | None = None
    max: int | None = None
    step: int = 1
    ends: tuple[str, str] | None = None
    options: tuple[Option, ...] = ()
    max_choices: int | None = None
    scenario: str | None = None
    responses: tuple[Response, ...] = ()
    #: Answered after the fact (an experiment's outcome): until then the exercise waits.
    later: bool = False
    #: May stay empty in an exercise that is done (progress.py).
    optional: bool = False
    #: A choice among the options ticked in this `multi` field of the same answer set
    #: (the top three of the reasons ticked): its options are that field's, the form
    #: offers only the ticked ones (form.js: offeredOptions), and one chosen before it was
    #: unticked stays, so nothing is lost.
    options_from: str | None = None

    @property
    def max_length(self) -> int | None:
        return MAX_LENGTH.get(self.kind)

    def display(self, value: Any, strings: Strings) -> str:
        """An answer as a learner reads it back (as dom.js's answerText does)."""
        labels = {o.id: o.label for o in self.options}
        if self.kind == "scale":
            return strings("exercise.scale_value", value=value, max=self.max)
        if self.kind == "choice":
            return labels.get(value, str(value))
        if self.kind == "multi":
            # Labels are often whole sentences ("… zijn."): one list, not "zijn., Ik …".
            return "; ".join(str(labels.get(v, v)).removesuffix(".") for v in value)
        if self.kind == "roles":
            return "; ".join(
                f"{r.id.upper()}: {labels.get(value[r.id], value[r.id])}"
                for r in self.responses
                if r.id in value
            )
        return str(value)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "label": self.label}
        for key in ("help", "section", "scenario"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.max_length:
            data["maxLength"] = self.max_length
        if self.kind == "scale":
            data.update(min=self.min, max=self.max, step=self.step, ends=list(self.ends or ()))
        if self.options:
            data["options"] = [{"id": o.id, "label": o.label} for o in self.options]
        if self.max_choices:
            data["maxChoices"] = self.max_choices
        if self.options_from:
            data["optionsFrom"] = self.options_from
        for key in ("later", "optional"):
            if getattr(self, key):
                data[key] = True
        if self.responses:
            data["responses"] = [
                {"id": r.id, "text": r.text, "role": r.role, "feedback": r.feedback}
                for r in self.responses
            ]
        return data


def read_options(item: Fields, key: str, *, allow_empty: bool = False) -> list[Option]:
    options = []
    for option in item.items(key, allow_empty=allow_empty):
        options.append(Option(option.text("id"), option.text("label")))
        option.done()
    return options


def read_field(item: Fields, roles: tuple[Option, ...] = ()) -> Field:
    """One field from a definition file; ``roles`` are the exercise's roles, if any."""
    field_id = item.text("id")
    if not FIELD_ID.match(field_id):
        item.fail(f"field ids are lower_case words, found {field_id!r}", "id")
    kind = item.text("kind")
    if kind not in KINDS:
        item.fail(f"expected one of {', '.join(KINDS)}, found {kind!r}", "kind")
    label = item.text("label")
    kwargs: dict[str, Any] = {
        "help": item.text("help", optional=True),
        "section": item.text("section", optional=True),
        "later": item.flag("later"),
        "optional": item.flag("optional"),
    }
    if kwargs["later"] and kwargs["optional"]:
        item.fail("a field answered later is expected then: not also optional", "optional")
    if kind == "scale":
        low, high = item.integer("min"), item.integer("max")
        if low >= high:
            item.fail(f"min ({low}) must be below max ({high})", "max")
        step = item.integer("step")
        if step <= 0 or (high - low) % step:
            item.fail(f"step {step} must divide max - min ({high - low})", "step")
        ends = item.texts("ends")
        if len(ends) != 2:
            item.fail("expected two labels: the low end and the high end", "ends")
        kwargs.update(min=low, max=high, step=step, ends=(ends[0], ends[1]))
    if kind == "choice" and item.text("options_from", optional=True):
        # Its options are another field's, which the catalogue copies in (with_options_from).
        kwargs["options_from"] = item.text("options_from")
    elif kind in ("choice", "multi"):
        options = read_options(item, "options")
        if len({o.id for o in options}) != len(options):
            item.fail("option ids must be unique", "options")
        kwargs["options"] = tuple(options)
        if kind == "multi" and item.text("max_choices", optional=True):
            kwargs["max_choices"] = item.integer("max_choices")
    if kind == "roles":
        if not roles:
            item.fail("a roles field needs `roles:` at the top of the exercise", "kind")
        kwargs["scenario"] = item.text("scenario")
        responses = []
        for response in item.items("responses"):
            role = response.text("role")
            if role not in {r.id for r in roles}:
                response.fail(f"unknown role {role!r}", "role")
            responses.append(
                Response(
                    response.text("id"), response.text("text"), role, response.text("feedback")
                )
            )
            response.done()
        if sorted(r.role for r in responses) != sorted(r.id for r in roles):
            item.fail("each role must have exactly one response", "responses")
        kwargs.update(options=roles, responses=tuple(responses))
    result = Field(id=field_id, kind=kind, label=label, **kwargs)
    item.done()
    return result


def with_options_from(
    fields: tuple[Field, ...], fail: Callable[[str, str], NoReturn]
) -> tuple[Field, ...]:
    """The fields with each `options_from` choice given the options of the `multi` field it
    names, which must come before it; ``fail(message, key)`` reports a mistake."""
    done: dict[str, Field] = {}
    for i, field in enumerate(fields):
        if field.options_from:
            source = done.get(field.options_from)
            if source is None or source.kind != "multi":
                fail(
                    f"{field.options_from!r} is not a multi field before {field.id!r}",
                    f"fields[{i}].options_from",
                )
            field = replace(field, options=source.options)
        done[field.id] = field
    return tuple(done.values())
