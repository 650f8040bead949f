import json

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from demain.sources import tasks
from demain.sources.fetcher import PoliteFetcher
from demain.sources.ingest import Summary, due_sources, ingest_source, worker_name
from demain.sources.models import Source
from demain.lib.houseformat.typography import plural

LABELS = [("sources", "sources lues"), ("fetched", "téléchargées"), ("not_modified", "inchangées (304)"),
          ("new", "nouveaux articles"), ("updated", "mis à jour"), ("duplicates", "doublons"),
          ("robots", "refusées par robots.txt"), ("throttled", "différées (Retry-After)"),
          ("forbidden", "interdites (403)"), ("errors", "erreurs"), ("skipped", "prises par un autre processus"),
          ("stories", "sujets")]


class Command(BaseCommand):
    help = ("Relever les sources dont c’est l’heure : flux, leurs nouveaux articles, pages ; affiche un bilan "
            "(ou, avec --enqueue, met une tâche par source en file pour `demain db_worker`).")

    def add_arguments(self, parser):
        parser.add_argument("--source", action="append", default=[],
                            help="seulement cette source (id ou nom exact) ; répétable")
        parser.add_argument("--force", action="store_true",
                            help="relever les sources maintenant, même avant leur prochaine heure de relève")
        parser.add_argument("--enqueue", action="store_true",
                            help="mettre en file une tâche django-tasks par source pour les processus `demain db_worker`")
        parser.add_argument("--no-stories", action="store_true",
                            help="ne pas regrouper ensuite les nouveaux articles en sujets (demain stories le fait)")
        parser.add_argument("--json", action="store_true", help="afficher le bilan en JSON")

    def handle(self, *args, source, force, enqueue, no_stories: bool, json: bool, **options):
        sources = due_sources(force=force)
        if source:
            wanted = Q()
            for item in source:
                wanted |= Q(pk=int(item)) if item.isdigit() else Q(name=item)
            sources = Source.objects.filter(wanted, active=True) if force else sources.filter(wanted)
            if not Source.objects.filter(wanted).exists():
                raise CommandError(f"no such source: {', '.join(source)}")
        ids = list(sources.values_list("pk", flat=True))
        if enqueue:
            count = tasks.enqueue(ids, force=force)
            self.stdout.write(json_dumps({"enqueued": count}) if json
                              else f"{plural(count, 'tâche de lecture mise', 'tâches de lecture mises')} en file")
            return
        data = self.run(ids, force, quiet=json).as_dict()
        if not no_stories:
            from demain.stories import services as stories  # the next stage, once the articles are stored

            grouped = stories.run()
            data.update(stories=grouped.stories, new_stories=grouped.new_stories)
        if json:
            self.stdout.write(json_dumps(data))
        else:
            self.stdout.write("  ".join(f"{label} : {data[key]}" for key, label in LABELS if key in data))

    def run(self, ids: list[int], force: bool, quiet: bool) -> Summary:
        summary = Summary()
        worker = worker_name()
        names = dict(Source.objects.filter(pk__in=ids).values_list("pk", "name"))
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[counts]}")]
        with PoliteFetcher(worker) as fetcher, \
                Progress(*columns, disable=quiet or not self.stdout.isatty(), console=None) as bar:
            job = bar.add_task("sources", total=len(ids), counts="")
            for source_id in ids:
                bar.update(job, description=names.get(source_id, str(source_id))[:30])
                summary.add(ingest_source(source_id, worker=worker, force=force, fetcher=fetcher))
                bar.update(job, advance=1, counts=f"new {summary.new} · dup {summary.duplicates} · "
                                                    f"errors {summary.errors}")
        return summary


def json_dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
