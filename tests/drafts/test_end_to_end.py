"""One path end to end: the sample corpus served locally → ingest → a ranked story → « Rédiger » (extractive,
run by db_worker) → checked → an invented figure caught, then accepted with a reason → approved → the
issue published → the article on the public page."""

from __future__ import annotations

import html
import json

import pytest
from django.urls import reverse

from demain.drafts.models import Draft, Generation
from demain.issues.models import Issue
from demain.sources.sample.server import SAMPLE_DIR, SampleServer
from tests.sources.conftest import run
from demain.stories.models import StoryArticle
from tests.drafts.workflow_helpers import draft_issue, editor

FEEDS = [("/feeds/echo-tech.rdf", "rss", "Écho Tech"), ("/feeds/observateur-machines.atom", "atom",
                                                        "L'Observateur des machines")]
STORY_PAGE = "echo-tech--orlo-4-consommation-energie.html"
INVENTED = "Orlo Labs prévoit 3 700 embauches d’ici juin."


@pytest.fixture
def corpus(settings):
    settings.FETCH_HOST_DELAY, settings.FETCH_CONNECT_TIMEOUT, settings.FETCH_READ_TIMEOUT = 0, 2, 2
    settings.FETCH_TOTAL_TIMEOUT, settings.STORIES_WINDOW_DAYS = 10, 3650
    with SampleServer(SAMPLE_DIR) as server:
        settings.FETCH_ALLOWED_HOSTS = [server.host]
        yield server


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_takes_a_sample_story_to_a_checked_approved_published_article(corpus, client):
    for path, kind, outlet in FEEDS:
        run("sources", "add", corpus.url(path), "--kind", kind, "--outlet", outlet, "--language", "fr")
    ingested = json.loads(run("ingest", "--json"))
    assert ingested["new"] >= 8 and ingested["new_stories"] >= 2
    story = StoryArticle.objects.get(article__url__endswith=STORY_PAGE).story
    assert story.sources_count == 2 and story.score > 0
    issue = draft_issue(number=1)
    client.force_login(editor())

    # « Rédiger » on the ranked stories, then the worker
    response = client.post(reverse("admin:stories_story_changelist"),
                           {"action": "draft_stories", "_selected_action": [story.pk]})
    draft = Draft.objects.get()
    assert response.status_code == 302 and draft.status == "queued" and draft.backend == "extractive"
    run("db_worker", "--batch", "--no-startup-delay")
    draft.refresh_from_db()
    assert draft.status == "checked", draft.error
    assert len(draft.sources) == 2 and {s["url"] for s in draft.sources} == set(
        story.memberships.values_list("article__url", flat=True))
    figures = draft.items.filter(kind="figure")
    assert figures.exists() and not figures.exclude(status="supported").exists()
    assert Generation.objects.filter(draft=draft, issue=issue).count() == 1

    # the editor adds a figure no source gives: caught, approval refused until accepted with a reason
    page = reverse("admin:drafts_draft_change", args=[draft.pk])
    title, rest = draft.text.split("\n\n", 1)
    client.post(page, {"text": f"{title}\n\n{INVENTED}\n\n{rest}"})
    (caught,) = [item for item in Draft.objects.get().items.all() if item.blocking]
    assert caught.text.startswith("3 700") and caught.status == "unsupported"
    client.post(reverse("admin:drafts_draft_approve", args=[draft.pk]))
    assert Draft.objects.get().status == "checked" and issue.articles.get().title == ""
    client.post(reverse("admin:drafts_draft_accept", args=[draft.pk, caught.pk]),
                {"reason": "Annoncé par Orlo Labs à la rédaction, communiqué archivé."})
    client.post(reverse("admin:drafts_draft_approve", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == "approved"

    # the issue goes through its workflow and is published
    for status in ("review", "approved", "published"):
        client.post(reverse("admin:issues_issue_transition", args=[issue.pk, status]))
    issue.refresh_from_db()
    assert issue.status == Issue.Status.PUBLISHED

    client.logout()
    public = client.get(reverse("issue_detail", args=[1]))
    assert public.status_code == 200
    body = " ".join(html.unescape(public.content.decode()).replace("\u202f", " ").replace("\xa0", " ").split())
    article = issue.articles.get()
    assert article.title == draft.data["title"]
    for expected in (article.title, "3 700 embauches", draft.data["facts"][-1][:60], draft.data["sources"][0]["url"]):
        assert " ".join(expected.replace("\u202f", " ").replace("\xa0", " ").split()) in body, expected
