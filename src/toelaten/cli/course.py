"""Commands for course authors and everyone: check the data, the help lines, the site."""

from __future__ import annotations

from pathlib import Path

import click

from toelaten import DataError, load_course, load_help_contacts

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.option("--course", "course_file", type=_FILE, help="Course data file to check.")
@click.option("--contacts", "contacts_file", type=_FILE, help="Help-contacts file to check.")
@click.option("--schedule", "schedule_file", type=_FILE, help="Group schedule file to check.")
@click.option("--group", "group_file", type=_FILE, help="Group materials file to check.")
@click.option("--sources", "sources_file", type=_FILE, help="Sources file to check.")
@click.option(
    "--exercise",
    "exercise_files",
    type=_FILE,
    multiple=True,
    help="Exercise file to check (repeatable; default: every exercise of the course).",
)
def check(
    course_file: Path | None,
    contacts_file: Path | None,
    schedule_file: Path | None,
    group_file: Path | None,
    sources_file: Path | None,
    exercise_files: tuple[Path, ...],
) -> None:
    """Validate every data file of the course; report all problems in one run."""
    from toelaten.exercises.catalogue import catalogue, exercises_dir, read_exercise
    from toelaten.group import load_group_materials
    from toelaten.schedule import load_schedule
    from toelaten.sources import load_sources

    problems = 0

    def attempt(load, describe) -> None:
        nonlocal problems
        try:
            click.echo(describe(load()))
        except (DataError, ValueError) as exc:
            problems += 1
            click.echo(str(exc), err=True)

    attempt(lambda: load_course(course_file), lambda c: f"{c.source}: {len(c.days)} days, ok")
    attempt(
        lambda: load_help_contacts(contacts_file),
        lambda c: (
            f"{c.source}: {sum(len(x.contacts) for x in c.countries)} contacts in "
            f"{len(c.countries)} regions, ok"
        ),
    )
    for path in exercise_files or sorted(exercises_dir().glob("*.yml")):
        attempt(lambda path=path: read_exercise(path), lambda e, path=path: f"{path}: ok")
    if not exercise_files and not problems:
        attempt(catalogue, lambda found: f"{len(found)} exercises link up, ok")
    attempt(lambda: load_schedule(schedule_file), lambda s: f"{s.source}: ok")
    attempt(lambda: load_group_materials(group_file), lambda g: f"{g.source}: ok")
    attempt(lambda: load_sources(sources_file), lambda s: f"{len(s)} sources, ok")
    if problems:
        raise click.ClickException(f"{problems} file(s) with a problem; see above.")


@click.command()
def hulp() -> None:
    """Toon waar je nu terechtkunt als het even niet gaat."""
    contacts = load_help_contacts()
    click.echo("Als het even niet gaat\n")
    for country in contacts.countries:
        click.echo(click.style(country.name, bold=True))
        for contact in country.contacts:
            details = ", ".join(x for x in (contact.numbers, contact.hours) if x)
            chat = f"; chat via {contact.chat}" if contact.chat else ""
            click.echo(f"  {contact.name}" + (f": {details}" if details else "") + chat)
        click.echo(f"  Bij direct gevaar: {country.emergency}\n")


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
