"""Ingestion against the test site on a real local port, into the real database."""

from __future__ import annotations

import zlib
from datetime import timedelta

import pytest
from django.utils import timezone

from demain.sources.ingest import claim, ingest_source
from demain.sources.models import Article, ArticleRevision, FetchLog, Host, Sighting, Source, UrlThrottle
from demain.sources.sample.server import SampleServer
from tests.sources.conftest import SITE, add_source

pytestmark = pytest.mark.django_db
O = FetchLog.Outcome


def outcomes(source=None) -> list[tuple[str, str]]:
    logs = FetchLog.objects.order_by("pk")
    if source is not None:
        logs = logs.filter(source=source)
    return [(log.outcome, log.url.split("/", 3)[-1]) for log in logs]


@pytest.mark.parametrize("path, kind, version, titles", [
    ("/feeds/rss20.rss", "rss", "rss20", {"A new data centre opens near Lyon", "Chip exports face a new licence regime"}),
    ("/feeds/rss10.rdf", "rss", "rss10", {"L’école teste un assistant de lecture"}),
    ("/feeds/rss091.xml", "rss", "rss091u", {"Une jeune pousse lève 300 millions d'euros"}),
    ("/feeds/atom.atom", "atom", "atom10", {"Une jeune pousse lève 300 millions d'euros",
                                            "A new data centre opens near Lyon"}),
    ("/feeds/feed.json", "jsonfeed", "json11", {"L’école teste un assistant de lecture",
                                                "Chip exports face a new licence regime"}),
    ("/feeds/feed10.json", "jsonfeed", "json10", {"A new data centre opens near Lyon"}),
])
def test_it_ingests_each_feed_format(site, path, kind, version, titles):
    source = add_source(site, path, kind=Source.Kind.RSS)
    summary = ingest_source(source.pk)
    source.refresh_from_db()
    assert (source.kind, source.feed_version) == (kind, version)
    assert set(Article.objects.values_list("title", flat=True)) == titles
    assert summary.new == len(titles) and summary.errors == 0 and summary.fetched == 1
    article = Article.objects.first()
    assert article.text and article.content_hash and article.published_at is not None
    assert article.language in ("fr", "en")
    assert zlib.decompress(bytes(article.raw)) == article.raw_body()
    assert b"<article>" in article.raw_body()  # the response itself, decompressed, to redo any extraction
    assert source.failure_count == 0 and source.next_poll_at > timezone.now()


def test_it_asks_again_with_conditional_get_and_counts_not_modified(site):
    source = add_source(site, "/feeds/rss20.rss")
    ingest_source(source.pk)
    source.refresh_from_db()
    assert source.etag.startswith('"') and source.last_modified.endswith("GMT")
    # the feed's <ttl> (60 min) is longer than the floor (15) and the max-age (30): it wins
    assert timedelta(minutes=59) < source.next_poll_at - timezone.now() <= timedelta(minutes=60)
    assert ingest_source(source.pk).skipped == 1  # not due yet
    summary = ingest_source(source.pk, force=True)
    assert (summary.not_modified, summary.fetched, summary.new) == (1, 0, 0)
    feed_request = [hit for hit in site.seen if hit["path"] == "/feeds/rss20.rss"][-1]
    assert feed_request["headers"]["If-None-Match"] == source.etag
    assert Article.objects.count() == 2


def test_it_collapses_a_syndicated_copy_and_a_second_feed_into_sightings(site):
    rss = add_source(site, "/feeds/rss20.rss", outlet="Wire")
    atom = add_source(site, "/feeds/atom.atom", outlet="Other")
    ingest_source(rss.pk)
    summary = ingest_source(atom.pk)
    assert summary.new == 1 and summary.duplicates == 1  # fr-levee new; the syndicated copy is the same text
    original = Article.objects.get(title="A new data centre opens near Lyon")
    copy = original.sightings.get(url__endswith="syndicated-datacenter.html")
    assert copy.match == Sighting.Match.HASH and copy.source == atom
    json10 = add_source(site, "/feeds/feed10.json", outlet="Third")
    summary = ingest_source(json10.pk)
    assert summary.duplicates == 1 and summary.new == 0  # same URL: no second fetch of the page
    assert original.sightings.count() == 3
    assert Article.objects.count() == 3


