"""`demain bounces`: read the bounce mailbox, import bounce files, retry pending events."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from demain.delivery.bounces import record
from demain.delivery.bounces.mailbox import MailboxError, open_mailbox
from demain.delivery.bounces.messages import Outcome, record_message
from demain.delivery.bounces.models import BounceEvent


JSON_HELP = "résultat en JSON (pour les scripts)"
LABELS = {"messages": "messages lus", "handled": "messages traités", "files": "fichiers", "reports": "rapports",
          "stored": "événements enregistrés", "duplicates": "déjà connus", "failed": "en échec",
          "processed": "traités"}


class Command(BaseCommand):
    help = (
        "Rebonds et plaintes : lire la boîte des rebonds, importer des fichiers .eml, réappliquer.\n\n"
        "  demain bounces fetch [--delete]   lit BOUNCE_MAILBOX_URL (IMAP : courrier non lu ; POP3 : tout),\n"
        "                                    enregistre les avis de non-remise et les plaintes, marque (IMAP)\n"
        "                                    ou supprime les messages qui en contenaient\n"
        "  demain bounces process-file PATH… enregistre les rebonds de fichiers .eml\n"
        "  demain bounces retry              réapplique les événements dont le traitement a échoué"
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        fetch = actions.add_parser("fetch", help="lire la boîte des rebonds (BOUNCE_MAILBOX_URL)")
        fetch.add_argument("--delete", action="store_true",
                           help="IMAP : supprimer les messages traités au lieu de les marquer lus")
        fetch.add_argument("--json", action="store_true", help=JSON_HELP)
        files = actions.add_parser("process-file", help="enregistrer les rebonds trouvés dans des fichiers .eml")
        files.add_argument("paths", nargs="+", metavar="PATH")
        files.add_argument("--json", action="store_true", help=JSON_HELP)
        retry = actions.add_parser("retry", help="réappliquer les événements enregistrés pas encore traités")
        retry.add_argument("--json", action="store_true", help=JSON_HELP)

    def handle(self, *args, action, **options):
        outcome = {"fetch": self.fetch, "process-file": self.process_files, "retry": self.retry}[action](**options)
        if options["json"]:
            self.stdout.write(json.dumps(outcome))
        else:
            self.stdout.write(", ".join(f"{LABELS.get(name, name)} : {value}" for name, value in outcome.items()))

    def fetch(self, delete: bool, json: bool, **_) -> dict:
        if not settings.BOUNCE_MAILBOX_URL:
            raise CommandError("BOUNCE_MAILBOX_URL est vide : la lecture de la boîte des rebonds est désactivée")
        try:
            mailbox = open_mailbox(settings.BOUNCE_MAILBOX_URL, delete=delete)
        except MailboxError as error:
            raise CommandError(str(error)) from error
        total, handled = Outcome(), 0
        try:
            messages = list(mailbox.messages())
            for key, raw in track(messages, description="Rebonds", disable=json or not messages):
                outcome = record_message(raw, BounceEvent.Provider.MAILBOX)
                if outcome.reports:
                    mailbox.done(key)  # only once its events are stored
                    handled += 1
                total.add(outcome)
        finally:
            mailbox.close()
        return {"messages": len(messages), "handled": handled, **asdict(total)}

    def process_files(self, paths: list[str], json: bool, **_) -> dict:
        total = Outcome()
        for name in paths:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name} : fichier introuvable")
            outcome = record_message(path.read_bytes(), BounceEvent.Provider.FILE)
            if not outcome.reports and not json:
                self.stderr.write(f"{name} : ni rebond ni plainte trouvé")
            total.add(outcome)
        return {"files": len(paths), **asdict(total)}

    def retry(self, json: bool, **_) -> dict:
        processed, failed = record.retry_pending()
        return {"processed": processed, "failed": failed}
