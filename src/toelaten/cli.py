"""The ``toelaten`` command line: checks for course authors, help for everyone."""

from __future__ import annotations

import json
from pathlib import Path

import click

from toelaten import DataError, load_course, load_help_contacts
from toelaten.exercises import Journal, TransferError, catalogue

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def journal_option(command):
    """``--journal PATH``: where the answers are kept (default: $TOELATEN_JOURNAL or the
    user data folder)."""
    return click.option(
        "--journal",
        "journal_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Journal file (default: $TOELATEN_JOURNAL, else the user data folder).",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="toelaten")
def main() -> None:
    """Tools for the course 'Ik heb (n)iemand nodig'."""


@main.command()
@click.option("--course", "course_file", type=_FILE, help="Course data file to check.")
@click.option("--contacts", "contacts_file", type=_FILE, help="Help-contacts file to check.")
def check(course_file: Path | None, contacts_file: Path | None) -> None:
    """Validate the course data and help-contacts files."""
    try:
        course = load_course(course_file)
        contacts = load_help_contacts(contacts_file)
    except DataError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{course.source}: {len(course.days)} days, ok")
    n = sum(len(c.contacts) for c in contacts.countries)
    click.echo(f"{contacts.source}: {n} contacts in {len(contacts.countries)} regions, ok")


@main.command()
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


@main.command()
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


@main.command("export")
@journal_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: print to the terminal).",
)
def export_answers(journal_path: Path | None, out: Path | None) -> None:
    """Schrijf al je antwoorden naar een bestand dat je in het boek kunt terugzetten."""
    text = json.dumps(Journal(journal_path).export_document(), ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
        return
    out.write_text(text + "\n", encoding="utf-8")
    click.echo(f"Je antwoorden staan in {out}.", err=True)


@main.command("import")
@journal_option
@click.argument("file", type=_FILE)
def import_answers(journal_path: Path | None, file: Path) -> None:
    """Zet antwoorden terug uit een gedownload bestand; wat je al had, blijft bestaan."""
    journal = Journal(journal_path)
    try:
        counts = journal.import_file(file.read_bytes())
    except TransferError as exc:
        raise click.ClickException(f"{exc} Er is niets veranderd.") from exc
    titles = catalogue()
    for exercise_id, n in counts.items():
        click.echo(f"{titles[exercise_id].title}: {n} antwoord(en)")
    click.echo(f"Teruggezet in {journal.path}.")


@main.command()
@journal_option
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(journal_path: Path | None, yes: bool) -> None:
    """Wis al je antwoorden van deze computer."""
    journal = Journal(journal_path)
    if not journal.path.exists():
        click.echo("Er zijn geen antwoorden om te wissen.")
        return
    if not yes:
        click.confirm(
            f"Al je antwoorden in {journal.path} worden gewist. Weet je het zeker?", abort=True
        )
    journal.forget()
    click.echo("Je antwoorden zijn gewist.")


def _start_option(required: bool):
    return click.option(
        "--start",
        "start",
        required=required,
        type=click.DateTime(["%Y-%m-%d"]),
        help="First day (YYYY-MM-DD).",
    )


_variant_option = click.option(
    "--variant", type=click.Choice(["dag", "dagdeel"]), default="dag", show_default=True
)
_every_option = click.option(
    "--every",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Days between course days (1 skips weekends).",
)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the PDFs.  [default: handouts, or workshoppakket with --group]",
)
@click.option(
    "--group",
    is_flag=True,
    help="The workshop pack: programmes, agreements, help card, forms, worksheets, combined.",
)
@_start_option(required=False)
@_variant_option
@_every_option
def handouts(out: Path | None, group: bool, start, variant: str, every: int) -> None:
    """Write a blank A4 worksheet (PDF) for every exercise, or with --group the workshop pack."""
    from toelaten.handouts import HandoutError, write_worksheets
    from toelaten.handouts.pack import PACK_FILE, write_group_pack

    if not group and (start or variant != "dag" or every != 1):
        raise click.UsageError("--start, --variant and --every go with --group.")
    out = out or Path("workshoppakket" if group else "handouts")
    try:
        if group:
            written = write_group_pack(out, variant, start.date() if start else None, every)
        else:
            written = write_worksheets(out)
    except (HandoutError, DataError) as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"Kan niet schrijven in {out}: {exc.strerror}.") from exc
    for path in written:
        click.echo(str(path))
    if group:
        click.echo(
            f"Het workshoppakket staat in {out / PACK_FILE}; elk blad staat ook los in {out}."
        )


