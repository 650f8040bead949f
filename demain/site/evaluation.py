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
        parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")

    def run(self, **options) -> None:
        raise NotImplementedError


def progress_bar(enabled: bool = True) -> Progress:
    """A progress bar on standard error, shown only on a terminal."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    return Progress(*columns, console=Console(stderr=True), disable=not (enabled and sys.stderr.isatty()),
                    transient=True)