@pytest.mark.postgres
def test_it_keeps_the_identity_and_the_old_version_when_a_page_changes(site, tmp_path):
    page = tmp_path / "pages" / "story.html"
    page.parent.mkdir()
    original = (SITE / "pages" / "en-chips.html").read_text()
    page.write_text(original)
    (tmp_path / "robots.txt").write_text("")
    with SampleServer(tmp_path) as other:
        site_settings_allow(other)
        source = add_source(other, "/pages/story.html", kind=Source.Kind.PAGE)
        assert ingest_source(source.pk).new == 1
        article = Article.objects.get()
        uid, first_hash = article.uid, article.content_hash
        edited = original.replace("Chip exports face a new licence regime", "Chip exports: the licence regime")
        page.write_text(edited.replace("forty countries", "forty-three countries"))
        summary = ingest_source(source.pk, force=True)
    assert summary.updated == 1
    article.refresh_from_db()
    assert article.uid == uid and article.title == "Chip exports: the licence regime"
    assert "forty-three countries" in article.text
    revision = ArticleRevision.objects.get(article=article)
    assert revision.title == "Chip exports face a new licence regime" and revision.content_hash == first_hash
    assert b"forty countries" in zlib.decompress(bytes(revision.raw))


def site_settings_allow(server):
    from django.conf import settings

    settings.FETCH_ALLOWED_HOSTS = [*settings.FETCH_ALLOWED_HOSTS, server.host]


def test_it_reads_robots_txt_first_and_records_the_refusal(site):
    source = add_source(site, "/feeds/tdm.rss")
    summary = ingest_source(source.pk)
    assert summary.robots == 1
    assert not [hit for hit in site.seen if hit["path"].startswith("/private/")]
    refused = FetchLog.objects.get(outcome=O.ROBOTS)
    assert refused.url.endswith("/private/secret.html") and "disallows /private/secret.html" in refused.error
    paths = [hit["path"] for hit in site.seen]
    assert paths.index("/robots.txt") < paths.index("/pages/reserved-meta.html")
    assert paths.count("/robots.txt") == 1  # cached per host
    assert Host.objects.get(name=site.host).robots_txt.startswith("User-agent")


def test_it_records_the_tdm_reservation_from_header_meta_and_tdmrep_json(site):
    ingest_source(add_source(site, "/feeds/tdm.rss").pk)
    found = {a.url.rsplit("/", 1)[-1]: (a.tdm_reserved, a.tdm_source) for a in Article.objects.all()}
    assert found == {"reserved-meta.html": (True, "meta"), "reserved-header.html": (True, "header"),
                     "article.html": (True, "tdmrep.json")}
    assert Article.objects.get(tdm_source="tdmrep.json").tdm_policy == site.url("/policy.json")
    ingest_source(add_source(site, "/feeds/rss20.rss").pk)
    open_article = Article.objects.get(title="A new data centre opens near Lyon")
    assert (open_article.tdm_reserved, open_article.tdm_source) == (False, "tdmrep.json")  # "/pages/*": 0


@pytest.mark.postgres
def test_it_records_each_hostile_page_and_goes_on_with_the_batch(site):
    source = add_source(site, "/feeds/hostile.rss")
    summary = ingest_source(source.pk)
    errors = {log.url.rsplit("/", 1)[-1]: log.error for log in FetchLog.objects.filter(outcome__in=[O.ERROR, O.FORBIDDEN])}
    assert set(errors) == {"never-answers.html", "loop-a.html", "binary.html", "giant.html", "empty.html",
                           "forbidden.html"}
    assert errors["never-answers.html"].startswith("timeout")
    assert errors["loop-a.html"].startswith("redirect_loop")
    assert "binary content" in errors["binary.html"]
    assert errors["giant.html"].startswith("too_large")
    assert "empty page" in errors["empty.html"]
    assert "403" in errors["forbidden.html"] and "not evaded" in errors["forbidden.html"]
    assert summary.errors == 5 and summary.forbidden == 1 and summary.new == 1
    assert Article.objects.get().title == "L’école teste un assistant de lecture"  # the good page after them
    assert [hit["path"] for hit in site.seen].count("/hostile/forbidden.html") == 1  # a 403 is not retried
    source.refresh_from_db()
    assert source.failure_count == 0  # the feed itself was fine


