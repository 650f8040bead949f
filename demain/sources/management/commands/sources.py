import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demain.lib.feeds import OpmlError
from demain.lib.houseformat.typography import plural
from demain.sources import services
from demain.sources.models import Source


class Command(BaseCommand):
    help = ("Gérer les sources (flux et pages) : add, list, import-opml, export-opml.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="ajouter un flux (RSS, Atom, JSON Feed) ou une page ; le type est détecté")
        add.add_argument("url")
        add.add_argument("--name", default="")
        add.add_argument("--outlet", default="", help="le média auquel elle appartient (défaut : le titre du flux)")
        add.add_argument("--kind", default="", choices=[""] + Source.Kind.values,
                         help="ne pas détecter le type (ce qui lit l’URL une fois)")
        add.add_argument("--weight", type=float, default=1.0)
        add.add_argument("--language", default="")
        add.add_argument("--inactive", action="store_true")
        add.add_argument("--json", action="store_true")
        listing = sub.add_parser("list", help="lister les sources et leur état")
        listing.add_argument("--json", action="store_true")
        importing = sub.add_parser("import-opml", help="ajouter chaque flux d’un fichier OPML (tout ou rien)")
        importing.add_argument("path", help="un fichier, - pour l’entrée standard, ou une URL http(s)")
        importing.add_argument("--json", action="store_true")
        exporting = sub.add_parser("export-opml", help="écrire toutes les sources en OPML 2.0")
        exporting.add_argument("-o", "--output", default="-", help="fichier à écrire (défaut : la sortie standard)")

    def handle(self, *args, action, **options):
        getattr(self, action.replace("-", "_"))(**options)

    def emit(self, data, as_json: bool, text: str) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, default=str) if as_json else text)

    def add(self, url, name, outlet, kind, weight, language, inactive, json, **_):
        try:
            source = services.add_source(url, name=name, outlet=outlet, kind=kind, weight=weight,
                                         language=language, active=not inactive)
        except services.SourceError as error:
            raise CommandError(str(error)) from None
        self.emit(describe(source), json, f"added #{source.pk} {source.name} ({source.get_kind_display()}, "
                                          f"{source.outlet.name}) {source.url}")

    def list(self, json, **_):
        sources = [describe(s) for s in Source.objects.select_related("outlet")]
        if json:
            self.emit(sources, True, "")
            return
        for s in sources:
            state = "actif" if s["active"] else "inactif"
            error = f"  erreur : {s['last_error'][:80]}" if s["last_error"] else ""
            self.stdout.write(f"#{s['id']:<4} {s['kind']:<8} {state:<8} w={s['weight']:<4g} {s['language'] or '--':<3} "
                              f"{s['outlet']} / {s['name']}  {s['url']}  prochaine={s['next_poll_at'] or 'maintenant'}{error}")
        if not sources:
            self.stdout.write("aucune source pour l’instant : demain sources add URL")

    def import_opml(self, path, json, **_):
        try:
            data = sys.stdin.buffer.read() if path == "-" else services.read_location(path)
            created, skipped = services.import_opml(data)
        except services.SourceError as error:
            raise CommandError(str(error)) from None
        except OpmlError as error:
            raise CommandError(f"{path}: {error}") from None
        self.emit({"created": [describe(s) for s in created], "skipped": skipped}, json,
                  f"{plural(len(created), 'source ajoutée', 'sources ajoutées')}, {plural(len(skipped), 'déjà connue', 'déjà connues')}")

    def export_opml(self, output, **_):
        data = services.export_opml()
        if output == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            Path(output).write_bytes(data)
            self.stderr.write(f"{plural(Source.objects.count(), 'source écrite', 'sources écrites')} dans {output}")


def describe(source: Source) -> dict:
    return {"id": source.pk, "name": source.name, "outlet": source.outlet.name, "kind": source.kind,
            "url": source.url, "weight": source.weight, "language": source.language, "active": source.active,
            "next_poll_at": source.next_poll_at.isoformat() if source.next_poll_at else None,
            "failure_count": source.failure_count, "last_status": source.last_status,
            "last_error": source.last_error}
