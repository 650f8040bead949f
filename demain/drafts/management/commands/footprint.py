"""demain footprint [--issue N] [--json]: each issue's footprint total, with its perimeter."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from demain.drafts.footprint import charted_issues, label_for
from demain.issues.models import Issue
from demain.lib.houseformat.typography import space


class Command(BaseCommand):
    help = ("Afficher l’empreinte de chaque numéro d’après le registre (énergie, CO2e, eau si un facteur "
            "est défini), avec ce qu’elle compte et ce qu’elle laisse de côté.")

    def add_arguments(self, parser):
        parser.add_argument("--issue", type=int, metavar="N", help="seulement le numéro N")
        parser.add_argument("--json", action="store_true",
                            help='afficher {"issues": [{"number", "date", "status", "generations", "energy_wh", …}]}')

    def handle(self, *args, issue: int | None, json: bool, **options):
        if issue is not None:
            found = Issue.objects.filter(number=issue).first()
            if found is None:
                raise CommandError(f"aucun numéro {issue} : « demain issue list » donne les numéros existants")
            issues = [found]
        else:
            issues = list(charted_issues())
        rows = [(found, label_for(found)) for found in issues]
        if json:
            self.print_json(rows)
            return
        if not rows:
            self.stdout.write(space("Aucun numéro publié ni aucune génération enregistrée."))
        for found, label in rows:
            self.stdout.write(space(f"N° {found.number} — {found.date:%d/%m/%Y} — {found.get_status_display()}"))
            for line in label.lines():
                self.stdout.write(space(f"  {line}"))

    def print_json(self, rows) -> None:
        issues = [{"number": found.number, "date": found.date.isoformat(), "status": found.status,
                   **label.to_dict()} for found, label in rows]
        self.stdout.write(json.dumps({"issues": issues}, ensure_ascii=False, indent=2))
