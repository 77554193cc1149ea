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

from toelaten.exercises.model import Exercise


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