@pytest.mark.parametrize("path, message", [
    ("/feeds/malformed.rss", "feed: malformed XML: mismatched tag"),
    ("/feeds/bomb.rss", "feed: refused: the document declares XML entities"),
    ("/feeds/missing.rss", "HTTP 404"),
])
def test_it_records_a_broken_feed_and_backs_off_exponentially(site, path, message):
    source = add_source(site, path)
    before = timezone.now()
    assert ingest_source(source.pk).errors == 1
    source.refresh_from_db()
    assert source.failure_count == 1 and source.last_error.startswith(message)
    assert timedelta(minutes=14) < source.next_poll_at - before <= timedelta(minutes=16)
    ingest_source(source.pk, force=True)
    source.refresh_from_db()
    assert source.failure_count == 2
    assert timedelta(minutes=29) < source.next_poll_at - timezone.now() <= timedelta(minutes=30)
    assert Article.objects.count() == 0
    assert FetchLog.objects.filter(source=source, outcome=O.ERROR).count() == 2


def test_it_refuses_a_loopback_source_unless_allowed(fetch_settings):
    with SampleServer(SITE) as server:  # not in FETCH_ALLOWED_HOSTS
        source = add_source(server, "/feeds/rss20.rss")
        summary = ingest_source(source.pk)
        assert server.seen == []
    source.refresh_from_db()
    assert summary.errors == 1 and source.last_error.startswith("refused_address")
    assert "FETCH_ALLOWED_HOSTS" in source.last_error


def test_it_records_a_403_feed_and_does_not_evade_it(site):
    source = add_source(site, "/hostile/forbidden.html")
    assert ingest_source(source.pk).forbidden == 1
    source.refresh_from_db()
    assert source.last_status == 403 and "not evaded" in source.last_error and source.failure_count == 1
    assert FetchLog.objects.get(source=source).outcome == FetchLog.Outcome.FORBIDDEN
    headers = [hit["headers"] for hit in site.seen if hit["path"] == "/hostile/forbidden.html"]
    assert len(headers) == 1 and headers[0]["User-Agent"].startswith("demain/")


