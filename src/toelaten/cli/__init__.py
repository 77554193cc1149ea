"""The ``toelaten`` command line (``python -m toelaten``): checks for course authors, the
trainer's pack and calendar, and the learner's answers."""

from __future__ import annotations

from pathlib import Path

import click

from toelaten.cli import answers, course, trainer
from toelaten.cli.common import Group
from toelaten.coursedata import ENV, CourseData


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="toelaten")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV,
    help=f"Folder of course data (default: ${ENV}, else the course as shipped).",
)
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """Tools for the course 'Ik heb (n)iemand nodig'."""
    # Every command reads the course through this one object (click's context object).
    ctx.obj = CourseData(data_dir)


for command in (
    course.check,
    course.hulp,
    course.serve,
    course.readability,
    trainer.handouts,
    trainer.schedule,
    answers.export_answers,
    answers.import_answers,
    answers.forget,
    answers.workbook,
    answers.progress,
    answers.rescue,
):
    main.add_command(command)

__all__ = ["main"]
