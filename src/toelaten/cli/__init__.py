"""The ``toelaten`` command line (``python -m toelaten``): checks for course authors, the
trainer's pack and calendar, and the learner's answers."""

from __future__ import annotations

import click

from toelaten.cli import answers, course, trainer
from toelaten.cli.common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="toelaten")
def main() -> None:
    """Tools for the course 'Ik heb (n)iemand nodig'."""


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