@pytest.mark.postgres
def test_it_lets_one_worker_only_claim_a_source(site):
    source = add_source(site, "/feeds/rss20.rss")
    assert claim(source.pk, "worker-a")
    assert not claim(source.pk, "worker-b")
    assert ingest_source(source.pk, worker="worker-b").skipped == 1
    Source.objects.filter(pk=source.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert claim(source.pk, "worker-b")  # a dead worker's lease runs out


def refuse_with(status: int, retry_after: str):
    def route(handler):
        handler.send_plain(status, "slow down", {"Retry-After": retry_after})
    return route


@pytest.mark.postgres
def test_it_applies_retry_after_to_the_url_first_then_to_the_host(fetch_settings):
    routes = {"/a.rss": refuse_with(429, "3600"), "/b.rss": refuse_with(503, "Wed, 21 Oct 2099 07:28:00 GMT")}
    with SampleServer(SITE, routes=routes) as server:
        fetch_settings.FETCH_ALLOWED_HOSTS = [server.host]
        fetch_settings.FETCH_HOST_REFUSALS = 2
        a, b = add_source(server, "/a.rss"), add_source(server, "/b.rss")
        good = add_source(server, "/feeds/rss20.rss")
        assert ingest_source(a.pk).throttled == 1
        a.refresh_from_db()
        assert timedelta(minutes=59) < a.next_poll_at - timezone.now() <= timedelta(hours=1)
        assert a.failure_count == 0 and "Retry-After 3600" in a.last_error
        # the URL waits; the host does not: another URL of it is still read
        assert ingest_source(a.pk, force=True).throttled == 1
        assert [hit["path"] for hit in server.seen].count("/a.rss") == 1
        assert ingest_source(good.pk).fetched == 1
        host = Host.objects.get(name=server.host)
        assert host.blocked_until is None
        # a second URL refused: now the whole host waits, until the latest Retry-After
        ingest_source(b.pk)
        host.refresh_from_db()
        assert host.blocked_until.year == 2099 and "2 URLs refused" in host.blocked_reason
        seen = len(server.seen)
        summary = ingest_source(good.pk, force=True)
        assert summary.throttled == 1 and len(server.seen) == seen  # nothing sent to the paused host
        assert UrlThrottle.objects.count() == 2
        good.refresh_from_db()
        assert good.next_poll_at.year == 2099


def test_it_waits_between_two_requests_to_one_host(site, fetch_settings):
    fetch_settings.FETCH_HOST_DELAY = 0.3
    ingest_source(add_source(site, "/feeds/rss20.rss").pk)  # feed, robots.txt, page, tdmrep.json, page
    assert len(site.seen) == 5
    host = Host.objects.get(name=site.host)
    assert host.busy_until is None and host.next_request_at > timezone.now() - timedelta(seconds=1)
    times = [hit["at"] for hit in site.seen]
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    assert min(gaps) >= 0.3, gaps


def test_it_reads_the_whole_feed_again_when_a_page_was_deferred(fetch_settings):
    calls = []

    def busy_once(handler):
        calls.append(1)
        if len(calls) == 1:
            handler.send_plain(503, "busy", {"Retry-After": "0"})
        else:
            handler.serve_file("/pages/en-datacenter.html")

    with SampleServer(SITE, routes={"/pages/en-datacenter.html": busy_once}) as server:
        fetch_settings.FETCH_ALLOWED_HOSTS = [server.host]
        source = add_source(server, "/feeds/rss20.rss")
        first = ingest_source(source.pk)
        assert (first.throttled, first.new) == (1, 1)
        source.refresh_from_db()
        assert source.etag == ""  # not kept: a 304 next time would hide the deferred page
        second = ingest_source(source.pk, force=True)
    assert second.fetched == 1 and second.not_modified == 0 and second.new == 1  # the deferred page, read now
    assert len(calls) == 2 and Article.objects.count() == 2
    source.refresh_from_db()
    assert source.etag.startswith('"')  # every entry dealt with: validators kept


@pytest.mark.postgres
def test_it_folds_near_duplicates_two_workers_stored_at_once(fetch_settings, tmp_path, monkeypatch):
    from demain.sources import duplicates, ingest

    original = (SITE / "pages" / "en-datacenter.html").read_text()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(original)
    (tmp_path / "pages" / "b.html").write_text(original.replace("</article>", "<p>Distributed by Wire.</p></article>"))
    with SampleServer(tmp_path) as server:
        fetch_settings.FETCH_ALLOWED_HOSTS = [server.host]
        ingest_source(add_source(server, "/pages/a.html", kind=Source.Kind.PAGE).pk)
        kept = Article.objects.get()
        real = duplicates.near_duplicate
        calls = []

        def not_visible_yet(text, language, exclude=None):  # the other worker had not committed yet
            calls.append(exclude)
            return None if len(calls) == 1 else real(text, language, exclude=exclude)

        monkeypatch.setattr(ingest.duplicates, "near_duplicate", not_visible_yet)
        summary = ingest_source(add_source(server, "/pages/b.html", kind=Source.Kind.PAGE).pk)
    assert len(calls) == 2 and calls[1] is not None  # the second look, once stored, excludes itself
    assert Article.objects.get() == kept  # the older article stays
    copy = kept.sightings.get(url__endswith="/pages/b.html")
    assert copy.match == Sighting.Match.NEAR and copy.similarity > 0.5
    assert (summary.new, summary.duplicates) == (0, 1)


def test_it_indexes_an_article_committed_after_a_higher_key(fetch_settings):
    """On PostgreSQL a lower key may commit after a higher one: catching up must not skip it."""
    from demain.sources.duplicates import RecentArticles
    from demain.sources.models import Outlet

    outlet = Outlet.objects.create(name="Wire")
    text = (SITE / "pages" / "en-datacenter.html").read_text()
    body = " ".join(text.split())  # any long text will do
    index = RecentArticles()

    def article(pk: int, words: str) -> Article:
        return Article.objects.create(pk=pk, outlet=outlet, canonical_url=f"https://wire.example/{pk}",
                                      url=f"https://wire.example/{pk}", text=words, content_hash=str(pk))

    article(50, "an unrelated article about farming robots and the price of tractors " * 20)
    assert index.match(body, "en") is None  # caught up: key 50 seen
    article(40, body)  # a lower key, committed later
    assert index.match(body, "en") is not None and index.match(body, "en")[0] == 40
