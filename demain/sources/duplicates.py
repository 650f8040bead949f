"""How a fetched page is recognised as an article already stored.

In order: the same canonical URL (demain.lib.dedupe.normalize_url), the same text
(demain.lib.dedupe.content_hash), then a near duplicate (MinHash LSH,
demain.lib.dedupe.NearDuplicateIndex) among the articles of the last
NEAR_WINDOW_DAYS. The near-duplicate step is a hook, a small protocol, so
another index can replace or join the default one:

    class MyIndex:
        def match(self, text: str, language: str, exclude: int | None = None) -> tuple[int, float] | None: ...
            # (article id, similarity), never the article ``exclude``
        def add(self, article_id: int, text: str, language: str) -> None: ...

    duplicates.register(MyIndex())

``match`` is asked before a new article is stored; ``add`` is told once it is.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, insort
from datetime import timedelta
from typing import Protocol
from urllib.parse import urlsplit

from django.utils import timezone

from demain.lib.dedupe import EmptyText, InvalidURL, NearDuplicateIndex, content_hash, normalize_url, signature
from demain.lib.fetch.netguard import host_key

NEAR_WINDOW_DAYS = 30


class NearDuplicates(Protocol):
    def match(self, text: str, language: str, exclude: int | None = None) -> tuple[int, float] | None: ...

    def add(self, article_id: int, text: str, language: str) -> None: ...


class RecentArticles:
    """MinHash LSH over the recent articles, kept in memory and caught up from the database.

    Every worker process has its own copy; before each match it indexes the articles other
    workers stored since. Primary keys are handed out at insert and committed in another order
    (on PostgreSQL a lower key may commit after a higher one), so catching up goes by the time the
    article was first seen: it counts the articles first seen in the last CATCH_UP_SLACK (one
    aggregate query, which also gives the newest key) and compares with the keys it holds for that
    span. Only when the newest key moved does it read the new rows, and only when the counts still
    differ does it list the span's keys, indexing those it lacks and dropping those gone (folded
    by another worker). One query per match in the usual case, whatever the number of articles.
    """

    CATCH_UP_SLACK = timedelta(minutes=10)  # far longer than an ingest transaction stays open

    def __init__(self, window_days: int = NEAR_WINDOW_DAYS):
        self.window = timedelta(days=window_days)
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.index = NearDuplicateIndex()
        self.newest_pk = 0
        self.caught_up_at = None
        self.database = None
        self.seen: dict[int, object] = {}  # key → first seen, for the keys in the index
        self.by_time: list[tuple] = []  # (first seen, key), sorted

    # --- the keys held, by first-seen time ------------------------------------------------
    def hold(self, pk: int, text: str, seen) -> None:
        if pk in self.index:
            self.drop(pk)
        self.index.put(pk, text)
        self.seen[pk] = seen
        insort(self.by_time, (seen, pk))
        self.newest_pk = max(self.newest_pk, pk)

    def drop(self, pk: int) -> None:
        if pk in self.index:
            self.index.remove(pk)
        seen = self.seen.pop(pk, None)
        if seen is not None:
            at = bisect_left(self.by_time, (seen, pk))
            if at < len(self.by_time) and self.by_time[at] == (seen, pk):
                del self.by_time[at]

    def held_since(self, since) -> int:
        return len(self.by_time) - bisect_left(self.by_time, (since, 0))

    def catch_up(self) -> None:
        from django.db import connection

        from demain.sources.models import Article

        if self.database != connection.settings_dict["NAME"]:  # a new database (tests): start again
            self.reset()
            self.database = connection.settings_dict["NAME"]
        now = timezone.now()
        start = now - self.window
        since = start if self.caught_up_at is None else max(start, self.caught_up_at - self.CATCH_UP_SLACK)
        newest, recent = newest_and_count(since)
        if newest < self.newest_pk:  # the table was emptied (tests flush it): start again
            database = self.database
            self.reset()
            self.database = database
            since = start
            recent = Article.objects.filter(first_seen_at__gte=since).count()
        if newest > self.newest_pk:  # rows stored since (by other workers, or never indexed)
            rows = Article.objects.filter(pk__gt=self.newest_pk, first_seen_at__gte=start)
            for pk, seen, text in rows.order_by("pk").values_list("pk", "first_seen_at", "text").iterator():
                self.hold(pk, text, seen)
            self.newest_pk = max(self.newest_pk, newest)
        if recent != self.held_since(since):  # a lower key committed late, or a key gone
            listed = dict(Article.objects.filter(first_seen_at__gte=since).values_list("pk", "first_seen_at"))
            for pk in [pk for _, pk in self.by_time[bisect_left(self.by_time, (since, 0)):] if pk not in listed]:
                self.drop(pk)
            missing = [pk for pk in listed if pk not in self.index or self.seen.get(pk) != listed[pk]]
            for pk, text in Article.objects.filter(pk__in=missing).order_by("pk").values_list("pk", "text").iterator():
                self.hold(pk, text, listed[pk])
        self.caught_up_at = now

    def match(self, text: str, language: str, exclude: int | None = None) -> tuple[int, float] | None:
        """The most similar stored article, checked against its current text (a rolled-back or
        edited article leaves the index)."""
        from demain.sources.models import Article

        sig = signature(text)
        if sig is None:
            return None
        with self.lock:
            self.catch_up()
            for candidate in self.index.query(sig):
                if candidate.key == exclude:
                    continue
                stored_text = Article.objects.filter(pk=candidate.key).values_list("text", flat=True).first()
                stored = signature(stored_text) if stored_text is not None else None
                score = float(sig.jaccard(stored)) if stored is not None else 0.0
                if score >= self.index.threshold:
                    return candidate.key, score
                self.drop(candidate.key)
        return None

    def forget(self, article_id: int) -> None:
        with self.lock:
            self.drop(article_id)

    def add(self, article_id: int, text: str, language: str) -> None:
        """A key reused after a rollback: the new text replaces it. Its first-seen time is about now;
        the next catch-up corrects it if not."""
        with self.lock:
            self.hold(article_id, text, timezone.now())


def newest_and_count(since) -> tuple[int, int]:
    """The newest article's key and how many were first seen since ``since``, in one round trip
    (two index lookups: MAX of the key, a range of first_seen_at)."""
    from django.db import connection

    from demain.sources.models import Article

    table = connection.ops.quote_name(Article._meta.db_table)
    column = connection.ops.quote_name(Article._meta.get_field("first_seen_at").column)
    key = connection.ops.quote_name(Article._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT MAX({key}) FROM {table}), (SELECT COUNT(*) FROM {table} WHERE {column} >= %s)",
                       [connection.ops.adapt_datetimefield_value(since)])
        newest, recent = cursor.fetchone()
    return newest or 0, recent or 0


INDEXES: list[NearDuplicates] = [RecentArticles()]


def register(index: NearDuplicates) -> None:
    INDEXES.append(index)


def unregister(index: NearDuplicates) -> None:
    if index in INDEXES:
        INDEXES.remove(index)


def near_duplicate(text: str, language: str, exclude: int | None = None) -> tuple[int, float] | None:
    for index in INDEXES:
        found = index.match(text, language, exclude=exclude)
        if found is not None:
            return found
    return None


def forget(article_id: int) -> None:
    """An article folded into another: indexes that can forget it do."""
    for index in INDEXES:
        if hasattr(index, "forget"):
            index.forget(article_id)


def stored(article_id: int, text: str, language: str) -> None:
    for index in INDEXES:
        index.add(article_id, text, language)


def canonical_key(url: str) -> str:
    """The unique key of an article's URL; raises InvalidURL for what is not an http(s) URL."""
    return normalize_url(url)


def trusted_canonical(page_url: str, declared: str | None) -> str:
    """The page's rel=canonical when it stays on the same site, else the page's own URL."""
    if not declared:
        return page_url
    try:
        same_site = host_key(declared).removeprefix("www.") == host_key(page_url).removeprefix("www.")
    except ValueError:
        return page_url
    return declared if same_site and urlsplit(declared).scheme in ("http", "https") else page_url


__all__ = ["EmptyText", "InvalidURL", "canonical_key", "content_hash", "forget", "near_duplicate", "register",
           "stored", "trusted_canonical", "unregister"]
