"""The editor's admin (issue 7, item 9): dashboard, French everywhere, clean labels, a usable issue editor."""

from __future__ import annotations

import datetime
import re

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demain.audience.models import ConsentRecord, OfferPage, PageSection, Subscriber
from demain.delivery.models import Campaign, Delivery
from demain.issues.models import Issue
from demain.issues.services import save_parsed_issue
from demain.lib.houseformat import parse
from tests.houseformat_samples import SAMPLE
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def visible_text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def subscriber(email, status, **dates):
    row = Subscriber.objects.create(email=email, status=status)
    Subscriber.objects.filter(pk=row.pk).update(**dates)
    return row


def test_it_opens_on_the_dashboard_with_readers_and_the_latest_issue(admin_client):
    now = timezone.now()
    subscriber("ancien@example.org", "confirmed", confirmed_at=now - datetime.timedelta(days=30))
    subscriber("nouveau@example.org", "confirmed", confirmed_at=now - datetime.timedelta(days=2))
    subscriber("autre@example.org", "confirmed", confirmed_at=now - datetime.timedelta(hours=3))
    subscriber("parti@example.org", "unsubscribed", unsubscribed_at=now)
    make_issue(1)
    latest = make_issue(2)
    campaign = Campaign.objects.create(issue=latest, status=Campaign.Status.SENDING)
    for index, status in enumerate(["sent", "sent", "sent", "queued", "bounced"]):
        Delivery.objects.create(campaign=campaign, email=f"r{index}@example.org", status=status)

    page = admin_client.get(reverse("admin:index")).content.decode()
    text = visible_text(page)
    assert "Confirmés 3" in text and "Nouveaux cette semaine 2" in text and "Désinscrits 1" in text
    assert "N° 2 — Titre du numéro 2" in text and "N° 1 —" not in text
    assert "1 campagne, 5 destinataires" in text
    assert "Envoyé 3" in text and "En attente 1" in text and "Refusé (adresse en échec) 1" in text
    assert f'href="{reverse("admin:issues_issue_add")}"' in page and "Nouveau numéro" in text
    new_issue = admin_client.get(reverse("admin:issues_issue_add")).content.decode()
    assert 'name="number" value="3"' in new_issue
    # The dashboard comes first, then the newsroom's sections, Django's own last.
    sections = re.findall(r'<caption>\s*<a href="/admin/([a-z_]+)/"', page)
    assert page.index("dashboard-subscribers") < page.index("<caption>")
    assert sections[:7] == ["stories", "drafts", "issues", "delivery", "audience", "sources", "public_site"]
    assert sections[-2:] in (["auth", "django_tasks_database"], ["django_tasks_database", "auth"])


def test_it_shows_the_task_results_in_french(admin_client):
    DBTaskResult.objects.create(task_path="demain.audience.tasks.send_welcome", args_kwargs={"args": [1], "kwargs": {}},
                                backend_name="default", run_after=timezone.now(), status="SUCCESSFUL",
                                exception_class_path="", traceback="")
    index = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert "Tâches en arrière-plan" in index and "Task Results" not in index and "Tasks Database" not in index
    listing = visible_text(admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")).content.decode())
    assert "E-mail de bienvenue" in listing and "Réussie" in listing and "Mise en file le" in listing
    for english in ("Task name", "Successful", "Enqueued at", "Queue name", "Task Result"):
        assert english not in listing
    result = DBTaskResult.objects.get()
    detail = visible_text(admin_client.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.pk])).content.decode())
    assert "E-mail de bienvenue (réussie)" in detail and "object (" not in detail
    assert "Trace de l’erreur" in detail and "Traceback" not in detail


def test_it_gives_every_model_a_readable_name():
    plain = [model.__name__ for model in apps.get_models()
             if model.__module__.startswith("demain.") and model.__str__ is models.Model.__str__]
    assert plain == []


def test_it_prints_clean_labels_in_the_admin(admin_client):
    offer = OfferPage.objects.create(slug="conference", title="La conférence")
    PageSection.objects.create(page=offer, position=4, title="Partie sur les agents")
    page = admin_client.get(reverse("admin:audience_offerpage_change", args=[offer.pk])).content.decode()
    assert "Partie sur les agents" in visible_text(page) and "object (" not in page
    issue = save_parsed_issue(parse(SAMPLE), 7, datetime.date(2027, 3, 3))
    page = visible_text(admin_client.get(reverse("admin:issues_issue_change", args=[issue.pk])).content.decode())
    assert "App sous le radar: Carnet" in page
    assert "App sous le radar: App sous le radar" not in page and "object (" not in page
    reader = Subscriber.objects.create(email="lecteur@example.org")
    ConsentRecord.objects.create(subscriber=reader, action="requested", text="J’accepte.")
    page = admin_client.get(reverse("admin:audience_subscriber_change", args=[reader.pk])).content.decode()
    assert "Demande d’inscription du" in page and "object (" not in page


def test_it_folds_the_warnings_the_typography_fix_clears(admin_client):
    issue = save_parsed_issue(parse(SAMPLE), 7, datetime.date(2027, 3, 3))
    issue.articles.filter(position=1).update(closing="Le pain ? L'IA le cuit.")
    issue.articles.filter(position=2).update(closing="")
    page = admin_client.get(reverse("admin:issues_issue_change", args=[issue.pk])).content.decode()
    folded = re.search(r'<details class="lint-typography">(.*?)</details>', page, re.S)
    assert folded, "typography remarks are not folded apart"
    assert "Espace fine insécable attendue avant « ? »" in folded.group(1)
    assert 'form="typography-fix-form"' in folded.group(1)
    summary = re.search(r'<section class="lint-summary".*?</section>', page, re.S).group(0)
    outside = summary.replace(folded.group(0), "")
    assert "Espace fine insécable" not in outside and "Guillemet droit" not in outside
    assert "1 erreur (l’approbation et la publication sont bloquées)" in visible_text(summary)


def test_it_shows_workflow_buttons_as_buttons_and_keeps_the_save_bar_in_view(admin_client):
    from django.contrib.staticfiles import finders

    issue = save_parsed_issue(parse(SAMPLE), 7, datetime.date(2027, 3, 3))
    page = admin_client.get(reverse("admin:issues_issue_change", args=[issue.pk])).content.decode()
    bar = re.search(r'<div class="workflow-bar".*?</div>', page, re.S).group(0)
    assert '<button type="submit" class="button workflow-button workflow-review">Envoyer en relecture</button>' in bar
    assert page.index("workflow-bar") < page.index('id="issue_form"')  # outside the issue's own form
    assert "issues/admin-lint.css" in page and "model-issue" in page
    css = open(finders.find("issues/admin-lint.css")).read()
    sticky = re.search(r"\.model-issue \.submit-row \{([^}]*)\}", css)
    assert sticky and "position: sticky" in sticky.group(1) and "bottom: 0" in sticky.group(1)
    button = re.search(r"\.workflow-bar \.workflow-button, [^{]*\{([^}]*)\}", css).group(1)
    assert "text-transform: none" in button and "padding: 0.55em 1.1em" in button



def test_it_shows_a_zero_count_of_failures_without_the_alarm_colour(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "Tâches en échec" in page
    assert 'class="dashboard-delivery--failed"' not in page  # no failed task: not in red
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(task_path="demain.site.archive.tasks.embed_passages", status="FAILED",
                                args_kwargs={"args": [], "kwargs": {}}, priority=0, queue_name="default",
                                backend_name="default", run_after=None)
    page = admin_client.get("/admin/").content.decode()
    assert 'class="dashboard-delivery--failed"' in page
