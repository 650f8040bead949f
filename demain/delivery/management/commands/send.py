import json
import threading
import time
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from demain.delivery import campaigns
from demain.delivery.render import NotPublished
from demain.delivery.worker import SendWorker
from demain.issues.models import Issue


class Command(BaseCommand):
    help = "Send a published issue to the confirmed subscribers (all, or a segment by interests)."

    def add_arguments(self, parser):
        parser.add_argument("issue", type=int, help="issue number")
        parser.add_argument("--segment", default="", help="interests, comma-separated (default: everyone)")
        parser.add_argument("--at", help="send from this time (ISO 8601, e.g. 2025-06-02T07:00)")
        parser.add_argument("--dry-run", action="store_true", help="count the recipients, send nothing")
        parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
        parser.add_argument("--wait", action="store_true", help="follow the progress until the campaign ends")
        parser.add_argument("--work", action="store_true", help="with --wait: also send from this process")

    def handle(self, *args, **options):
        interests = [i.strip() for i in options["segment"].split(",") if i.strip()]
        issue = self._issue(options["issue"])
        if options["dry_run"]:
            audience = campaigns.select_audience(interests)
            return self._report(options, {"issue": issue.number, "dry_run": True, "segment": interests,
                                          "recipients": len(audience.recipients),
                                          "suppressed": len(audience.suppressed)})
        try:
            campaign = campaigns.create_campaign(issue, interests, send_at=self._when(options["at"]))
        except NotPublished as error:
            raise CommandError(str(error)) from None
        if options["wait"]:
            self._follow(campaign.pk, options["work"], quiet=options["json"])
        counts = campaigns.progress(campaign.pk)
        campaign.refresh_from_db()
        return self._report(options, {"issue": issue.number, "campaign": campaign.pk, "segment": interests,
                                      "status": campaign.status, **counts})

    def _issue(self, number: int) -> Issue:
        try:
            issue = Issue.objects.get(number=number)
        except Issue.DoesNotExist:
            raise CommandError(f"aucun numéro {number}") from None
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

    def _report(self, options, data: dict):
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        else:
            self.stdout.write(", ".join(f"{key}: {value}" for key, value in data.items()))

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
                    detail = f"{counts['sent']} envoyés, {counts['retry']} à réessayer, {counts['bounced']} refusés"
                    bar.update(task, total=counts["total"], completed=done, detail=detail)
                    if not counts["open"] or (thread and not thread.is_alive()):
                        break
                    time.sleep(0.5)
        finally:
            if worker:
                worker.stop.set()
                thread.join()
