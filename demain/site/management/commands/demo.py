"""`demain demo`: the demo editor account and the demo issues, published. Safe to run twice.

The archive (demo/archive/1.txt … 6.txt) becomes N° 1 to N° 6, dated one week apart in the
past; the current issue (demo/issue.txt) is N° 7, dated today. demo/questions.json is the
question set written over this archive for `demain eval archive`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from demain.audience.models import OfferPage
from demain.issues.models import Issue
from demain.issues.services import save_parsed_issue, transition
from demain.lib.houseformat import parse
from demain.site.links import absolute

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_ISSUE = DEMO_DIR / "issue.txt"
DEMO_QUESTIONS = DEMO_DIR / "questions.json"
DEMO_TITLE = "Les agents ont une carte bleue"
ARCHIVE_TITLES = [
    "L’addition, s’il vous plaît",
    "Nul n’est censé ignorer l’IA",
    "Les chatbots apprennent à se taire",
    "Au téléphone, méfiez-vous de votre patron",
    "Le modèle se banalise",
    "Le robot prend les tâches",
]
DEMO_NUMBER = len(ARCHIVE_TITLES) + 1  # the current issue, after the archive
EDITOR_LOGIN = "editeur"
EDITOR_PASSWORD = "demain-demo"
EDITOR_EMAIL = "editeur@demain.example"


@dataclass(frozen=True)
class DemoIssue:
    number: int
    path: Path
    title: str

    def date(self, today: datetime.date) -> datetime.date:
        """One issue a week, the current one today."""
        return today - datetime.timedelta(weeks=DEMO_NUMBER - self.number)


DEMO_ISSUES = [
    *[DemoIssue(number, DEMO_DIR / "archive" / f"{number}.txt", title)
      for number, title in enumerate(ARCHIVE_TITLES, start=1)],
    DemoIssue(DEMO_NUMBER, DEMO_ISSUE, DEMO_TITLE),
]


class Command(BaseCommand):
    help = (f"Charger la démo : le compte « editeur », les archives N° 1 à {DEMO_NUMBER - 1} "
            f"et le numéro courant N° {DEMO_NUMBER}, publiés.")

    def handle(self, *args, **options) -> None:
        editor, created = self.ensure_editor()
        today = timezone.localdate()
        loaded = [self.ensure_issue(editor, demo, today) for demo in DEMO_ISSUES]
        call_command("demo_downloads", stdout=self.stdout)
        self.report(loaded, created)

    def ensure_editor(self):
        User = get_user_model()
        editor = User.objects.filter(username=EDITOR_LOGIN).first()
        if editor is not None:
            return editor, False
        editor = User.objects.create_superuser(EDITOR_LOGIN, EDITOR_EMAIL, EDITOR_PASSWORD)
        return editor, True

    @transaction.atomic
    def ensure_issue(self, editor, demo: DemoIssue, today: datetime.date) -> tuple[Issue, bool]:
        existing = Issue.objects.filter(number=demo.number).first()
        if existing is not None:
            return existing, False
        parsed = parse(demo.path.read_text(encoding="utf-8"))
        date = demo.date(today)
        issue = save_parsed_issue(parsed, demo.number, date, title=demo.title)
        for step in (Issue.Status.REVIEW, Issue.Status.APPROVED, Issue.Status.PUBLISHED):
            transition(issue, step, by=editor, note="Numéro de démonstration")
        if date != today:  # an archive issue: published on its date, as the feeds show it
            published_at = timezone.make_aware(datetime.datetime.combine(date, datetime.time(8)))
            Issue.objects.filter(pk=issue.pk).update(published_at=published_at)
            issue.published_at = published_at
        return issue, True

    def report(self, loaded: list[tuple[Issue, bool]], editor_created: bool) -> None:
        out = self.stdout.write
        imported = [issue for issue, new in loaded if new]
        kept = [issue for issue, new in loaded if not new]
        if imported:
            numbers = ", ".join(str(issue.number) for issue in imported)
            out(self.style.SUCCESS(f"Numéros de démonstration importés et publiés : {numbers}."))
        if kept:
            listed = ", ".join(f"N° {issue.number} ({issue.get_status_display()})" for issue in kept)
            out(f"Numéros déjà présents, laissés tels quels : {listed}.")
        issue = loaded[-1][0]
        out(f"Numéro courant : {issue}")
        password = EDITOR_PASSWORD if editor_created else "(inchangé : compte déjà présent)"
        out("")
        out("À ouvrir :")
        pages = [
            ("Accueil", reverse("home")),
            ("Le numéro", issue.get_absolute_url()),
            ("Archives", reverse("archive")),
            ("Flux RSS", reverse("feed_rss")),
            ("Flux Atom", reverse("feed_atom")),
            ("Plan du site", reverse("sitemap")),
            ("S’abonner", reverse("audience:subscribe")),
            ("L’extrait", reverse("audience:resource", args=["extrait"])),
            *[(page.title, page.get_absolute_url()) for page in OfferPage.objects.filter(in_menu=True)],
            ("Boîte d’envoi", reverse("admin:delivery_outboxmessage_changelist")),
            ("Administration", reverse("admin:index")),
        ]
        width = max(len(label) for label, _ in pages)
        for label, path in pages:
            out(f"  {label:<{width}}  {absolute(path)}")
        out(f"  {'':<{width}}  identifiant : {EDITOR_LOGIN}   mot de passe : {password}")
        if settings.SITE_URL != "http://127.0.0.1:8000":
            out(f"(adresses construites sur SITE_URL = {settings.SITE_URL})")

