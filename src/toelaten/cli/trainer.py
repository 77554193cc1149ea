"""The trainer's commands: the workshop pack and the five days in a calendar."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from toelaten import CourseData, DataError
from toelaten.cli.common import Problem, strings_of, why, write_file

#: Course dates a calendar can hold; far outside is a typing mistake.
YEARS = (2000, 2200)


def _check_start(ctx: click.Context, param: click.Parameter, value: datetime | None):
    if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
        strings = strings_of(ctx)
        raise click.BadParameter(strings("cli.start_between", first=YEARS[0], last=YEARS[1]))
    return value


def _start_option(required: bool):
    return click.option(
        "--start",
        "start",
        required=required,
        type=click.DateTime(["%Y-%m-%d"]),
        callback=_check_start,
        help="First day (YYYY-MM-DD).",
    )


_variant_option = click.option(
    "--variant", type=click.Choice(["dag", "dagdeel"]), default="dag", show_default=True
)
_every_option = click.option(
    "--every",
    default=1,
    show_default=True,
    type=click.IntRange(min=1, max=365),
    help="Days between course days (1 skips weekends).",
)


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the PDFs.  [default: handouts, or pakketten with --group]",
)
@click.option(
    "--group",
    is_flag=True,
    help="The trainer pack and the participant pack, each combined and as loose sheets.",
)
@_start_option(required=False)
@_variant_option
@_every_option
@click.pass_obj
def handouts(
    data: CourseData, out: Path | None, group: bool, start, variant: str, every: int
) -> None:
    """Write a blank A4 worksheet (PDF) for every exercise, or with --group the two packs."""
    from toelaten.handouts import HandoutError, write_worksheets
    from toelaten.handouts.pack import PARTICIPANT, TRAINER, run_from_options, write_packs

    if not group and (start or variant != "dag" or every != 1):
        raise click.UsageError("--start, --variant and --every go with --group.")
    out = out or Path("pakketten" if group else "handouts")
    try:
        if group:
            when = start.date() if start else None
            written = write_packs(data, out, run_from_options(data, variant, when, every))
        else:
            written = write_worksheets(data, out)
    except (HandoutError, DataError) as exc:
        raise Problem(str(exc)) from exc
    except OSError as exc:
        strings = data.strings
        raise Problem(strings("cli.not_written_in", folder=out, why=why(exc, strings))) from exc
    for path in written:
        click.echo(str(path))
    if group:
        trainer, participant = out / f"{TRAINER}.pdf", out / f"{PARTICIPANT}.pdf"
        click.echo(data.strings("cli.pack", trainer=trainer, participant=participant))


@click.command()
@_start_option(required=True)
@_variant_option
@_every_option
@click.option(
    "--ics", type=click.Path(dir_okay=False, path_type=Path), help="Also write an iCalendar file."
)
@click.option("--per-block", is_flag=True, help="In the calendar file, one event per block.")
@click.pass_obj
def schedule(
    data: CourseData, start, variant: str, every: int, ics: Path | None, per_block: bool
) -> None:
    """Print the five days with real dates and times; optionally write a calendar file."""
    from toelaten.calendar import build_calendar
    from toelaten.schedule import course_dates

    plan = data.schedule
    chosen = plan.variants[variant]
    course, strings = data.course, data.strings
    for day, when in zip(
        course.days, course_dates(start.date(), len(course.days), every), strict=True
    ):
        click.echo(click.style(day.heading(strings), bold=True))
        click.echo(f"{strings.date(when, weekday=True)}, {chosen.hours}")
        for slot in plan.run_sheet(day.id, variant):
            fmt = (
                ""
                if slot.block.format == "pauze"
                else f" ({plan.formats[slot.block.format].lower()})"
            )
            click.echo(f"  {slot.hours}  {slot.block.title}{fmt}")
        click.echo()
    if ics:
        calendar = build_calendar(
            course, plan, start.date(), variant, strings, every=every, per_block=per_block
        )
        write_file(ics, calendar, strings)
        click.echo(strings("cli.calendar", path=ics))
