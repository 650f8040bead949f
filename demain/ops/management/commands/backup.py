import json

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from demain.lib.houseformat.typography import plural
from demain.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Sauvegarder dans une archive : la base (API de sauvegarde de SQLite, ou pg_dump), les fichiers "
            "privés (téléchargements réservés) et la clé secrète, avec un manifeste de sommes de contrôle.")

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="chemin de l’archive (défaut : VAR_DIR/backups/demain-DATE.tar.gz)")
        parser.add_argument("--json", action="store_true", help="résultat en JSON (pour les scripts)")

    def handle(self, *args, **options):
        console = Console(stderr=True, quiet=options["json"])
        try:
            with console.status("Sauvegarde en cours…"):
                done = backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(done, ensure_ascii=False, indent=2))
            return
        private = sum(1 for name in done["files"] if name.startswith("private/"))
        key = "la clé secrète" if done["secret_key"] else "pas de clé secrète (SECRET_KEY vient de l’environnement)"
        size = f"{done['size']:,}".replace(",", "\u202f")
        self.stdout.write(f"Sauvegarde écrite : {done['path']} ({size} octets). Base {done['database']['kind']}, "
                          f"{plural(private, 'fichier privé', 'fichiers privés')}, {key}.")
