"""demain subscribers import PATH --consent-source TEXT: take over a list exported by another tool."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demain.audience import importing
from demain.lib.houseformat.typography import plural


class Command(BaseCommand):
    help = "Importer des abonnés depuis un export CSV (Mailchimp, Substack, Brevo…), sans jamais réinscrire une adresse bloquée."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("import", help="Importer les nouvelles adresses d’un fichier CSV comme abonnés confirmés.")
        run.add_argument("path", type=Path)
        run.add_argument("--consent-source", default="",
                         help="Où et comment ces lecteurs ont accepté de recevoir la lettre (conservé avec chacun).")
        run.add_argument("--dry-run", action="store_true", help="Seulement trier les lignes et afficher les comptes.")
        run.add_argument("--json", action="store_true", help="Afficher les comptes en JSON.")

    def handle(self, *args, action, path, consent_source, dry_run, json, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Impossible de lire {path} : {error.strerror}.") from None
        try:
            if dry_run:
                result = importing.plan(data)
            else:
                result = importing.apply(data, consent_source, path.name)
        except importing.ImportRefused as error:
            raise CommandError(str(error)) from None
        counts = result.counts
        if json:
            self.stdout.write(dumps({"dry_run": dry_run, "columns": result.columns, **counts}))
            return
        one, many = ("serait ajoutée", "seraient ajoutées") if dry_run else ("ajoutée", "ajoutées")
        self.stdout.write(f"Colonnes : {', '.join(f'{k} = {v}' for k, v in result.columns.items())}")
        self.stdout.write(f"{plural(counts['new'], 'adresse ' + one, 'adresses ' + many)} comme abonnés confirmés.")
        for state, label in importing.STATES.items():
            if state != "new" and counts[state]:
                self.stdout.write(f"{plural(counts[state], 'adresse')} ({label}) non {'ajoutée' if counts[state] < 2 else 'ajoutées'}.")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
