"""`demain publish_static`: write the published pages as files for the front server."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demain.site.front_files import write_front_files


class Command(BaseCommand):
    help = ("Écrire les pages publiées (accueil, archives, numéros, flux, plan du site) en fichiers sous "
            "PUBLISH_STATIC_DIR, servis par nginx (deploy/nginx-cached-pages.conf) ; chaque modification les réécrit.")

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="dossier (défaut : PUBLISH_STATIC_DIR)")
        parser.add_argument("--json", action="store_true", help="afficher les fichiers écrits en JSON")

    def handle(self, *args, dir=None, **options):
        directory = dir or settings.PUBLISH_STATIC_DIR
        if not directory:
            raise CommandError("no directory: set PUBLISH_STATIC_DIR or pass --dir")
        written = write_front_files(Path(directory))
        if options["json"]:
            self.stdout.write(_json([str(path) for path in written]))
        else:
            self.stdout.write(f"{len(written)} pages written under {directory}")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
