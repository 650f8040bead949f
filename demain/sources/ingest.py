"""Ingestion, chained in one place: fetch → parse → extract → recognise → store.

``ingest_source`` is what a task, the ``demain ingest`` command and the tests call.
A worker first claims the source with a conditional UPDATE (``claimed_until`` in the
past), so two workers never read one source at once. A failure of the feed itself
backs the source off exponentially; a failure of one article is recorded in the
FetchLog and the rest of the feed goes on.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta, timezone as dt_timezone

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from demain.lib.extract import ExtractionError, extract
from demain.lib.feeds import Entry, FeedError, parse_feed
from demain.lib.fetch import http, policy
from demain.lib.fetch.charset import decode
from demain.lib.fetch.htmlmeta import page_meta
from demain.lib.fetch.tdm import tdm_status
from demain.sources import duplicates
from demain.sources.fetcher import Deferred, PoliteFetcher, poll_floor
from demain.sources.models import Article, ArticleRevision, FetchLog, Sighting, Source

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
O = FetchLog.Outcome
ENTRY_BATCH = 50  # a feed's entries are looked up in the database this many at a time
LOG_BATCH = 100  # fetch log rows written at once


@dataclass
class Summary:
    sources: int = 0
    fetched: int = 0
    not_modified: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    robots: int = 0
    throttled: int = 0
    forbidden: int = 0  # 401/403/451: the publisher refuses us; recorded and reported, never evaded
    errors: int = 0
    skipped: int = 0  # sources another worker held

    def add(self, other: "Summary") -> "Summary":
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
        return self

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def due_sources(now: datetime | None = None, force: bool = False):
    now = now or timezone.now()
    sources = Source.objects.filter(active=True)
    if not force:
        sources = sources.filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    return sources.order_by("next_poll_at", "pk")


def claim(source_id: int, worker: str, force: bool = False) -> bool:
    """Take the source for this worker, or return False when another holds it (or it is not due)."""
    now = timezone.now()
    lease = timedelta(minutes=30)
    candidates = Source.objects.filter(pk=source_id, active=True).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    if not force:
        candidates = candidates.filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    return candidates.update(claimed_until=now + lease, claimed_by=worker) == 1


def ingest_source(source_id: int, worker: str | None = None, force: bool = False,
                  fetcher: PoliteFetcher | None = None) -> Summary:
    worker = worker or worker_name()
    if not claim(source_id, worker, force):
        return Summary(skipped=1)
    source = Source.objects.select_related("outlet").get(pk=source_id)
    own = fetcher is None
    fetcher = fetcher or PoliteFetcher(worker)
    try:
        run = Ingestion(source, fetcher, worker)
        run.run()
        return run.summary
    finally:
        if own:
            fetcher.close()
        Source.objects.filter(pk=source_id, claimed_by=worker).update(claimed_until=None, claimed_by="")


class Ingestion:
    """One read of one source."""

    def __init__(self, source: Source, fetcher: PoliteFetcher, worker: str):
        self.source = source
        self.fetcher = fetcher
        self.worker = worker
        self.summary = Summary(sources=1)
        self.deferred_until: datetime | None = None
        self.incomplete = False  # an entry hit a temporary failure: read the whole feed again next time
        self.logs: list[FetchLog] = []
        self.known: dict[str, Article | None] = {}  # entry URL → its stored article, read ahead per batch
        self.seen: dict[str, Article] = {}  # canonical key or sighting URL → article, stored by this run

    def flush_logs(self) -> None:
        logs, self.logs = self.logs, []
        if logs:
            FetchLog.objects.bulk_create(logs)

    # --- bookkeeping -----------------------------------------------------------------
    def log(self, url: str, outcome: str, response: http.Response | None = None, error: str = "",
            started: float | None = None) -> None:
        """Count the outcome now; the log rows are written in batches (flush_logs), LOG_BATCH at a time
        and at the end of the run, whatever happens."""
        self.logs.append(FetchLog(
            source=self.source, url=url[:2000], outcome=outcome, error=error,
            status=response.status if response is not None else None,
            size=len(response.body) if response is not None else 0,
            duration_ms=int((time.monotonic() - started) * 1000) if started else 0, worker=self.worker))
        if len(self.logs) >= LOG_BATCH:
            self.flush_logs()
        counter = {O.FETCHED: "fetched", O.NOT_MODIFIED: "not_modified", O.NEW: "new", O.UPDATED: "updated",
                   O.DUPLICATE: "duplicates", O.ROBOTS: "robots", O.THROTTLED: "throttled",
                   O.FORBIDDEN: "forbidden", O.ERROR: "errors"}[outcome]
        setattr(self.summary, counter, getattr(self.summary, counter) + 1)

    def succeed(self, response: http.Response, interval: timedelta) -> None:
        now = timezone.now()
        Source.objects.filter(pk=self.source.pk).update(
            failure_count=0, last_error="", last_status=response.status, last_fetched_at=now,
            last_success_at=now, next_poll_at=now + interval)

    def fail(self, error: str, status: int | None = None, until: datetime | None = None) -> None:
        """The source itself failed: record it and back off (floor × 2^(failures-1), or Retry-After)."""
        now = timezone.now()
        failures = self.source.failure_count + 1
        next_poll = max(now + policy.backoff(failures, poll_floor()), until or now)
        Source.objects.filter(pk=self.source.pk).update(
            failure_count=failures, last_error=error[:5000], last_status=status, last_fetched_at=now,
            next_poll_at=next_poll)

    def defer(self, until: datetime, reason: str, status: int | None = None) -> None:
        Source.objects.filter(pk=self.source.pk).update(
            last_error=reason, last_status=status, last_fetched_at=timezone.now(), next_poll_at=until)

    # --- one request, its refusals classified --------------------------------------------
    def request(self, url: str, **kwargs) -> tuple[http.Response | None, str, str]:
        """(response, outcome, error): outcome is "" when the caller should go on with a 2xx/304."""
        started = time.monotonic()
        try:
            response = self.fetcher.get(url, **kwargs)
        except Deferred as deferred:
            self.deferred_until = deferred.until
            self.incomplete = True
            self.log(url, O.THROTTLED, error=str(deferred), started=started)
            return None, O.THROTTLED, str(deferred)
        except http.FetchError as error:
            self.incomplete = self.incomplete or error.kind in ("timeout", "network")
            self.log(url, O.ERROR, error=f"{error.kind}: {error}", started=started)
            return None, O.ERROR, f"{error.kind}: {error}"
        if response.status == 304 or response.ok:
            return response, "", ""
        if response.status in (429, 503) or response.status >= 500:
            self.incomplete = True
        if response.status in (429, 503):
            message = f"HTTP {response.status}, Retry-After {response.headers.get('retry-after', 'absent')}"
            self.log(url, O.THROTTLED, response, message, started)
            return response, O.THROTTLED, message
        if response.status in (401, 403, 451):
            message = f"HTTP {response.status}: the publisher refuses us; recorded, not evaded"
            self.log(url, O.FORBIDDEN, response, message, started)
            return response, O.FORBIDDEN, message
        message = f"HTTP {response.status}"
        self.log(url, O.ERROR, response, message, started)
        return response, O.ERROR, message

    # --- the source ------------------------------------------------------------------
    def run(self) -> None:
        try:
            if self.source.kind == Source.Kind.PAGE:
                self.run_page()
            else:
                self.run_feed()
        finally:
            self.flush_logs()

    def source_refused(self, response, outcome: str, error: str) -> None:
        if outcome == O.THROTTLED:
            until = self.deferred_until
            if response is not None:
                until = policy.retry_after(response.headers.get("retry-after"), timezone.now())
            until = until or timezone.now() + poll_floor()
            self.defer(until, error, response.status if response is not None else None)
        else:
            self.fail(error, response.status if response is not None else None)

    def run_feed(self) -> None:
        source = self.source
        started = time.monotonic()
        response, outcome, error = self.request(source.url, etag=source.etag or None,
                                                last_modified=source.last_modified or None, accept=FEED_ACCEPT)
        if outcome:
            self.source_refused(response, outcome, error)
            return
        now = timezone.now()
        if response.not_modified:
            self.log(source.url, O.NOT_MODIFIED, response, started=started)
            self.succeed(response, policy.poll_interval(response.headers, None, poll_floor(), now))
            return
        try:
            feed = parse_feed(response.body, response.content_type)
        except FeedError as failure:
            self.log(source.url, O.ERROR, response, f"feed: {failure}", started)
            self.fail(f"feed: {failure}", response.status)
            return
        self.log(source.url, O.FETCHED, response, started=started)
        Source.objects.filter(pk=source.pk).update(feed_version=feed.version, kind=feed.kind)
        for start in range(0, len(feed.entries), ENTRY_BATCH):
            batch = feed.entries[start:start + ENTRY_BATCH]
            self.read_ahead(batch)
            for entry in batch:
                self.entry(entry)
        # The validators are kept only once every entry was dealt with: a page deferred by
        # Retry-After or a timeout must not hide behind a 304 next time.
        complete = not self.incomplete
        Source.objects.filter(pk=source.pk).update(
            etag=response.headers.get("etag", "") if complete else "",
            last_modified=response.headers.get("last-modified", "") if complete else "")
        self.succeed(response, policy.poll_interval(response.headers, feed.ttl, poll_floor(), now))

    def run_page(self) -> None:
        source = self.source
        allowed, reason = self.fetcher.allowed(source.url)
        if not allowed:
            self.log(source.url, O.ROBOTS, error=reason)
            self.fail(reason)
            return
        response, outcome, error = self.request(source.url, etag=source.etag or None,
                                                last_modified=source.last_modified or None, accept=PAGE_ACCEPT)
        if outcome:
            self.source_refused(response, outcome, error)
            return
        interval = policy.poll_interval(response.headers, None, poll_floor(), timezone.now())
        if response.not_modified:
            self.log(source.url, O.NOT_MODIFIED, response)
            self.succeed(response, interval)
            return
        Source.objects.filter(pk=source.pk).update(etag=response.headers.get("etag", ""),
                                                   last_modified=response.headers.get("last-modified", ""))
        stored = self.guarded(source.url, lambda: self.store_page(response, source.url, None))
        if stored:
            self.succeed(response, interval)
        else:
            self.fail(self.last_error or "page not stored", response.status)

    # --- one article -----------------------------------------------------------------
    last_error = ""

    def guarded(self, url: str, work) -> bool:
        """Run one article's work; a failure is logged with its reason, not raised, and the batch goes on.

        No transaction spans a network request: the writes of one article are one atomic block
        (store_page), so a worker never holds the database (SQLite's write lock, PostgreSQL row
        locks on the host) while it waits for a publisher.
        """
        try:
            work()
            return True
        except ExtractionError as error:
            self.last_error = f"extraction: {error}"
        except duplicates.InvalidURL as error:
            self.last_error = f"invalid URL: {error}"
        except duplicates.EmptyText:
            self.last_error = "extraction: the article has no words"
        except Exception as error:  # one broken article must not stop the batch; the reason is kept
            self.last_error = f"{type(error).__name__}: {error}"
        self.log(url, O.ERROR, error=self.last_error)
        return False

    def read_ahead(self, entries: list[Entry]) -> None:
        """What the batch's entries already are, in three queries for the batch instead of three per entry:
        their articles by canonical URL, else by a sighting of the URL (a copy of another article), and
        the URLs' throttles."""
        keys = {}
        for entry in entries:
            try:
                keys[entry.url] = duplicates.canonical_key(entry.url)
            except duplicates.InvalidURL:
                continue  # the entry's own work reports it
        fields = ("id", "fetched_at")
        by_key = {a.canonical_url: a for a in Article.objects.filter(canonical_url__in=set(keys.values()))
                  .only(*fields, "canonical_url").order_by()}
        urls = [entry.url[:2000] for entry in entries]
        by_url = {}
        for sighting in Sighting.objects.filter(url__in=urls).select_related("article").only(
                "url", *(f"article__{name}" for name in fields)).order_by("seen_at", "pk"):
            by_url.setdefault(sighting.url, sighting.article)
        self.known = {url: by_key.get(key) or by_url.get(url[:2000]) for url, key in keys.items()}
        self.fetcher.prefetch_throttles([entry.url for entry in entries])

    def entry(self, entry: Entry) -> None:
        def work():
            key = duplicates.canonical_key(entry.url)
            if entry.url in self.known:  # read ahead; or stored by this run since
                article = self.known.pop(entry.url) or self.seen.get(key) or self.seen.get(entry.url[:2000])
            else:
                article = Article.objects.filter(canonical_url=key).first()
                if article is None:  # a page already seen as a copy of another article
                    sighting = Sighting.objects.filter(url=entry.url[:2000]).select_related("article").first()
                    article = sighting.article if sighting is not None else None
            if article is not None:
                changed = entry.updated and article.fetched_at and entry.updated > article.fetched_at
                if not changed:
                    self.sight(article, entry.url, entry.title, Sighting.Match.URL, log_duplicate=True)
                    return
            allowed, reason = self.fetcher.allowed(entry.url)
            if not allowed:
                self.log(entry.url, O.ROBOTS, error=reason)
                return
            response, outcome, _ = self.request(entry.url, accept=PAGE_ACCEPT)
            if outcome:
                return
            self.store_page(response, entry.url, entry)

        self.guarded(entry.url, work)

    def sight(self, article: Article, url: str, title: str, match: str, similarity: float | None = None,
              log_duplicate: bool = False, response: http.Response | None = None) -> bool:
        """Record where the article was seen; True when this source/URL is new for it."""
        _, created = Sighting.objects.get_or_create(
            article=article, source=self.source, url=url[:2000],
            defaults={"title": title or "", "match": match, "similarity": similarity})
        self.seen[url[:2000]] = article
        if created and (log_duplicate or response is not None):
            self.log(url, O.DUPLICATE, response)
        return created

    def store_page(self, response: http.Response, link: str, entry: Entry | None) -> None:
        text, charset = http_text(response)
        meta = page_meta(text, response.url)
        canonical = duplicates.trusted_canonical(response.url, meta.canonical)
        key = duplicates.canonical_key(canonical)
        extraction = extract(text, url=response.url)
        tdm = tdm_status(response.url, response.headers, meta.meta, self.fetcher.tdm_rules(response.url))
        digest = duplicates.content_hash(extraction.text)
        language = (extraction.language or meta.language or self.source.language or "")[:10]
        values = {
            "title": (extraction.title or (entry.title if entry else "") or "").strip(),
            "text": extraction.text, "author": (extraction.author or (entry.author if entry else ""))[:500],
            "published_at": (entry.published if entry and entry.published else parse_day(extraction.date)),
            "language": language, "content_hash": digest, "tdm_reserved": tdm.reserved,
            "tdm_source": tdm.source, "tdm_policy": tdm.policy[:2000],
            "raw": Article.compress(response.body), "raw_content_type": response.content_type[:200],
            "raw_charset": charset, "raw_size": len(response.body), "url": response.url[:2000],
        }
        near = duplicates.near_duplicate(extraction.text, language)  # CPU and reads: outside the transaction
        with transaction.atomic():
            created = self.save_page(key, link, values, near, response)
        if created is not None:
            self.reconcile(created)

    def reconcile(self, article: Article) -> None:
        """Two workers may store two near-duplicates at the same moment, each before seeing the other.

        Once an article is committed, look again: a near-duplicate found now is folded into one
        article, always the older (lower id), whichever worker notices first.
        """
        found = duplicates.near_duplicate(article.text, article.language, exclude=article.pk)
        if found is None:
            return
        keep, fold = sorted([article.pk, found[0]])
        with transaction.atomic():
            folded = Article.objects.select_for_update().filter(pk=fold).first()
            if folded is None:
                return
            for sighting in Sighting.objects.filter(article_id=fold):
                if Sighting.objects.filter(article_id=keep, source_id=sighting.source_id, url=sighting.url).exists():
                    sighting.delete()
                else:
                    Sighting.objects.filter(pk=sighting.pk).update(article_id=keep, match=Sighting.Match.NEAR,
                                                                   similarity=found[1])
            folded_url = folded.url
            folded.delete()
        duplicates.forget(fold)
        self.seen = {key: kept for key, kept in self.seen.items() if kept.pk != fold}
        self.log(folded_url, O.DUPLICATE)
        if fold == article.pk:
            self.summary.new -= 1

    def save_page(self, key: str, link: str, values: dict, near: tuple[int, float] | None,
                  response: http.Response) -> Article | None:
        """Store the page as an article or a sighting; the article when a new one was created."""
        now = timezone.now()
        found = list(Article.objects.filter(Q(canonical_url=key) | Q(content_hash=values["content_hash"]))
                     .order_by("pk"))  # one query for both: the same URL, else the same text
        existing = next((a for a in found if a.canonical_url == key), None)
        if existing is not None:
            self.update(existing, values, now, response)
            self.sight(existing, link, values["title"], Sighting.Match.URL)
            return
        same_text = found[0] if found else None
        if same_text is not None:
            self.sight(same_text, link, values["title"], Sighting.Match.HASH, 1.0, response=response)
            return
        if near is not None:
            article = Article.objects.filter(pk=near[0]).first()
            if article is not None:
                self.sight(article, link, values["title"], Sighting.Match.NEAR, near[1], response=response)
                return
        article = Article.objects.create(canonical_url=key, outlet=self.source.outlet, fetched_at=now,
                                         updated_at=now, first_seen_at=now, **values)
        Sighting.objects.create(article=article, source=self.source, url=link[:2000], title=values["title"],
                                match=Sighting.Match.NEW, seen_at=now)
        self.seen[key] = self.seen[link[:2000]] = article
        self.log(link, O.NEW, response)
        transaction.on_commit(lambda: duplicates.stored(article.pk, article.text, article.language))
        return article

    def update(self, article: Article, values: dict, now: datetime, response: http.Response) -> None:
        """Keep the article's identity; when its title or text changed, the old version becomes a revision."""
        if article.content_hash == values["content_hash"] and article.title == values["title"]:
            Article.objects.filter(pk=article.pk).update(fetched_at=now, tdm_reserved=values["tdm_reserved"],
                                                         tdm_source=values["tdm_source"],
                                                         tdm_policy=values["tdm_policy"])
            self.log(article.url, O.FETCHED, response)
            return
        ArticleRevision.objects.create(
            article=article, title=article.title, text=article.text, author=article.author,
            published_at=article.published_at, content_hash=article.content_hash, raw=article.raw,
            fetched_at=article.fetched_at, replaced_at=now)
        for name, value in values.items():
            setattr(article, name, value)
        article.fetched_at = article.updated_at = now
        article.save()
        self.log(article.url, O.UPDATED, response)


def http_text(response: http.Response) -> tuple[str, str]:
    """The page as text, refusing bodies that are not text (NUL bytes, a binary content type)."""
    kind = response.content_type.split(";", 1)[0].strip().lower()
    if b"\x00" in response.body[:4096] or (kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind)):
        raise ExtractionError(f"binary content ({kind or 'no content type'}), not an HTML page")
    return decode(response.body, response.content_type)


def parse_day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, 12, tzinfo=dt_timezone.utc)