@main.command()
@journal_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mijn-werkboek.pdf"),
    show_default=True,
    help="PDF file to write.",
)
def workbook(journal_path: Path | None, out: Path) -> None:
    """Maak een pdf van al je bewaarde antwoorden."""
    from toelaten.handouts import HandoutError, workbook_pdf

    try:
        pdf = workbook_pdf(Journal(journal_path))
    except HandoutError as exc:
        raise click.ClickException(str(exc)) from exc
    out.write_bytes(pdf)
    click.echo(f"Je werkboek staat in {out}.")


@main.command()
@journal_option
def progress(journal_path: Path | None) -> None:
    """Toon per dag bij welke oefeningen je al iets hebt ingevuld."""
    from toelaten.exercises.progress import progress as day_progress
    from toelaten.exercises.progress import state_text

    known = catalogue()
    for day in day_progress(Journal(journal_path).all_latest()):
        click.echo(
            click.style(day.heading, bold=True) + f"  ({day.started} van {len(day.exercises)})"
        )
        for item in day.exercises:
            mark = "✓" if item.entries else "·"
            click.echo(f"  {mark} {item.title}: {state_text(item, known[item.id].repeat)}")


@main.command()
@click.argument("paths", nargs=-1, type=_FILE)
def readability(paths: tuple[Path, ...]) -> None:
    """Flesch-Douma score of lesson pages (default: book/dag-*/*.md); fails below 60."""
    from toelaten.readability import TARGET, lesson_pages, score_page

    pages = list(paths) or lesson_pages(Path.cwd())
    low = 0
    for page in pages:
        score = score_page(page)
        mark = "" if score.flesch_douma >= TARGET else "  BELOW TARGET"
        low += score.flesch_douma < TARGET
        click.echo(f"{score.flesch_douma:6.1f}  {score.words:5d} words  {page}{mark}")
    if low:
        raise click.ClickException(f"{low} page(s) below Flesch-Douma {TARGET:.0f}")


@main.command()
@_start_option(required=True)
@_variant_option
@_every_option
@click.option(
    "--ics", type=click.Path(dir_okay=False, path_type=Path), help="Also write an iCalendar file."
)
@click.option("--per-block", is_flag=True, help="In the calendar file, one event per block.")
def schedule(start, variant: str, every: int, ics: Path | None, per_block: bool) -> None:
    """Print the five days with real dates and times; optionally write a calendar file."""
    from toelaten._dutch import long_date
    from toelaten.calendar import build_calendar
    from toelaten.schedule import course_dates, load_schedule

    try:
        plan = load_schedule()
    except DataError as exc:
        raise click.ClickException(str(exc)) from exc
    chosen = plan.variants[variant]
    course = load_course()
    for day, when in zip(
        course.days, course_dates(start.date(), len(course.days), every), strict=True
    ):
        click.echo(click.style(day.heading, bold=True))
        click.echo(f"{long_date(when, weekday=True)}, {chosen.hours}")
        for slot in plan.run_sheet(day.id, variant):
            fmt = (
                ""
                if slot.block.format == "pauze"
                else f" ({plan.formats[slot.block.format].lower()})"
            )
            click.echo(f"  {slot.hours}  {slot.block.title}{fmt}")
        click.echo()
    if ics:
        ics.write_bytes(
            build_calendar(plan, start.date(), variant, every=every, per_block=per_block)
        )
        click.echo(f"Agenda geschreven naar {ics}.")
