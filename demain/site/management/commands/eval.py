"""demain eval NAME: measure the quality of one stage (eval extraction, …).

Each evaluation lives in its own module: any demain app may have an `evals`
module (`demain/<app>/evals.py`) with a list `EVALUATIONS` of `Evaluation`
subclasses (demain.site.evaluation). This command finds them all and gives each
its subcommand, so adding one never touches this file.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from demain.site.evaluation import Evaluation


def evaluations() -> dict[str, type[Evaluation]]:
    found: dict[str, type[Evaluation]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("demain.") or find_spec(f"{config.name}.evals") is None:
            continue
        for evaluation in import_module(f"{config.name}.evals").EVALUATIONS:
            if evaluation.name in found:
                raise CommandError(f"two evaluations are named {evaluation.name!r}")
            found[evaluation.name] = evaluation
    return dict(sorted(found.items()))


class Command(BaseCommand):
    help = "Mesurer la qualité : eval extraction | stories | checker | archive (demain eval NOM --help)."

    def add_arguments(self, parser):
        names = parser.add_subparsers(dest="evaluation", required=True, metavar="NAME")
        for name, evaluation in evaluations().items():
            evaluation.add_arguments(names.add_parser(name, help=evaluation.help, description=evaluation.help))

    def handle(self, *args, evaluation: str, **options):
        evaluations()[evaluation](self).run(**options)
