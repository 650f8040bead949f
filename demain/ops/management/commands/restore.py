import json

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from demain.lib.houseformat.typography import plural
from demain.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Restaurer une archive de « demain backup » : vérifie chaque somme de contrôle, puis remet la base, "
            "les fichiers privés et la clé secrète. Refuse de remplacer une base non vide sans --yes.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive écrite par demain backup")
        parser.add_argument("-y", "--yes", action="store_true", help="remplacer une base qui contient déjà des tables")
        parser.add_argument("--json", action="store_true", help="résultat en JSON (pour les scripts)")

    def handle(self, *args, **options):
        console = Console(stderr=True, quiet=options["json"])
        try:
            with console.status("Restauration en cours…"):
                done = restore(options["path"], overwrite=options["yes"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(done, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Sauvegarde du {done['created_at']} restaurée (base {done['database']}, "
                          f"{plural(done['private_files'], 'fichier privé', 'fichiers privés')}"
                          f"{', clé secrète' if done['secret_key'] else ''}). Lancez ensuite « demain migrate » "
                          f"si le code est plus récent que la sauvegarde.")
