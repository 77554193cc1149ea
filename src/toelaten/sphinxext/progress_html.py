"""The HTML of the course-path widgets (progress.py) as it is before the script reads the
learner's answers, and without JavaScript.

Task lists after the GOV.UK Design System's pattern: a row a day or exercise, its name a
link to where it is, a hint under it and a status tag on the right (words, never colour
alone; the link is described by both). The tags are written as "Nog niet begonnen" and
kept hidden, in the space they will take, until the script has read the answers
(front/tasks.js), so nothing moves when they appear; each exercise row keeps a line for
its hint (why it is half done) for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from toelaten.coursedata import CourseData
from toelaten.exercises.progress import spec
from toelaten.exercises.static import json_attribute

#: The overviews Mijn voortgang gathers (front/overviews.js draws them).
CHART_KINDS = ("before-after", "predicted-actual", "then-now")
CLASSES = {
    "path": "toelaten-cursuspad",
    "days": "toelaten-dagen",
    "day": "toelaten-dag-oefeningen",
    "page": "toelaten-voortgang",
}
ARROW = (
    '<svg class="tl-start-arrow" aria-hidden="true" focusable="false" viewBox="0 0 33 40" '
    'width="17" height="19"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>'
)


@dataclass(frozen=True)
class Links:
    """Where things are, relative to the page being written ("" when nowhere)."""

    days: dict[str, str]
    exercises: dict[str, str]
    progress: str


def course_json(data: CourseData) -> dict[str, Any]:
    """What the script needs to judge and name everything: the days with their exercises,
    and per exercise its title and what its state is judged on (progress.spec)."""
    strings = data.strings
    return {
        "days": [
            {
                "id": d.id,
                "number": d.number,
                "title": d.heading(strings),
                "exercises": list(d.exercises),
            }
            for d in data.course.days
        ],
        "exercises": {i: {"title": e.title, "spec": spec(e)} for i, e in data.exercises.items()},
    }


def _name(title: str, href: str, described_by: str) -> str:
    if not href:
        return f'<span class="tl-task-title">{escape(title)}</span>'
    return (
        f'<a class="tl-task-link" href="{escape(href)}" aria-describedby="{described_by}">'
        f"{escape(title)}</a>"
    )


def tag(data: CourseData) -> str:
    """A status tag as it waits for the script: hidden, its space kept."""
    text = escape(data.strings("progress.state.open"))
    return f'<strong class="tl-tag" data-state="open">{text}</strong>'


def task(what: str, ident: str, title: str, href: str, hint: str, data: CourseData) -> str:
    """One row: ``what`` is ``day`` or ``exercise`` (``data-task-day``, ``data-task-exercise``:
    not ``data-exercise``, which marks an exercise's mount). The hint
    comes after the status, so on a phone a short one sits beside the tag."""
    prefix = f"tl-{what}-{ident}"
    described_by = f"{prefix}-hint {prefix}-status"
    return (
        f'<li class="tl-task tl-task-{what}" data-task-{what}="{escape(ident)}">'
        f'<div class="tl-task-name">{_name(title, href, described_by)}</div>'
        f'<div class="tl-task-status" id="{prefix}-status">{tag(data)}</div>'
        f'<div class="tl-task-hint" id="{prefix}-hint">{escape(hint)}</div></li>'
    )


def exercise_list(day_id: str, data: CourseData, links: Links) -> str:
    known = data.exercises
    rows = "".join(
        task("exercise", i, known[i].title, links.exercises.get(i, ""), "", data)
        for i in data.course.day(day_id).exercises
    )
    return f'<ul class="tl-task-list">{rows}</ul>'


def day_list(data: CourseData, links: Links) -> str:
    strings = data.strings
    rows = "".join(
        task("day", d.id, d.heading(strings), links.days.get(d.id, ""), d.theme, data)
        for d in data.course.days
    )
    return f'<ul class="tl-task-list tl-days">{rows}</ul>'


def path(data: CourseData, links: Links) -> str:
    """ "Begin met dag 1", which the script may make "Ga verder waar je was"."""
    strings, first = data.strings, data.course.days[0]
    start = strings("progress.path.start", number=first.number)
    href = links.days.get(first.id, "")
    next_step = strings("progress.path.next", title=first.heading(strings))
    return (
        f'<a class="tl-start" href="{escape(href)}"><span class="tl-start-text">'
        f"{escape(start)}</span>{ARROW}</a>"
        f'<p class="tl-start-next">{escape(next_step)}</p>'
    )


def charts(data: CourseData, links: Links) -> str:
    """Mijn voortgang's charts, one place per exercise that draws one; the script puts the
    drawing in when there are answers."""
    strings, known = data.strings, data.exercises
    items = []
    for exercise in known.values():
        if not exercise.overview or exercise.overview["kind"] not in CHART_KINDS:
            continue
        day = data.course.day(exercise.day)
        href = links.exercises.get(exercise.id, "")
        title = (
            f'<a href="{escape(href)}">{escape(exercise.title)}</a>'
            if href
            else escape(exercise.title)
        )
        items.append(
            f'<div class="tl-chart-item" data-chart="{escape(exercise.id)}">'
            f'<h3>{title} <span class="tl-chart-day">'
            f"{escape(strings('progress.charts.day', number=day.number))}</span></h3>"
            f'<div class="tl-chart-slot tl-oefening"><p class="tl-empty">'
            f"{escape(strings('progress.charts.empty'))}</p></div></div>"
        )
    if not items:
        return ""
    return (
        f'<section class="tl-charts"><h2>{escape(strings("progress.charts.title"))}</h2>'
        f"<p>{escape(strings('progress.charts.intro'))}</p>{''.join(items)}</section>"
    )


def summary(data: CourseData) -> str:
    """Mijn voortgang at a glance: per day a dot for each exercise (empty, half, full, as
    the tags' shapes) and the day's tag in words; each a link to the day's list below."""
    strings, known = data.strings, data.exercises
    days = []
    for day in data.course.days:
        dots = "".join(
            f'<span class="tl-dot" data-task-exercise="{escape(i)}" data-state="open"></span>'
            for i in day.exercises
            if i in known
        )
        name = escape(strings("progress.summary.day", number=day.number))
        days.append(
            f'<li><a href="#tl-voortgang-{day.id}"><span class="tl-summary-day">{name}</span>'
            f'<span class="tl-dots" aria-hidden="true">{dots}</span></a>'
            f'<span class="tl-day-state" data-task-day="{escape(day.id)}">{tag(data)}</span></li>'
        )
    label = escape(strings("progress.summary.label"))
    return f'<ol class="tl-progress-summary" aria-label="{label}">{"".join(days)}</ol>'


def progress_page(data: CourseData, links: Links) -> str:
    strings, parts = data.strings, [summary(data)]
    for day in data.course.days:
        heading = escape(day.heading(strings))
        parts.append(
            f'<section class="tl-progress-day" aria-labelledby="tl-voortgang-{day.id}">'
            f'<h2 id="tl-voortgang-{day.id}">{heading}</h2>'
            f"{exercise_list(day.id, data, links)}</section>"
        )
    return "".join(parts) + charts(data, links)


def widget(kind: str, day: str | None, data: CourseData, links: Links, *, with_course: bool) -> str:
    """A widget's HTML; ``with_course``: it carries the course for the page's script (the
    first widget on a page does)."""
    attributes = [f'class="{CLASSES[kind]} tl-progress"']
    if with_course:
        attributes.append(json_attribute("data-course", course_json(data)))
    if kind == "path":
        where = {
            "days": links.days,
            "exercises": links.exercises,
            "progress": links.progress,
        }
        attributes.append(json_attribute("data-links", where))
        body = path(data, links)
    elif kind == "days":
        body = day_list(data, links)
    elif kind == "day":
        body = exercise_list(str(day), data, links)
    else:
        charted = [
            e for e in data.exercises.values() if e.overview and e.overview["kind"] in CHART_KINDS
        ]
        # With the exercises a chart reads too (day 1's self-check beside day 5's).
        ids = [i for e in charted for i in (e.id, *e.related)]
        definitions = {i: data.exercises[i].as_json() for i in dict.fromkeys(ids)}
        attributes.append(json_attribute("data-definitions", definitions))
        body = progress_page(data, links)
    return f"<div {' '.join(attributes)}>{body}</div>"
