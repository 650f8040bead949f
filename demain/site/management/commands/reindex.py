"""`demain reindex`: rebuild the archive's passages and their embeddings."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from demain.issues.models import Issue
from demain.lib.houseformat.typography import plural
from demain.site.archive.index import embed_pending, reindex_all
from demain.site.models import Passage


class Command(BaseCommand):
    help = ("Reconstruire l’index de recherche des archives : chaque numéro publié redécoupé en passages "
            "(texte intégral aussitôt), puis les passages sans vecteur vectorisés.")

    def add_arguments(self, parser):
        parser.add_argument("--no-embed", action="store_true",
                            help="laisser les vecteurs à la tâche de fond (`demain db_worker`)")
        parser.add_argument("--json", action="store_true", help="afficher les comptes en JSON")

    def handle(self, *args, no_embed=False, json=False, **options):
        quiet = json or not self.stdout.isatty()
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, disable=quiet) as bar:
            issues = bar.add_task("numéros", total=Issue.objects.filter(status=Issue.Status.PUBLISHED).count())
            passages = reindex_all(progress=lambda n: bar.advance(issues, n), schedule=no_embed)
            embedded = 0
            if not no_embed:
                job = bar.add_task("plongements", total=Passage.objects.filter(embedding__isnull=True).count())
                embedded = embed_pending(progress=lambda n: bar.advance(job, n))
        data = {"issues": Issue.objects.filter(status=Issue.Status.PUBLISHED).count(), "passages": passages,
                "embedded": embedded, "without_embedding": Passage.objects.filter(embedding__isnull=True).count()}
        if json:
            self.stdout.write(_json(data))
        else:
            self.stdout.write(f"{plural(data['issues'], 'numéro')}, {plural(passages, 'passage indexé', 'passages indexés')}, "
                              f"{plural(embedded, 'plongement calculé', 'plongements calculés')}, "
                              f"{plural(data['without_embedding'], 'passage')} sans plongement.")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
