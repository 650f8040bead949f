"""`demain demo`: the demo editor account and the demo issue, published. Safe to run twice."""

from __future__ import annotations

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

DEMO_ISSUE = Path(__file__).resolve().parents[2] / "demo" / "issue.txt"
DEMO_NUMBER = 1
DEMO_TITLE = "Les agents ont une carte bleue"
EDITOR_LOGIN = "editeur"
EDITOR_PASSWORD = "demain-demo"
EDITOR_EMAIL = "editeur@demain.example"


class Command(BaseCommand):
    help = "Load the demo: editor account « editeur » and the sample issue N° 1, published."

    def handle(self, *args, **options) -> None:
        editor, created = self.ensure_editor()
        issue, imported = self.ensure_issue(editor)
        call_command("demo_downloads", stdout=self.stdout)
        self.report(issue, imported, created)

    def ensure_editor(self):
        User = get_user_model()
        editor = User.objects.filter(username=EDITOR_LOGIN).first()
        if editor is not None:
            return editor, False
        editor = User.objects.create_superuser(EDITOR_LOGIN, EDITOR_EMAIL, EDITOR_PASSWORD)
        return editor, True

    @transaction.atomic
    def ensure_issue(self, editor) -> tuple[Issue, bool]:
        existing = Issue.objects.filter(number=DEMO_NUMBER).first()
        if existing is not None:
            return existing, False
        parsed = parse(DEMO_ISSUE.read_text(encoding="utf-8"))
        issue = save_parsed_issue(parsed, DEMO_NUMBER, timezone.localdate(), title=DEMO_TITLE)
        for step in (Issue.Status.REVIEW, Issue.Status.APPROVED, Issue.Status.PUBLISHED):
            transition(issue, step, by=editor, note="Numéro de démonstration")
        return issue, True

    def report(self, issue: Issue, imported: bool, editor_created: bool) -> None:
        out = self.stdout.write
        if imported:
            out(self.style.SUCCESS(f"Numéro de démonstration importé et publié : {issue}"))
        else:
            out(f"Le numéro {DEMO_NUMBER} existe déjà ({issue.get_status_display()}) : laissé tel quel.")
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

