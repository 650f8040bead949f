"""The shipped sample corpus, served locally, ingested through the commands and the task workers."""

from __future__ import annotations

import csv
import json
import os
import subprocess

import pytest
from django.conf import settings
from django.db.models import F
from django_tasks_db.models import DBTaskResult

from demain.sources.models import Article, FetchLog, Sighting, Source
from demain.sources.sample.server import SAMPLE_DIR, SampleServer
from tests.sources.conftest import run
from tests.conftest import ROOT
from tests.delivery_helpers import database_url

O = FetchLog.Outcome
HOSTILE_ERRORS = 7  # five hostile pages (the sixth is a 403, counted apart), the malformed feed, the entity bomb


@pytest.fixture
def corpus(fetch_settings):
    with SampleServer(SAMPLE_DIR) as server:
        fetch_settings.FETCH_ALLOWED_HOSTS = [server.host]
        yield server


def import_corpus(corpus) -> None:
    run("sources", "import-opml", corpus.url("/sources.opml"))
    run("sources", "import-opml", corpus.url("/hostile.opml"))


SYNDICATED = [  # (original, syndicated copy with a credit line): near-duplicates, one article
    ("harbor-wire--us-export-rule-ai-accelerators.html", "northbridge--us-export-rule-ai-accelerators.html"),
    ("anf--editeurs-assignent-orlo-labs.html", "echo-tech--editeurs-assignent-orlo-labs.html"),
    ("harbor-wire--brume-ai-releases-model.html", "daily-compute--brume-ai-releases-model.html"),
]


def assert_nothing_lost() -> None:
    """Every labelled page is an article or a sighting of one; only syndicated copies collapse."""
    with open(SAMPLE_DIR / "labels.csv", newline="", encoding="utf-8") as handle:
        story = {row["file"]: row["story"] for row in csv.DictReader(handle)}
    article_of = {url.rsplit("/", 1)[-1]: article for url, article in
                  Sighting.objects.filter(url__contains="/pages/").values_list("url", "article")}
    assert set(story) <= set(article_of)
    for original, copy in SYNDICATED:
        assert article_of[original] == article_of[copy]
    assert Article.objects.count() == len(story) - len(SYNDICATED)
    for article in Article.objects.all():
        pages = [url.rsplit("/", 1)[-1] for url in article.sightings.values_list("url", flat=True)]
        assert len({story[page] for page in pages if page in story}) == 1, pages  # no two stories merged
    near = {url.rsplit("/", 1)[-1] for url in Sighting.objects.filter(match=Sighting.Match.NEAR)
            .values_list("url", flat=True)}
    assert len(near) == len(SYNDICATED) and near <= {page for pair in SYNDICATED for page in pair}
    assert set(Article.objects.filter(tdm_reserved=True).values_list("tdm_source", flat=True)) == {"header",
                                                                                                   "tdmrep.json"}
    assert not Article.objects.filter(url__contains="/private/").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_ingests_the_sample_corpus_with_demain_ingest(corpus):
    import_corpus(corpus)
    assert Source.objects.count() == 15
    first = json.loads(run("ingest", "--json"))
    assert first["sources"] == 15 and first["fetched"] >= 12 and first["robots"] == 1
    assert first["errors"] == HOSTILE_ERRORS and first["forbidden"] == 1
    assert first["new"] == Article.objects.count() and first["duplicates"] >= 1
    assert_nothing_lost()
    again = json.loads(run("ingest", "--force", "--json"))
    assert again["not_modified"] == 12 and again["new"] == 0  # 11 feeds and the page answer 304
    # the hostile feed is read in full again (a page timed out, so its validators were not kept),
    # and the broken feeds are read again, and refused again
    assert again["fetched"] == 1 and again["errors"] == HOSTILE_ERRORS
    assert Article.objects.count() == first["new"]
    assert not [hit for hit in corpus.seen if "?" in hit["path"]]  # no cache-busting query string
    text = run("ingest", "--force")
    assert "inchangées (304) : 12" in text and "refusées par robots.txt" in text


def worker_env(server) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url(), "SECRET_KEY": settings.SECRET_KEY, "VAR_DIR": str(settings.VAR_DIR),
                "FETCH_ALLOWED_HOSTS": server.host, "FETCH_HOST_DELAY": "0", "FETCH_READ_TIMEOUT": "1",
                "FETCH_TOTAL_TIMEOUT": "5", "FETCH_CONNECT_TIMEOUT": "2"})
    return env


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_shares_the_sources_between_db_workers(corpus, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    import_corpus(corpus)
    assert json.loads(run("ingest", "--enqueue", "--json")) == {"enqueued": 15}
    run("ingest", "--enqueue")  # every source queued twice: claims keep each read single
    workers = [subprocess.Popen([str(ROOT / ".venv" / "bin" / "demain"), "db_worker", "--batch",
                                 "--no-startup-delay", "--worker-id", f"ingest-{n}"],
                                env=worker_env(corpus), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for n in range(2)]
    for worker in workers:
        _, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err.decode()[-2000:]
    results = DBTaskResult.objects.all()
    failed = [r.traceback for r in results if r.status != "SUCCESSFUL"]
    assert results.count() == 30 and failed == []
    summaries = [r.return_value for r in results]
    assert sum(s["sources"] for s in summaries) == 15 and sum(s["skipped"] for s in summaries) == 15
    feed_reads = FetchLog.objects.filter(url=F("source__url")).values_list("url", flat=True)
    assert sorted(feed_reads) == sorted(Source.objects.values_list("url", flat=True))  # each source read once
    assert_nothing_lost()
