"""Commands for course authors and everyone: check the data, the help lines, the site."""

from __future__ import annotations

from pathlib import Path

import click

from toelaten._fields import DataError
from toelaten.cli.common import Problem
from toelaten.coursedata import Check, CourseData
from toelaten.strings import Strings

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.option("--course", "course_file", type=_FILE, help="Use this course file instead.")
@click.option("--contacts", "contacts_file", type=_FILE, help="Use this help-contacts file.")
@click.option(
    "--timetable", "schedule_file", type=_FILE, help="Use this schedule.yml (the days' blocks)."
)
@click.option(
    "--schedule",
    "run_file",
    type=_FILE,
    help="Also check a trainer's run file (toelaten schedule --new FILE) against the schedule.",
)
@click.option("--group", "group_file", type=_FILE, help="Use this group materials file.")
@click.option("--sources", "sources_file", type=_FILE, help="Use this sources file.")
@click.option(
    "--exercise",
    "exercise_files",
    type=_FILE,
    multiple=True,
    help="Check this exercise file instead of the course's (repeatable).",
)
@click.option(
    "--book",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The book whose pages and figures the schedule names (default: here, if it has "
    "a _toc.yml).",
)
@click.pass_obj
def check(
    data: CourseData,
    course_file: Path | None,
    contacts_file: Path | None,
    schedule_file: Path | None,
    group_file: Path | None,
    sources_file: Path | None,
    run_file: Path | None,
    exercise_files: tuple[Path, ...],
    book: Path | None,
) -> None:
    """Validate every data file of the course; report all problems in one run."""
    if book is None and Path("_toc.yml").is_file():
        book = Path()
    data = CourseData(
        data.root,
        course=course_file,
        contacts=contacts_file,
        schedule=schedule_file,
        group=group_file,
        sources=sources_file,
    )
    strings = data.strings_or_reference()
    problems = 0
    checks = list(data.checks(exercise_files, book))
    if run_file is not None:
        # A trainer's question first: is my run file right? The course's own files then
        # in one line when they are fine, each named only when one is not.
        run = _check_run(data, run_file, all(c.ok for c in checks))
        if all(c.ok and not c.warnings for c in checks):
            summary = strings("cli.check.course_files", n=len(checks))
            checks = [run]
        else:
            checks, summary = [run, *checks], None
    else:
        summary = None
    for check in checks:
        what = _label(check, strings)
        if check.error:
            problems += check.error.count("\n") + 1
            click.echo(strings("cli.check.failed", what=what), err=True)
            click.echo(check.error, err=True)
        elif check.skipped:
            click.echo(strings("cli.check.skipped", what=what), err=True)
        else:
            for warning in check.warnings:
                click.echo(warning, err=True)
            click.echo(strings("cli.check.ok", what=what))
    if summary:
        click.echo(summary)
    if problems:
        raise Problem(strings.plural("cli.check.problems", problems))


def _label(check: Check, strings: Strings) -> str:
    """What a check looked at, in the trainer's words, with its file."""
    file, part = check.what, check.part
    if part == "course":
        return strings("cli.check.part.course", file=file)
    if part == "contacts":
        return strings("cli.check.part.contacts", file=file)
    if part == "cast":
        return strings("cli.check.part.cast", file=file)
    if part == "strings":
        return strings("cli.check.part.strings", language=file)
    if part == "exercises":
        return strings("cli.check.part.exercises", file=file)
    if part == "exercise":
        return strings("cli.check.part.exercise", file=file)
    if part == "links":
        return strings("cli.check.part.links")
    if part == "schedule":
        return strings("cli.check.part.schedule", file=file)
    if part == "group":
        return strings("cli.check.part.group", file=file)
    if part == "draaiboek":
        return strings("cli.check.part.draaiboek")
    if part == "sources":
        return strings("cli.check.part.sources", file=file)
    if part == "run":
        return strings("cli.check.part.run", file=file)
    return file


def _check_run(data: CourseData, run_file: Path, ready: bool) -> Check:
    """The trainer's run file, against the course and its schedule (when those are fine)."""
    from toelaten.run import load_run

    if not ready:
        return Check(str(run_file), skipped=True, part="run")
    try:
        run = load_run(run_file, data.course, data.schedule, data.strings)
    except DataError as exc:
        return Check(str(run_file), error=str(exc), part="run")
    return Check(str(run_file), warnings=run.warnings + run.notices, part="run")


@click.command()
@click.pass_obj
def hulp(data: CourseData) -> None:
    """Toon waar je nu terechtkunt als het even niet gaat."""
    contacts, strings = data.contacts, data.strings
    click.echo(strings("help.title") + "\n")
    for country in contacts.countries:
        click.echo(click.style(country.name, bold=True))
        for contact in country.contacts:
            details = ", ".join(x for x in (contact.numbers(strings), contact.hours) if x)
            chat = "; " + strings("cli.hulp.chat", chat=contact.chat) if contact.chat else ""
            chat += f", {contact.chat_hours}" if contact.chat and contact.chat_hours else ""
            click.echo(f"  {contact.name}" + (f": {details}" if details else "") + chat)
        click.echo("  " + strings("cli.hulp.emergency", number=country.emergency) + "\n")


@click.command()
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.argument("html_dir", default="_build/html", type=click.Path(file_okay=False, path_type=Path))
def serve(port: int, html_dir: Path) -> None:
    """Serve the built book on 127.0.0.1 only (never on the network)."""
    import errno
    import time

    from toelaten.site import HOST
    from toelaten.site import serve as serve_site

    try:
        with serve_site(html_dir, port=port) as url:
            click.echo(f"The book is at {url} (Ctrl+C stops)")
            while True:
                time.sleep(3600)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"Port {port} on {HOST} is already in use; choose another with --port."
        else:
            message = f"Cannot listen on {HOST}:{port}: {exc.strerror or exc}."
        raise click.ClickException(message) from exc
    except KeyboardInterrupt:
        pass


@click.command()
@click.argument("paths", nargs=-1, type=_FILE)
def readability(paths: tuple[Path, ...]) -> None:
    """Flesch-Douma score of lesson pages (default: book/dag-*/*.md); fails below 60."""
    from toelaten.readability import TARGET, lesson_pages, score_page

    pages = list(paths) or lesson_pages(Path.cwd())
    low = 0
    for page in pages:
        try:
            score = score_page(page)
        except UnicodeDecodeError:
            raise click.ClickException(f"{page}: not a UTF-8 text file") from None
        mark = "" if score.flesch_douma >= TARGET else "  BELOW TARGET"
        low += score.flesch_douma < TARGET
        click.echo(f"{score.flesch_douma:6.1f}  {score.words:5d} words  {page}{mark}")
    if low:
        raise click.ClickException(f"{low} page(s) below Flesch-Douma {TARGET:.0f}")
