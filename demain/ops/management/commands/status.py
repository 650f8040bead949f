import json
import sys

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from demain.lib.houseformat.typography import plural
from demain.ops import health


class Command(BaseCommand):
    help = ("État pour la supervision : files d’attente (tâches, envois), processus en vie, dernière ingestion, "
            "tâches en échec. Code de sortie 1 quand quelque chose ne va pas (règles : README, « Supervision »).")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="résultat en JSON (pour la supervision)")

    def handle(self, *args, **options):
        report = health.status()
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder))
        else:
            self.stdout.write(self.text(report))
        if not report["healthy"]:
            sys.exit(1)

    @staticmethod
    def when(moment) -> str:
        return f"{timezone.localtime(moment):%d/%m/%Y %H:%M:%S}" if moment else "aucune"

    def text(self, report: dict) -> str:
        lines = ["État : " + ("bon" if report["healthy"] else "PROBLÈME")]
        lines += [f"  ✗ {p['message']}" for p in report["problems"]]
        lines += [f"  ! {w['message']}" for w in report.get("warnings", [])]
        if "tasks" not in report:
            return "\n".join(lines)
        t, d, i = report["tasks"], report["delivery"], report["ingestion"]
        lines += [
            f"Tâches : {plural(t['ready'], 'prête')}, {t['running']} en cours, {t['failed']} en échec "
            f"({t['failed_last_hour']} dans l’heure) ; dernière terminée : {self.when(t['last_finished_at'])}",
            f"Envois : {d['queued']} en attente, {d['retry']} à réessayer, {d['sending']} en cours, "
            f"{plural(d['uncertain'], 'incertain')}",
            f"Processus d’envoi en vie : {len(report['delivery_workers'])}"
            + "".join(f"\n  {w['name']} (battement il y a {w['heartbeat_seconds']} s)" for w in report["delivery_workers"]),
            f"Dernière ingestion : {self.when(i['at']) + ' — ' if i['at'] else ''}{i['summary']}",
        ]
        lines += [f"  tâche en échec : {f['task']} ({f['error']}) le {self.when(f['finished_at'])}" for f in t["recent_failures"]]
        return "\n".join(lines)
