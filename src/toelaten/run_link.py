"""A trainer's day times as a link to the presentation view: ``presenteren.html#versie=dag&
tijden=dag-1@09:30-16:00,…``. ``toelaten schedule --schedule FILE`` prints it and the trainer
pack's cover shows it; the page (``sphinxext/presentatie/timing.js``, ``readTimesLink``)
checks it and keeps the times in the browser, as if the trainer had typed them."""

from __future__ import annotations

from toelaten.course import Course
from toelaten.run import CourseRun
from toelaten.schedule import Schedule

#: The presentation page, relative to the guide's other pages.
PAGE = "presenteren.html"


def presentation_fragment(run: CourseRun, course: Course, schedule: Schedule) -> str:
    """The part after ``#``: the run's variant and each day's start and end."""
    days = []
    for day in course.days:
        slots = schedule.run_sheet(day.id, run.variant, run.window(day.id))
        days.append(f"{day.id}@{slots[0].start:%H:%M}-{slots[-1].end:%H:%M}")
    return f"versie={run.variant}&tijden={','.join(days)}"


def presentation_link(run: CourseRun, course: Course, schedule: Schedule) -> str:
    return f"{PAGE}#{presentation_fragment(run, course, schedule)}"
