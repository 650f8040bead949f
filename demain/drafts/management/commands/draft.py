"""demain draft STORY_ID [--backend NAME] [--json]: draft one story now, check it, print it."""

from __future__ import annotations

import json
import math
import sys

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from demain.drafts import ledger, services
from demain.drafts.models import Draft, Generation
from demain.drafts.report import render
from demain.lib.drafting import BACKENDS
from demain.lib.footprint import total
from demain.lib.footprint.ledger import french
from demain.lib.grounding import Finding, Report
from demain.stories.models import Story


class Command(BaseCommand):
    help = ("Rédiger un sujet maintenant dans le numéro en préparation, le vérifier contre ses sources ; "
            "affiche le brouillon, la vérification et l’empreinte.")

    def add_arguments(self, parser):
        parser.add_argument("story", type=int, metavar="STORY_ID", help="numéro du sujet (demain stories)")
        parser.add_argument("--backend", choices=BACKENDS, help="moteur de rédaction (par défaut : DRAFT_BACKEND)")
        parser.add_argument("--json", action="store_true",
                            help="un objet JSON : numéro du brouillon, texte, éléments vérifiés, notes, empreinte")

    def handle(self, story: int, backend: str | None, json: bool, **options):
        found = Story.objects.filter(pk=story).first()
        if found is None:
            raise CommandError(f"aucun sujet n° {story} (demain stories les liste)", returncode=2)
        try:
            draft = services.start(found, backend, enqueue=False)
        except services.DraftStartError as error:
            raise CommandError(str(error), returncode=2) from None
        columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
        with Progress(*columns, disable=json or not self.stderr.isatty(), console=None, transient=True) as bar:
            job = bar.add_task(f"brouillon n° {draft.pk} : en attente")
            draft = services.run(draft.pk, progress=lambda step: bar.update(job, description=f"brouillon n° "
                                                                                             f"{draft.pk} : {step}"))
        if json:
            self.stdout.write(dumps(as_dict(draft)))
        else:
            self.stdout.write(as_text(draft))
        if draft.status == Draft.Status.FAILED:
            sys.exit(1)


def report_of(draft: Draft) -> Report:
    return Report([Finding(i.text, i.kind, i.status, i.start, i.end, i.source or None, i.snippet or None, i.reason,
                           i.explanation) for i in draft.items.all()])


def footprint_of(draft: Draft):
    return total(ledger.as_footprint(row) for row in Generation.objects.filter(draft=draft).order_by("pk"))


def as_dict(draft: Draft) -> dict:
    data = {"draft": draft.pk, "status": draft.status, "story": draft.story_id, "backend": draft.backend,
            "model": draft.model, "issue": draft.article.issue.number if draft.article else None,
            "text": draft.text, "items": report_of(draft).as_json()["items"], "notes": draft.notes,
            "left_out": draft.left_out, "footprint": footprint_of(draft).to_dict()}
    if draft.status == Draft.Status.FAILED:
        data["error"] = draft.error
    return data


def footprint_line(draft: Draft) -> str:
    found = footprint_of(draft)
    if found.energy_wh is None:
        figures = "pas d’estimation"
    else:
        figures = f"{significant(found.energy_wh)} Wh · {significant(found.co2e_g or 0.0)} gCO2e"
        if found.water_l is not None:
            figures += f" · {significant(found.water_l)} L d’eau"
    return f"Empreinte : {figures}. {found.perimeter()}"


def significant(value: float, digits: int = 2) -> str:
    """Two significant digits, never in scientific notation: a tiny figure stays readable (« 0,0000036 »)."""
    if value == 0:
        return "0"
    decimals = min(12, max(0, digits - 1 - math.floor(math.log10(abs(value)))))
    return french(round(value, decimals), decimals)


def as_text(draft: Draft) -> str:
    where = f"n° {draft.article.issue.number}, article {draft.article.position}" if draft.article else "sans article"
    lines = [f"Brouillon n° {draft.pk} — sujet n° {draft.story_id} — moteur {draft.backend} — {where}", ""]
    if draft.status == Draft.Status.FAILED:
        lines += [f"Échec : {draft.error}", "", footprint_line(draft)]
        return "\n".join(lines)
    lines += [draft.text.rstrip(), ""]
    for note in draft.notes:
        lines.append(f"Note : {note}")
    if draft.notes:
        lines.append("")
    lines += [render(f"brouillon n° {draft.pk}", report_of(draft)), "", footprint_line(draft)]
    return "\n".join(lines)


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
