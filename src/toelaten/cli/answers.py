"""The learner's commands: their answers in the journal, out of it and back, and rescue.

Everything here speaks the course's language (``cli.*`` in the catalogue); answers are
written 0600 and whole (common.write_private).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from toelaten.cli.common import Problem, strings_of, write_file
from toelaten.coursedata import CourseData
from toelaten.exercises import Journal, TransferError
from toelaten.exercises.journal_errors import looks_like_answers_file
from toelaten.exercises.schema import NAME_MAX

_FILE = click.Path(dir_okay=False, path_type=Path)


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
    strings = journal.data.strings
    write_file(out, (text + "\n").encode("utf-8"), strings, private=True)
    click.echo(strings("cli.export", path=out), err=True)


@click.command("import")
@journal_option
@click.argument("file", type=_FILE)
def import_answers(journal: Journal, file: Path) -> None:
    """Zet antwoorden terug uit een gedownload bestand; wat je al had, blijft bestaan."""
    strings = journal.data.strings
    if not file.is_file():
        raise Problem(strings("cli.import.missing", path=file))
    try:
        counts = journal.import_file(file.read_bytes())
    except TransferError as exc:
        raise Problem(strings("cli.import.refused", problem=exc)) from exc
    titles = journal.data.exercises
    for exercise_id, n in counts.items():
        click.echo(f"{titles[exercise_id].title}: {strings.plural('progress.entries', n)}")
    click.echo(strings("cli.import.done", path=journal.path))


@click.command()
@journal_option
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(journal: Journal, yes: bool) -> None:
    """Wis al je antwoorden van deze computer."""
    strings = journal.data.strings
    copies = sorted(journal.path.parent.glob(f"{journal.path.name}.beschadigd-*"))
    if not journal.path.exists() and not copies:
        click.echo(strings("cli.forget.nothing"))
        return
    if not yes:
        sure, unsure = strings("cli.forget.yes"), strings("cli.forget.no")
        question = [strings("cli.forget.warning", path=journal.path)]
        if copies:
            question.append(strings("cli.forget.copies"))
        question.append(strings("cli.forget.question", yes=sure, no=unsure))
        answer = click.prompt(" ".join(question), default=unsure, show_default=False)
        if answer.strip().lower() not in (sure, sure[:1], "yes", "y"):
            click.echo(strings("cli.forget.kept"))
            raise SystemExit(1)
    journal.forget()
    for copy in copies:
        copy.unlink(missing_ok=True)
    click.echo(strings("cli.forget.done"))


def _check_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and len(value.strip()) > NAME_MAX:
        strings = strings_of(ctx)
        raise click.BadParameter(strings("cli.workbook_name", max=NAME_MAX))
    return value


@click.command()
@journal_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mijn-werkboek.pdf"),
    show_default=True,
    help="PDF file to write.",
)
@click.option("--name", callback=_check_name, help="Your name for the cover (optional).")
def workbook(journal: Journal, out: Path, name: str | None) -> None:
    """Maak een pdf van al je bewaarde antwoorden."""
    from toelaten.handouts import HandoutError, workbook_pdf

    strings = journal.data.strings
    try:
        pdf = workbook_pdf(journal, name)
    except HandoutError as exc:
        raise Problem(str(exc)) from exc
    write_file(out, pdf, strings, private=True)
    click.echo(strings("cli.workbook", path=out))


@click.command()
@journal_option
def progress(journal: Journal) -> None:
    """Toon per dag welke oefeningen klaar zijn, half af of nog niet begonnen."""
    from toelaten.exercises import progress as states

    known, strings = journal.data.exercises, journal.data.strings
    marks = {states.OPEN: "·", states.HALF: "◐", states.DONE: "✓"}
    for day in states.progress(journal.all_latest(), journal.data):
        tag = states.day_text(day.state, strings)
        click.echo(click.style(day.heading, bold=True) + f"  ({tag})")
        for item in day.exercises:
            state = states.state_text(item.state.state, strings)
            why = states.reason_text(item.state, states.spec(known[item.id]), strings)
            line = f"  {marks[item.state.state]} {item.title}: {state}"
            click.echo(f"{line} – {why}" if why else line)


@click.command()
@journal_option
def rescue(journal: Journal) -> None:
    """Red wat er te redden is uit een beschadigd dagboek."""
    from toelaten.exercises.rescue import is_healthy
    from toelaten.exercises.rescue import rescue as rescue_journal

    path, strings = journal.path, journal.data.strings
    if not path.is_file():
        click.echo(strings("cli.rescue.no_journal", path=path))
        return
    if looks_like_answers_file(path):
        command = f"toelaten import {path}"
        raise Problem(strings("cli.rescue.answers_file", path=path, command=command))
    if is_healthy(path, journal.data):
        click.echo(strings("cli.rescue.healthy", path=path))
        return
    done = rescue_journal(path, journal.data)
    click.echo(strings("cli.rescue.copy", path=done.copy))
    found = done.per_exercise()
    if not found:
        click.echo(strings("cli.rescue.nothing"))
    else:
        click.echo(strings.plural("cli.rescue.rescued", len(done.rows), path=path))
        titles = journal.data.exercises
        for exercise_id, (count, last) in sorted(found.items()):
            title, date = titles[exercise_id].title, strings.stamp_date(last)
            click.echo("  " + strings.plural("cli.rescue.exercise", count, title=title, date=date))
    if done.lost:
        click.echo(strings.plural("cli.rescue.lost", done.lost))
    elif done.scanned:
        click.echo(strings("cli.rescue.scanned"))
