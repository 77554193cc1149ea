"""What Python says of a day's planned clock times, printed as JSON for
presentation.test.mjs: the presentation view's timing.js must plan the same day the same
way (Schedule.run_sheet, and run.py's check that the end comes after the start) for each
day, each variant and a spread of the trainer's own hours, some of which do not fit."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from toelaten.coursedata import CourseData  # noqa: E402
from toelaten.run import CourseRun  # noqa: E402
from toelaten.run_link import presentation_fragment  # noqa: E402
from toelaten.schedule import WindowError, clock, span  # noqa: E402
from toelaten.sphinxext.presentation import presentation_data  # noqa: E402

DATA = CourseData()
SHIFTS = [-120, -60, -45, -30, -15, -5, 0, 5, 15, 30, 60, 120]


def moved(at: time, minutes: int) -> str:
    return f"{datetime.combine(date(2000, 1, 1), at) + timedelta(minutes=minutes):%H:%M}"


def planned(day_id: str, variant_id: str, own: dict[str, str]) -> dict[str, Any]:
    """The run file's rule: a missing start or end is the variant's own."""
    schedule = DATA.schedule
    variant = schedule.variants[variant_id]
    start = clock(own["start"]) if own["start"] else variant.start
    end = clock(own["end"]) if own["end"] else variant.end
    assert start is not None and end is not None
    if span(start, end) <= 0:
        return {"error": "order"}
    try:
        slots = schedule.run_sheet(day_id, variant_id, (start, end))
    except WindowError as exc:
        return {"error": "fit", "shortest": exc.shortest}
    return {
        "slots": [
            {
                "id": s.block.id,
                "start": f"{s.start:%H:%M}",
                "end": f"{s.end:%H:%M}",
                "minutes": s.minutes,
            }
            for s in slots
        ],
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
    }


def cases() -> list[dict[str, Any]]:
    out = []
    for day_id in DATA.schedule.days:
        for variant_id, variant in DATA.schedule.variants.items():
            windows = [{"start": "", "end": ""}]
            for shift in SHIFTS:
                start, end = moved(variant.start, shift), moved(variant.end, shift)
                windows += [{"start": start, "end": ""}, {"start": "", "end": end}]
                windows.append({"start": start, "end": end})
            windows.append({"start": moved(variant.end, 10), "end": ""})  # after the end
            for own in windows:
                result = planned(day_id, variant_id, own)
                out.append({"day": day_id, "variant": variant_id, "window": own, "result": result})
    return out


def links() -> list[dict[str, Any]]:
    """Runs with the trainer's own hours on some days: the link Python writes and each
    day's start and end it stands for (the run sheet's first start and last end)."""
    out = []
    days = [d.id for d in DATA.course.days]
    for variant_id, variant in DATA.schedule.variants.items():
        for shift in (0, -30, 5):
            start = clock(moved(variant.start, shift))
            assert start is not None
            times = {days[2]: (start, variant.end)} if shift else {}
            dates = tuple(date(2027, 3, 22) + timedelta(days=7 * i) for i in range(len(days)))
            run = CourseRun(variant_id, dates, "test", times)
            expected = {}
            for day_id in days:
                slots = DATA.schedule.run_sheet(day_id, variant_id, run.window(day_id))
                first, last = slots[0].start, slots[-1].end
                expected[day_id] = {"start": f"{first:%H:%M}", "end": f"{last:%H:%M}"}
            fragment = presentation_fragment(run, DATA.course, DATA.schedule)
            out.append({"fragment": fragment, "variant": variant_id, "times": expected})
    return out


if __name__ == "__main__":
    data = presentation_data(DATA.course, DATA.schedule, DATA.strings, DATA.group)
    output = {"data": data, "cases": cases(), "links": links()}
    json.dump(output, sys.stdout, ensure_ascii=False)
