import json
import sys
import threading
import time
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from demain.audience.models.readers import Interest
from demain.delivery import campaigns
from demain.delivery.render import NotPublished
from demain.delivery.worker import SendWorker
from demain.issues.models import Issue
from demain.lib.houseformat.typography import plural


def segment_help() -> str:
    codes = ", ".join(f"{code} ({label})" for code, label in Interest.choices)
    return f"centres d’intérêt, codes séparés par des virgules (défaut : tous les abonnés confirmés) : {codes}"


class Command(BaseCommand):
    help = ("Envoyer un numéro publié aux abonnés confirmés (tous, ou ceux d’un ou plusieurs centres d’intérêt). "
            "Les lecteurs qui l’ont déjà reçu sont exclus, sauf --resend. Le nombre de destinataires est "
            "demandé en confirmation (--yes pour les scripts).")

    def add_arguments(self, parser):
        parser.add_argument("issue", type=int, help="numéro à envoyer")
        parser.add_argument("--segment", default="", help=segment_help())
        parser.add_argument("--at", help="envoyer à partir de cette date (ISO 8601, par ex. 2025-06-02T07:00)")
        parser.add_argument("--resend", action="store_true",
                            help="renvoyer aussi aux lecteurs qui ont déjà reçu ce numéro")
        parser.add_argument("-y", "--yes", action="store_true",
                            help="ne pas demander de confirmation (obligatoire hors d’un terminal)")
        parser.add_argument("--dry-run", action="store_true", help="compter les destinataires, ne rien envoyer")
        parser.add_argument("--json", action="store_true", help="résultat en JSON (pour les scripts)")
        parser.add_argument("--wait", action="store_true", help="suivre l’envoi jusqu’à la fin")
        parser.add_argument("--work", action="store_true", help="avec --wait : envoyer aussi depuis ce processus")

    def handle(self, *args, **options):
        interests = [i.strip() for i in options["segment"].split(",") if i.strip()]
        unknown = campaigns.unknown_interests(interests)
        if unknown:
            raise CommandError(f"--segment : centre d’intérêt inconnu {', '.join(unknown)} "
                               f"(codes possibles : {', '.join(Interest.values)})")
        issue = self._issue(options["issue"])
        send_at = self._when(options["at"])
        audience = campaigns.select_audience(interests, issue, options["resend"])
        question = campaigns.confirm_question(issue, audience, options["resend"])
        if options["dry_run"]:
            return self._report(options, question, {
                "issue": issue.number, "dry_run": True, "segment": interests, "recipients": len(audience.recipients),
                "suppressed": len(audience.suppressed), "already_received": len(audience.already)})
        if not audience.recipients:
            hint = " ; --resend pour le renvoyer" if audience.already and not options["resend"] else ""
            raise CommandError(f"personne à qui envoyer le N° {issue.number} : {question}{hint}")
        if not options["yes"]:
            self._confirm(question)
        try:
            campaign = campaigns.create_campaign(issue, interests, send_at=send_at,
                                                 resend=options["resend"])
        except NotPublished as error:
            raise CommandError(str(error)) from None
        if options["wait"]:
            self._follow(campaign.pk, options["work"], quiet=options["json"])
        counts = campaigns.progress(campaign.pk)
        campaign.refresh_from_db()
        summary = (f"Campagne {campaign.pk} ({campaign.get_status_display().lower()}) : N° {issue.number}, "
                   f"{plural(counts['sent'], 'envoyé')}, {counts['open']} en attente, {plural(counts['skipped'], 'non envoyé')}, "
                   f"{counts['retry'] + counts['failed'] + counts['bounced']} en échec, "
                   f"{plural(counts['uncertain'], 'incertain')}.")
        if not options["wait"]:
            summary += " Les processus « demain worker » l’envoient ; la progression est dans l’admin (Campagnes)."
        return self._report(options, summary, {"issue": issue.number, "campaign": campaign.pk, "segment": interests,
                                               "resend": campaign.resend, "status": campaign.status, **counts})

    def _confirm(self, question: str) -> None:
        """Ask on the terminal; a script (no terminal) must say --yes."""
        if not sys.stdin or not sys.stdin.isatty():
            raise CommandError(f"« {question} » : pas de terminal pour confirmer. "
                               "Relancez avec --yes pour confirmer d’avance (rien n’est parti).")
        self.stderr.write(f"{question} [o/N] ", ending="")
        self.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in {"o", "oui", "y", "yes"}:
            raise CommandError("envoi annulé : rien n’est parti.")

    def _issue(self, number: int) -> Issue:
        try:
            issue = Issue.objects.get(number=number)
        except Issue.DoesNotExist:
            raise CommandError(f"aucun numéro {number} (demain issue list les montre)") from None
        if issue.status != Issue.Status.PUBLISHED:
            raise CommandError(f"le numéro {number} n’est pas publié (statut : {issue.get_status_display()})")
        return issue

    def _when(self, value: str | None):
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--at : date illisible {value!r} (ISO 8601 attendu)") from None
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    def _report(self, options, text: str, data: dict):
        self.stdout.write(json.dumps(data, ensure_ascii=False) if options["json"] else text)

    def _follow(self, campaign_id: int, work: bool, quiet: bool) -> None:
        worker = SendWorker() if work else None
        thread = None
        if worker:
            thread = threading.Thread(target=worker.run, kwargs={"until_idle": True, "campaign_id": campaign_id})
            thread.start()
        columns = [TextColumn("envoi"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[detail]}"),
                   TimeRemainingColumn()]
        try:
            with Progress(*columns, disable=quiet) as bar:
                task = bar.add_task("envoi", total=None, detail="")
                while True:
                    counts = campaigns.progress(campaign_id)
                    done = counts["total"] - counts["open"]
                    detail = f"{plural(counts['sent'], 'envoyé')}, {counts['retry']} à réessayer, {plural(counts['bounced'], 'refusé')}"
                    bar.update(task, total=counts["total"], completed=done, detail=detail)
                    if not counts["open"] or (thread and not thread.is_alive()):
                        break
                    time.sleep(0.5)
        finally:
            if worker:
                worker.stop.set()
                thread.join()
