"""The trainer's commands: the two packs and the five days in a calendar, from
``--start``/``--every`` or from the trainer's own run file (``--schedule FILE``, started
with ``toelaten schedule --new FILE``)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from toelaten import CourseData, DataError
from toelaten.cli.common import Problem, strings_of, why, write_file
from toelaten.run import YEARS, CourseRun
from toelaten.schedule import hours


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
    help="Days between course days (1: every working day). Weekends and public holidays "
    "move to the next working day.",
)
_country_option = click.option(
    "--country",
    type=click.Choice(["NL", "BE"], case_sensitive=False),
    default="NL",
    show_default=True,
    help="Whose public holidays --start/--every skip.",
)
_run_file_option = click.option(
    "--schedule",
    "run_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own run file: dates, hours, trainer, venue (start one with: toelaten "
    "schedule --new FILE).",
)


def course_run(
    ctx: click.Context,
    data: CourseData,
    run_file: Path | None,
    start: datetime | None,
    variant: str,
    every: int,
    country: str,
) -> CourseRun | None:
    """The run a command works with: the run file's, or one from --start; its notices and
    warnings (moved dates, a date on a weekend) shown on the way."""
    from toelaten.run import load_run

    if run_file is not None:
        given = [
            f"--{name}"
            for name in ("start", "variant", "every", "country")
            if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
        ]
        if given:
            raise click.UsageError(data.strings("cli.run_file_alone", options=", ".join(given)))
        run = load_run(run_file, data.course, data.schedule, data.strings)
    elif start is not None:
        run = CourseRun.starting(
            data.course, start.date(), variant, data.strings, every, country.upper()
        )
    else:
        return None
    for line in (*run.notices, *run.warnings):
        click.echo(line, err=True)
    return run


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
@_country_option
@_run_file_option
@click.option(
    "--zonder-voorbeelden",
    "no_examples",
    is_flag=True,
    help="Leave the worked examples out of the participant pack (fewer pages to print).",
)
@click.pass_context
def handouts(
    ctx: click.Context,
    out: Path | None,
    group: bool,
    start,
    variant: str,
    every: int,
    country: str,
    run_file: Path | None,
    no_examples: bool,
) -> None:
    """Write a blank A4 worksheet (PDF) for every exercise, or with --group (or --schedule)
    the trainer pack and the participant pack."""
    from toelaten.handouts import HandoutError, write_worksheets
    from toelaten.handouts.pack import PARTICIPANT, TRAINER, write_packs

    data: CourseData = ctx.obj
    group = group or run_file is not None
    if not group and (start or variant != "dag" or every != 1 or country.upper() != "NL"):
        raise click.UsageError("--start, --variant, --every and --country go with --group.")
    out = out or Path("pakketten" if group else "handouts")
    try:
        if group:
            run = course_run(ctx, data, run_file, start, variant, every, country)
            written = write_packs(data, out, variant, run=run, examples=not no_examples)
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
@_start_option(required=False)
@_variant_option
@_every_option
@_country_option
@_run_file_option
@click.option(
    "--new",
    "new_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a commented starting copy of a run file to fill in, and stop.",
)
@click.option(
    "--ics", type=click.Path(dir_okay=False, path_type=Path), help="Also write an iCalendar file."
)
@click.option("--per-block", is_flag=True, help="In the calendar file, one event per block.")
@click.pass_context
def schedule(
    ctx: click.Context,
    start,
    variant: str,
    every: int,
    country: str,
    run_file: Path | None,
    new_file: Path | None,
    ics: Path | None,
    per_block: bool,
) -> None:
    """Print the five days with real dates and times (from --start or --schedule FILE);
    optionally write a calendar file."""
    from toelaten.calendar import build_calendar
    from toelaten.run_template import template

    data: CourseData = ctx.obj
    plan = data.schedule
    course, strings = data.course, data.strings
    if new_file is not None:
        if new_file.exists():
            raise Problem(strings("cli.run_file_exists", path=new_file))
        text = template(course, plan, strings, date.today())
        write_file(new_file, text.encode("utf-8"), strings)
        click.echo(strings("cli.run_file_new", path=new_file))
        return
    run = course_run(ctx, data, run_file, start, variant, every, country)
    if run is None:
        raise click.UsageError(strings("cli.run_file_or_start"))
    for day, when in zip(course.days, run.dates, strict=True):
        slots = plan.run_sheet(day.id, run.variant, run.window(day.id))
        click.echo(click.style(day.heading(strings), bold=True))
        click.echo(f"{strings.date(when, weekday=True)}, {hours(slots[0].start, slots[-1].end)}")
        for slot in slots:
            fmt = (
                ""
                if slot.block.format == "pauze"
                else f" ({plan.formats[slot.block.format].lower()})"
            )
            click.echo(f"  {slot.hours}  {slot.block.title}{fmt}")
        click.echo()
    if run_file is not None:
        from toelaten.run_link import presentation_link

        click.echo(strings("cli.presentation_link"))
        click.echo(f"  {presentation_link(run, course, plan)}")
        click.echo()
    if ics:
        calendar = build_calendar(course, plan, run, strings, per_block=per_block)
        write_file(ics, calendar, strings)
        click.echo(strings("cli.calendar", path=ics))
