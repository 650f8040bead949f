"""demain check DRAFT_ID|PATH --sources DIR [--json]: the grounding checker alone.

The name is Django's system check too (`demain check --deploy`): with no draft named — no
`--sources`, no number, no existing file — the command runs Django's checks unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.contrib import admin
from django.core.management.base import CommandError
from django.core.management.commands.check import Command as SystemCheck

from demain.drafts.lookup import DraftNotFound, load_draft
from demain.drafts.report import render
from demain.lib.grounding import SourceError, check, read_sources


class Command(SystemCheck):
    help = ("Vérifier les chiffres, citations et noms d’un brouillon contre ses sources (code de sortie 1 "
            "si un élément n’est pas étayé ou est contredit) ; sans brouillon, les vérifications système de "
            "Django (demain check --deploy).")

    def add_arguments(self, parser):
        super().add_arguments(parser)  # app labels, --deploy, --fail-level, --tag…
        parser.add_argument("--sources", type=Path, metavar="DIR",
                            help="dossier des textes sources (fichiers .txt ou .html)")
        parser.add_argument("--json", action="store_true",
                            help='afficher {"items": [{"text", "kind", "status", "source", "snippet"}]}')

    def handle(self, *labels: str, sources: Path | None, json: bool, **options):
        if not names_a_draft(labels, sources):
            # The admin modules load with the URLconf, not at start-up (demain/site/admin_apps.py):
            # load them first, so that the admin's checks see every ModelAdmin.
            admin.autodiscover()
            return super().handle(*labels, **options)
        if len(labels) != 1:
            raise CommandError("un seul brouillon à la fois : demain check DRAFT_ID|PATH --sources DIR", returncode=2)
        self.check_draft(labels[0], sources, json)

    def check_draft(self, draft: str, sources: Path | None, json: bool) -> None:
        try:
            found = load_draft(draft)
        except DraftNotFound as error:
            raise CommandError(str(error), returncode=2) from None
        if sources is not None:
            try:
                texts = read_sources(sources)
            except SourceError as error:
                raise CommandError(str(error), returncode=2) from None
        elif found.sources:
            texts = found.sources
        else:
            raise CommandError("donnez les sources : --sources DIR (fichiers .txt ou .html)", returncode=2)
        report = check(found.text, texts)
        if json:
            self.stdout.write(dumps(report.as_json()))
        else:
            self.stdout.write(render(found.name, report))
        if not report.ok:
            sys.exit(1)


def names_a_draft(labels: tuple[str, ...], sources: Path | None) -> bool:
    """A draft is named by --sources, a stored draft's number or an existing file; else: system checks."""
    return sources is not None or any(label.isdigit() or Path(label).is_file() for label in labels)


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
