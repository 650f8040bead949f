"""`demain sources add|list|import-opml|export-opml` and `demain ingest`, as a user runs them."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from demain.sources.models import FetchLog, Outlet, Source
from tests.sources.conftest import SITE, add_source

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("path, kind, name", [
    ("/feeds/atom.atom", "atom", "Test Atom"),
    ("/feeds/rss10.rdf", "rss", "Test RSS 1.0"),
    ("/feeds/feed.json", "jsonfeed", "Test JSON Feed 1.1"),
    ("/pages/fr-ecole.html", "page", "127.0.0.1"),
])
def test_it_adds_a_source_and_detects_its_kind(site, path, kind, name):
    data = json.loads(run("sources", "add", site.url(path), "--json"))
    assert (data["kind"], data["name"]) == (kind, name)
    assert Source.objects.get().kind == kind
    headers = site.seen[-1]["headers"]
    assert headers["User-Agent"].startswith("demain/")


def test_it_adds_a_source_without_reading_it_when_told_the_kind(site):
    run("sources", "add", site.url("/feeds/rss20.rss"), "--kind", "rss", "--name", "Wire", "--outlet", "Agence",
        "--weight", "2", "--language", "en")
    source = Source.objects.get()
    assert (source.name, source.outlet.name, source.weight, source.language) == ("Wire", "Agence", 2.0, "en")
    assert site.seen == []


@pytest.mark.parametrize("args, message", [
    (["ftp://example.org/feed"], "not an http"),
    (["{site}/feeds/malformed.rss"], "looks like a feed but cannot be read: malformed XML"),
    (["{site}/feeds/missing.rss"], "HTTP 404"),
    (["{site}/hostile/loop-a.html"], "redirect loop"),
])
def test_it_refuses_a_source_it_cannot_add(site, args, message):
    with pytest.raises(CommandError, match=message):
        run("sources", "add", *[arg.format(site=site.base_url) for arg in args])
    assert not Source.objects.exists()


def test_it_refuses_the_same_url_twice(site):
    add_source(site, "/feeds/rss20.rss")
    with pytest.raises(CommandError, match="already a source"):
        run("sources", "add", site.url("/feeds/rss20.rss"), "--kind", "rss")


def test_it_lists_the_sources(site):
    source = add_source(site, "/feeds/rss20.rss", name="Wire")
    Source.objects.filter(pk=source.pk).update(last_error="HTTP 500", failure_count=2)
    listed = json.loads(run("sources", "list", "--json"))
    assert [(s["name"], s["failure_count"], s["last_error"]) for s in listed] == [("Wire", 2, "HTTP 500")]
    assert "Wire" in run("sources", "list") and "erreur : HTTP 500" in run("sources", "list")


def test_it_exports_and_imports_opml_both_ways(site, tmp_path):
    add_source(site, "/feeds/rss20.rss", name="Wire EN", outlet="Agence")
    Source.objects.create(name="Page", url=site.url("/pages/fr-ecole.html"), kind="page", weight=0.5,
                          language="fr", active=False, outlet=Outlet.objects.get(name="Agence"))
    target = tmp_path / "sources.opml"
    run("sources", "export-opml", "-o", str(target))
    before = sorted(Source.objects.values_list("name", "url", "kind", "weight", "language", "active", "outlet__name"))
    Source.objects.all().delete()
    Outlet.objects.all().delete()
    result = json.loads(run("sources", "import-opml", str(target), "--json"))
    assert len(result["created"]) == 2 and result["skipped"] == []
    after = sorted(Source.objects.values_list("name", "url", "kind", "weight", "language", "active", "outlet__name"))
    assert after == before
    again = json.loads(run("sources", "import-opml", str(target), "--json"))
    assert again["created"] == [] and len(again["skipped"]) == 2
    assert run("sources", "export-opml").startswith("<?xml")


def test_it_imports_opml_from_a_url(site, tmp_path):
    (tmp_path / "list.opml").write_text(
        '<opml version="2.0"><body><outline text="T" type="rss" xmlUrl="{{BASE}}/feeds/rss20.rss"/></body></opml>')
    from demain.sources.sample.server import SampleServer

    with SampleServer(tmp_path) as other:
        from django.conf import settings
        settings.FETCH_ALLOWED_HOSTS = [*settings.FETCH_ALLOWED_HOSTS, other.host]
        run("sources", "import-opml", other.url("/list.opml"))
    assert Source.objects.get().url == other.url("/feeds/rss20.rss")


@pytest.mark.parametrize("content, message", [
    (b"<opml><body><outline", "malformed XML"),
    (b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "b">]><opml><body/></opml>', "refused"),
])
def test_it_refuses_a_bad_opml_file_and_adds_nothing(tmp_path, content, message):
    path = tmp_path / "bad.opml"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("sources", "import-opml", str(path))
    with pytest.raises(CommandError, match="No such file"):
        run("sources", "import-opml", str(tmp_path / "missing.opml"))
    assert not Source.objects.exists()


def test_it_ingests_and_prints_a_summary(site):
    add_source(site, "/feeds/rss20.rss", name="Wire")
    add_source(site, "/feeds/tdm.rss", name="Rules")
    add_source(site, "/feeds/bomb.rss", name="Bomb")
    data = json.loads(run("ingest", "--json"))
    grouped = {key: data.pop(key) for key in ("stories", "new_stories")}
    assert grouped == {"stories": 0, "new_stories": 0}  # the feeds' articles are older than the window
    assert data == {"sources": 3, "fetched": 2, "not_modified": 0, "new": 5, "updated": 0, "duplicates": 0,
                    "robots": 1, "throttled": 0, "forbidden": 0, "errors": 1, "skipped": 0}
    assert FetchLog.objects.filter(outcome="new").count() == 5
    text = run("ingest", "--force", "--source", "Wire")
    assert "sources lues : 1" in text and "inchangées (304) : 1" in text and "erreurs : 0" in text
    with pytest.raises(CommandError, match="no such source"):
        run("ingest", "--source", "Nope")


def test_it_groups_the_new_articles_into_stories_after_ingesting(site):
    from django.utils import timezone

    from demain.sources.models import Article
    from demain.stories.models import Story

    add_source(site, "/feeds/rss20.rss", name="Wire")
    run("ingest", "--no-stories")
    assert not Story.objects.exists()
    Article.objects.update(published_at=timezone.now())  # as if they had just been published
    data = json.loads(run("ingest", "--force", "--json"))
    assert data["new_stories"] == Story.objects.count() >= 1
    assert data["stories"] == Story.objects.filter(memberships__isnull=False).distinct().count()


def test_it_queues_one_task_per_due_source(site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    add_source(site, "/feeds/rss20.rss")
    assert json.loads(run("ingest", "--enqueue", "--json")) == {"enqueued": 1}
    assert Source.objects.get().last_success_at is not None  # the immediate backend ran the task
    assert json.loads(run("ingest", "--enqueue", "--json")) == {"enqueued": 0}  # not due any more
