"""The shape of one `demain eval NAME` subcommand (see the eval command)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class Evaluation:
    name: str = ""
    help: str = ""

    def __init__(self, command):
        self.command = command
        self.stdout = command.stdout
        self.stderr = command.stderr

    @classmethod
    def add_arguments(cls, parser) -> None:
        parser.add_argument("--json", action="store_true", help="afficher les chiffres en un objet JSON")

    def run(self, **options) -> None:
        raise NotImplementedError


def progress_bar(enabled: bool = True) -> Progress:
    """A progress bar, shown only when standard output is a terminal (never in a pipe or a file)."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    return Progress(*columns, console=Console(), disable=not (enabled and sys.stdout.isatty()), transient=True)


def write_above(bar: Progress, stream, line: str) -> None:
    """Write a line to the command's stdout or stderr; on the terminal that shows the bar, above it."""
    if bar.disable or not stream.isatty():
        stream.write(line)
    else:
        bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
