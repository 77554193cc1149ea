"""The learner's commands: their answers in the journal, out of it and back, and rescue.

Everything here speaks Dutch; answers are written 0600 and whole (common.write_private).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from toelaten._dutch import from_stamp
from toelaten.cli.common import Problem, write_file
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal, TransferError
from toelaten.exercises.journal_errors import looks_like_answers_file

_FILE = click.Path(dir_okay=False, path_type=Path)


def plural(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def _journal(ctx: click.Context, param: click.Parameter, path: Path | None) -> Journal:
    return Journal(path, data=ctx.find_object(CourseData))


def journal_option(command):
    """``--journal PATH``: where the answers are kept (default: $TOELATEN_JOURNAL or the
    user data folder). The command gets the Journal, for the course of ``--data``."""
    return click.option(
        "--journal",
        "journal",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=_journal,
        help="Journal file (default: $TOELATEN_JOURNAL, else the user data folder).",
    )(command)


@click.command("export")
@journal_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: print to the terminal).",
)
def export_answers(journal: Journal, out: Path | None) -> None:
    """Schrijf al je antwoorden naar een bestand dat je in het boek kunt terugzetten."""
    text = json.dumps(journal.export_document(), ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
        return
    write_file(out, (text + "\n").encode("utf-8"), private=True)
    click.echo(f"Je antwoorden staan in {out}.", err=True)


@click.command("import")
@journal_option
@click.argument("file", type=_FILE)
def import_answers(journal: Journal, file: Path) -> None:
    """Zet antwoorden terug uit een gedownload bestand; wat je al had, blijft bestaan."""
    if not file.is_file():
        raise Problem(f"Het bestand {file} bestaat niet. Er is niets veranderd.")
    try:
        counts = journal.import_file(file.read_bytes())
    except TransferError as exc:
        raise Problem(f"{exc} Er is niets veranderd.") from exc
    titles = journal.data.exercises
    for exercise_id, n in counts.items():
        click.echo(f"{titles[exercise_id].title}: {plural(n, 'antwoord', 'antwoorden')}")
    click.echo(f"Teruggezet in {journal.path}.")


@click.command()
@journal_option
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(journal: Journal, yes: bool) -> None:
    """Wis al je antwoorden van deze computer."""
    copies = sorted(journal.path.parent.glob(f"{journal.path.name}.beschadigd-*"))
    if not journal.path.exists() and not copies:
        click.echo("Er zijn geen antwoorden om te wissen.")
        return
    if not yes:
        also = " Ook de kopieën van een beschadigd dagboek." if copies else ""
        answer = click.prompt(
            f"Al je antwoorden in {journal.path} worden gewist.{also} Weet je het zeker? "
            "Typ ja of nee",
            default="nee",
            show_default=False,
        )
        if answer.strip().lower() not in ("ja", "j", "yes", "y"):
            click.echo("Er is niets gewist.")
            raise SystemExit(1)
    journal.forget()
    for copy in copies:
        copy.unlink(missing_ok=True)
    click.echo("Je antwoorden zijn gewist.")


@click.command()
@journal_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mijn-werkboek.pdf"),
    show_default=True,
    help="PDF file to write.",
)
def workbook(journal: Journal, out: Path) -> None:
    """Maak een pdf van al je bewaarde antwoorden."""
    from toelaten.handouts import HandoutError, workbook_pdf

    try:
        pdf = workbook_pdf(journal)
    except HandoutError as exc:
        raise Problem(str(exc)) from exc
    write_file(out, pdf, private=True)
    click.echo(f"Je werkboek staat in {out}.")


@click.command()
@journal_option
def progress(journal: Journal) -> None:
    """Toon per dag bij welke oefeningen je al iets hebt ingevuld."""
    from toelaten.exercises.progress import progress as day_progress
    from toelaten.exercises.progress import state_text

    known = journal.data.exercises
    for day in day_progress(journal.all_latest(), journal.data):
        click.echo(
            click.style(day.heading, bold=True) + f"  ({day.started} van {len(day.exercises)})"
        )
        for item in day.exercises:
            mark = "✓" if item.entries else "·"
            state = state_text(item, known[item.id].repeat, journal.data.strings)
            click.echo(f"  {mark} {item.title}: {state}")


@click.command()
@journal_option
def rescue(journal: Journal) -> None:
    """Red wat er te redden is uit een beschadigd dagboek."""
    from toelaten.exercises.rescue import is_healthy
    from toelaten.exercises.rescue import rescue as rescue_journal

    path = journal.path
    if not path.is_file():
        click.echo(f"Er is geen dagboek in {path}; er is niets te redden.")
        return
    if looks_like_answers_file(path):
        raise Problem(
            f"{path} is een antwoordenbestand, geen dagboek; er is niets aan kapot. "
            f"Zet het in je dagboek met: toelaten import {path}"
        )
    if is_healthy(path, journal.data):
        click.echo(f"Je dagboek ({path}) is in orde; er is niets te redden.")
        return
    done = rescue_journal(path, journal.data)
    click.echo(f"Je beschadigde dagboek is ongewijzigd bewaard als {done.copy}.")
    found = done.per_exercise()
    if not found:
        click.echo("Er was geen enkel antwoord meer leesbaar. Je dagboek is nu leeg.")
    else:
        n = len(done.rows)
        click.echo(f"Gered: {n} {'versie' if n == 1 else 'versies'}, nu weer in {path}:")
        titles = journal.data.exercises
        for exercise_id, (count, last) in sorted(found.items()):
            versions = "versie" if count == 1 else "versies"
            click.echo(
                f"  {titles[exercise_id].title}: {count} {versions}, "
                f"de laatste van {from_stamp(last)}"
            )
    if done.lost:
        click.echo(f"Niet te redden: {done.lost} {'versie' if done.lost == 1 else 'versies'}.")
    elif done.scanned:
        click.echo(
            "Een deel van het bestand was beschadigd; misschien ontbreekt daardoor iets. "
            "Het oude bestand blijft bewaard."
        )
