"""The sources admin, in French: lists, an article with its sightings and revisions, the actions."""

from __future__ import annotations

import pytest
from django.utils import timezone

from demain.sources.ingest import ingest_source
from demain.sources.models import Article, ArticleRevision, FetchLog, Host, Source
from tests.sources.conftest import add_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingested(site):
    ingest_source(add_source(site, "/feeds/tdm.rss").pk)
    ingest_source(add_source(site, "/feeds/hostile.rss").pk)
    article = Article.objects.get(tdm_source="header")
    ArticleRevision.objects.create(article=article, title="Ancien titre", text="x", content_hash="0" * 64,
                                   raw=b"", fetched_at=timezone.now())
    return article


def test_it_lists_every_model_in_french(admin_client, ingested):
    pages = {"/admin/sources/outlet/": "médias", "/admin/sources/source/": "dernière erreur",
             "/admin/sources/article/": "fouille de textes réservée", "/admin/sources/fetchlog/": "refusé par robots.txt",
             "/admin/sources/host/": "en pause jusqu’au"}
    for url, text in pages.items():
        response = admin_client.get(url)
        assert response.status_code == 200 and text in response.content.decode().lower(), url


def test_it_shows_an_article_with_its_sightings_revisions_and_tdm_flag(admin_client, ingested):
    page = admin_client.get(f"/admin/sources/article/{ingested.pk}/change/").content.decode()
    assert "Rights reserved by a response header" in page and "Ancien titre" in page
    assert "header" in page and str(ingested.uid) in page


def test_it_filters_the_fetch_log_by_outcome(admin_client, ingested):
    page = admin_client.get("/admin/sources/fetchlog/?outcome__exact=error").content.decode()
    assert "redirect loop" in page and "never-answers" in page
    assert FetchLog.objects.filter(outcome="error").count() == 5


def test_it_queues_a_read_and_resets_the_backoff(admin_client, site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    source = add_source(site, "/feeds/bomb.rss")
    ingest_source(source.pk)
    source.refresh_from_db()
    assert source.failure_count == 1
    admin_client.post("/admin/sources/source/", {"action": "reset_backoff", "_selected_action": [source.pk]})
    source.refresh_from_db()
    assert source.failure_count == 0 and source.next_poll_at <= timezone.now()
    response = admin_client.post("/admin/sources/source/", {"action": "read_now", "_selected_action": [source.pk]},
                                 follow=True)
    assert "mise(s) en file" in response.content.decode()
    source.refresh_from_db()
    assert source.failure_count == 1  # read again by the task: the bomb is still refused
    assert Host.objects.filter(name=site.host).exists()
