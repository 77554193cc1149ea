"""The parts of the presentation view around the slides (``{presentatie}``): the setup
outside the screen (day, variant, the day's own start and end, the timer starting by
itself, the presenter window), the timer box and the buttons. Plain escaped HTML; the
words come from ``presentation.*`` in the catalogue; presentatie/*.js fills in the rest."""

from __future__ import annotations

from html import escape

from toelaten import Course
from toelaten.schedule import Schedule
from toelaten.strings import Strings


def setup(course: Course, schedule: Schedule, strings: Strings) -> str:
    """Outside the screen: which day, which variant, the day's times, full screen."""
    days = "".join(
        f'<option value="{d.id}">{escape(d.heading(strings))}</option>' for d in course.days
    )
    variants = "".join(
        '<label class="tl-pres-choice"><input type="radio" name="tl-pres-variant" '
        f'value="{v.id}"> {escape(v.label)} ({v.hours})</label>'
        for v in schedule.variants.values()
    )
    times = (
        f'<fieldset class="tl-pres-times"><legend>{escape(strings("presentation.times"))}</legend>'
        f'<label class="tl-pres-field">{escape(strings("presentation.time_start"))} '
        '<input type="time" class="tl-pres-time-start" step="300"></label>'
        f'<label class="tl-pres-field">{escape(strings("presentation.time_end"))} '
        '<input type="time" class="tl-pres-time-end" step="300"></label>'
        f'<p class="tl-pres-times-note" aria-live="polite"></p>'
        '<p class="tl-pres-link-note" role="status" hidden></p></fieldset>'
    )
    return (
        '<div class="tl-pres-setup" hidden><div class="tl-pres-setup-row">'
        f'<label class="tl-pres-field">{escape(strings("presentation.day"))} '
        f'<select class="tl-pres-day-select">{days}</select></label>'
        f'<fieldset class="tl-pres-variants"><legend>{escape(strings("presentation.variant"))}'
        f"</legend>{variants}</fieldset></div>{times}"
        '<div class="tl-pres-setup-row">'
        '<label class="tl-pres-choice"><input type="checkbox" class="tl-pres-auto"> '
        f"{escape(strings('presentation.auto_start'))}</label></div>"
        '<div class="tl-pres-setup-row">'
        '<button type="button" class="tl-pres-button tl-pres-fullscreen">'
        f"{escape(strings('presentation.fullscreen'))}</button>"
        '<button type="button" class="tl-pres-button tl-pres-presenter">'
        f"{escape(strings('presentation.presenter'))}</button>"
        '<p class="tl-pres-presenter-note">'
        f"{escape(strings('presentation.presenter_note'))}</p></div></div>"
    )


def timer_box() -> str:
    return (
        '<div class="tl-pres-timer-box">'
        '<p class="tl-pres-timer-label"></p>'
        '<p class="tl-pres-timer" role="timer"></p>'
        '<p class="tl-pres-timer-state"></p>'
        '<ul class="tl-pres-rounds" hidden></ul>'
        '<p class="tl-pres-upnext"></p></div>'
    )


def controls(strings: Strings) -> str:
    buttons = [
        ("prev", strings("presentation.prev")),
        ("pause", strings("presentation.start")),
        ("restart", strings("presentation.restart")),
        ("notes", strings("presentation.notes")),
        ("full", strings("presentation.fullscreen")),
        ("next", strings("presentation.next")),
    ]
    html = "".join(
        f'<button type="button" class="tl-pres-button tl-pres-{name}">{escape(text)}</button>'
        for name, text in buttons
    )
    label = escape(strings("presentation.controls"))
    return f'<div class="tl-pres-controls" role="group" aria-label="{label}">{html}</div>'
