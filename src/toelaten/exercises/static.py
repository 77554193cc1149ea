"""The exercise as plain HTML: the mount the book's script brings to life.

Until the script runs (and when printing a lesson, or without JavaScript) it shows the
questions themselves, so the page is useful as it is. Used by the ``{oefening}`` directive
and by the widget's ``text/html`` output, which the book renders instead of the widget view.
Holds no answers: those never leave the learner's device.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from toelaten.exercises.example import answer_parts
from toelaten.exercises.model import Exercise

if TYPE_CHECKING:
    from toelaten.cast import Person


def json_attribute(name: str, value: object) -> str:
    """``name='…json…'``: single-quoted, so the JSON's many double quotes stay one byte
    each (a double-quoted attribute makes each `&quot;`: a third heavier page)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return f"{name}='{escape(text, quote=False).replace(chr(39), '&#x27;')}'"


def linked(exercise: Exercise, exercises: Mapping[str, Exercise]) -> dict:
    """The definitions this exercise reads (related) or writes to (actions): the book
    checks their stored answers against their own schemas."""
    return {i: exercises[i].as_json() for i in exercise.links}


def mount_html(exercise: Exercise, exercises: Mapping[str, Exercise]) -> str:
    """``exercises``: the course's, for the definitions this one links to."""
    strings = exercise.strings
    questions = "".join(
        f'<li><span class="tl-static-label">{escape(f.label)}</span>'
        + (f'<br><span class="tl-static-help">{escape(f.help)}</span>' if f.help else "")
        + "</li>"
        for f in exercise.fields
    )
    title = strings("exercise.title", title=exercise.title)
    return (
        f'<div class="toelaten-oefening" data-exercise="{escape(exercise.id)}" '
        f"{json_attribute('data-definition', exercise.as_json())} "
        f"{json_attribute('data-linked', linked(exercise, exercises))}>"
        f'<div class="tl-static"><p class="tl-static-title"><strong>{escape(title)}</strong></p>'
        f"<p>{escape(exercise.intro)}</p><ol>{questions}</ol>"
        f'<noscript><p class="tl-static-note">{escape(strings("exercise.noscript"))}</p>'
        "</noscript></div></div>"
    )


#: An example longer than this (characters of answers) is folded on a phone.
LONG_EXAMPLE = 500


def example_html(exercise: Exercise, person: Person) -> str:
    """The worked example, read-only, for before the exercise (book, Jupyter): who fills
    it in, where they are, and their answers as text. Everything escaped; no form, no
    storage. A long one is a <details> a phone shows folded (ui.css)."""
    example = exercise.example
    if example is None:
        return ""
    strings = exercise.strings
    entries = [answer_parts(exercise, a, strings, ends=True) for a in example["entries"]]
    size = sum(
        len(a["label"]) + len(a["value"]) for e in entries for p in e["parts"] for a in p["answers"]
    )
    body = "".join(_example_entry(entry) for entry in entries)
    heading_id = f"voorbeeld-{escape(exercise.id)}"
    if size > LONG_EXAMPLE:
        body = (
            f'<details class="tl-example-fold"><summary>'
            f"{escape(strings('example.show', name=person.name))}</summary>{body}</details>"
        )
    person_line = strings(
        "example.person", name=person.name, age=person.age, place=person.place, short=person.short
    )
    return (
        f'<aside class="tl-example" aria-labelledby="{heading_id}">'
        f'<p class="tl-example-title" id="{heading_id}"><strong>'
        f"{escape(strings('example.heading', name=person.name))}</strong></p>"
        f'<p class="tl-example-person">{escape(person_line)}</p>'
        f'<p class="tl-example-situation">{escape(example["situation"])}</p>'
        f"{body}"
        f'<p class="tl-example-note">{escape(strings("example.note"))}</p></aside>'
    )


def _example_entry(entry: dict) -> str:
    title = (
        f'<p class="tl-example-entry-title"><strong>{escape(entry["title"])}</strong></p>'
        if entry["title"]
        else ""
    )
    rows = []
    for part in entry["parts"]:
        if part["section"]:
            rows.append(f'<p class="tl-example-section">{escape(part["section"])}</p>')
        rows.append(
            "<dl>"
            + "".join(
                f"<dt>{escape(a['label'])}</dt><dd>{escape(a['value'])}</dd>"
                for a in part["answers"]
            )
            + "</dl>"
        )
    return f'<div class="tl-example-entry">{title}{"".join(rows)}</div>'
