"""The fetcher as the workers use it: demain.lib.fetch.http plus politeness shared in the database.

Every request of a worker goes through :meth:`PoliteFetcher.get`, which
- waits its turn for the host (one request at a time per host across all
  workers, FETCH_HOST_DELAY or the robots.txt Crawl-delay between two),
- refuses URLs and hosts that asked us to wait (429/503 + Retry-After):
  the refused URL waits first, the whole host once FETCH_HOST_REFUSALS
  distinct URLs of it were refused,
- and otherwise calls demain.lib.fetch.http.fetch, the one HTTP function.
robots.txt and tdmrep.json are read through it too, and kept per host.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.utils import timezone

from demain.lib.fetch import http, policy, tdm
from demain.lib.fetch.netguard import host_key
from demain.lib.fetch.robots import Robots, robots_url
from demain.sources.models import Host, UrlThrottle

THROTTLES_AHEAD = timedelta(seconds=60)  # how long throttles read ahead for a batch are trusted
HOST_WAIT_LIMIT = 120.0  # seconds a worker waits for a busy host before deferring the work


class Deferred(Exception):
    """The URL or its host asked us to wait (Retry-After) or stayed busy too long."""

    def __init__(self, url: str, until: datetime, reason: str):
        super().__init__(reason)
        self.url = url
        self.until = until


def user_agent() -> str:
    try:
        release = version("demain")
    except PackageNotFoundError:
        release = "0"
    return f"demain/{release} (+{settings.FETCH_CONTACT_URL})"


def config() -> http.FetchConfig:
    return http.FetchConfig(
        user_agent=user_agent(), connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.FETCH_READ_TIMEOUT, total_timeout=settings.FETCH_TOTAL_TIMEOUT,
        max_bytes=settings.FETCH_MAX_BYTES, max_redirects=settings.FETCH_MAX_REDIRECTS,
        allowed_hosts=frozenset(h.lower() for h in settings.FETCH_ALLOWED_HOSTS))


# The host's turn, taken and given back around every request: two statements run so often that
# they are written once here rather than built by the ORM each time (the same UPDATEs as
# Host.objects.filter(pk=…, <free, due and not paused>).update(busy_until=…) and .update(busy_until=None, …)).
WIN = ("UPDATE {host} SET {busy_until} = %s WHERE {id} = %s AND ({busy_until} IS NULL OR {busy_until} < %s)"
       " AND ({next_request_at} IS NULL OR {next_request_at} <= %s) AND ({blocked_until} IS NULL OR {blocked_until} <= %s)")
RELEASE = "UPDATE {host} SET {busy_until} = NULL, {next_request_at} = %s WHERE {id} = %s"


def host_update(statement: str, pk: int, *moments: datetime) -> int:
    """Run WIN (busy until, now × 3) or RELEASE (next request at); the number of rows changed."""
    from django.db import connection

    quote = connection.ops.quote_name
    names = {"host": quote(Host._meta.db_table), "id": quote(Host._meta.pk.column),
             **{name: quote(Host._meta.get_field(name).column) for name in ("busy_until", "next_request_at", "blocked_until")}}
    values = [connection.ops.adapt_datetimefield_value(m) for m in moments]
    params = [values[0], pk, *values[1:]]
    with connection.cursor() as cursor:
        cursor.execute(statement.format(**names), params)
        return cursor.rowcount


def poll_floor() -> timedelta:
    return timedelta(minutes=settings.FETCH_POLL_FLOOR_MINUTES)


class PoliteFetcher:
    """One worker's fetcher for one batch: it keeps its connections, host rows and parsed rules.

    Use it as a context manager (or call close()) so its connections are closed.
    """

    def __init__(self, worker: str = ""):
        self.worker = worker
        self.config = config()
        self.client = None
        self.hosts: dict[str, Host] = {}
        self.parsed_robots: dict[str, Robots] = {}
        self.parsed_tdm: dict[str, list[dict]] = {}
        self.throttles: dict[str, tuple] = {}  # url → (read at, UrlThrottle | None), read ahead for a batch

    def __enter__(self) -> "PoliteFetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    # --- the host's turn -------------------------------------------------------------
    def host(self, url: str) -> Host:
        name = host_key(url)
        if name not in self.hosts:
            self.hosts[name] = Host.objects.get_or_create(name=name)[0]
        return self.hosts[name]

    @contextmanager
    def turn(self, host: Host, url: str = ""):
        """Hold the host: a conditional UPDATE wins it; it is given back with the next allowed time.

        The same UPDATE checks that the host is not paused (Retry-After on several of its URLs);
        only when it is not won is the host read again, to tell a pause (Deferred) from a turn to wait.
        """
        lease = timedelta(seconds=self.config.total_timeout + 30)
        waited = 0.0
        while True:
            now = timezone.now()
            if host_update(WIN, host.pk, now + lease, now, now, now):
                break
            host.refresh_from_db(fields=["blocked_until", "blocked_reason"])
            if host.blocked_until and host.blocked_until > now:
                raise Deferred(url or host.name, host.blocked_until, f"host {host.name} paused: {host.blocked_reason}")
            if waited >= HOST_WAIT_LIMIT:
                raise Deferred(host.name, now + timedelta(seconds=HOST_WAIT_LIMIT), f"host {host.name} stayed busy")
            pause = 0.05 if waited < 1 else 0.25
            time.sleep(pause)
            waited += pause
        try:
            yield
        finally:
            delay = max(settings.FETCH_HOST_DELAY, self.crawl_delay(host))
            host_update(RELEASE, host.pk, timezone.now() + timedelta(seconds=delay))

    def crawl_delay(self, host: Host) -> float:
        if host.robots_fetched_at is None:
            return 0.0
        robots = self.parsed_robots.get(host.name) or Robots(host.robots_status, host.robots_txt)
        return min(robots.crawl_delay(self.config.user_agent) or 0.0, 60.0)

    # --- the one request -------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None, host: Host | None = None) -> http.Response:
        host = host or self.host(url)
        now = timezone.now()
        ahead = self.throttles.pop(url, None)
        if ahead is not None and now - ahead[0] < THROTTLES_AHEAD:
            throttle = ahead[1]
        else:
            throttle = UrlThrottle.objects.filter(url=url).first()
        if throttle is not None and throttle.until > now:
            raise Deferred(url, throttle.until, f"{url} asked us to wait until {throttle.until:%Y-%m-%d %H:%M:%S}")
        if self.client is None:
            self.client = http.new_client(self.config)
        with self.turn(host, url):
            response = http.fetch(url, self.config, etag=etag, last_modified=last_modified, accept=accept,
                                  client=self.client)
        if response.status in (429, 503):
            self.refused(url, host, response)
        elif throttle is not None:  # the wait is over and the URL answered: forget it
            UrlThrottle.objects.filter(pk=throttle.pk).delete()
        return response

    def prefetch_throttles(self, urls: list[str]) -> None:
        """Read the throttles of a batch's URLs in one query; each get() of them uses (and forgets) it.

        What was read ahead serves for THROTTLES_AHEAD; past it, get() asks the database again."""
        urls = [url for url in dict.fromkeys(urls) if url]
        now = timezone.now()
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            found = {t.url: t for t in UrlThrottle.objects.filter(url__in=chunk)}
            self.throttles.update({url: (now, found.get(url)) for url in chunk})

    def refused(self, url: str, host: Host, response: http.Response) -> datetime:
        """Record a 429/503: the URL waits; several refused URLs pause the whole host."""
        now = timezone.now()
        until = policy.retry_after(response.headers.get("retry-after"), now) or now + poll_floor()
        UrlThrottle.objects.update_or_create(url=url, defaults={"host": host, "until": until,
                                                                "status": response.status, "at": now})
        refused = UrlThrottle.objects.filter(host=host, until__gt=now)
        if refused.count() >= max(settings.FETCH_HOST_REFUSALS, 1):
            latest = max(refused.values_list("until", flat=True))
            Host.objects.filter(pk=host.pk).update(
                blocked_until=latest, blocked_reason=f"{refused.count()} URLs refused with 429/503 (Retry-After)")
        return until

    # --- what the host publishes about us ----------------------------------------------
    def stale(self, fetched_at: datetime | None) -> bool:
        return fetched_at is None or timezone.now() - fetched_at > timedelta(hours=settings.FETCH_ROBOTS_HOURS)

    def robots(self, url: str) -> Robots:
        """The host's robots.txt, read at most every FETCH_ROBOTS_HOURS by any worker, parsed once here."""
        host = self.host(url)
        if self.stale(host.robots_fetched_at):
            host.refresh_from_db()  # another worker may have read it meanwhile
        if self.stale(host.robots_fetched_at):
            try:
                response = self.get(robots_url(url), accept="text/plain", host=host)
                status, text = response.status, response.text() if response.ok else ""
            except (http.FetchError, Deferred):
                status, text = None, ""
            now = timezone.now()
            Host.objects.filter(pk=host.pk).update(robots_status=status, robots_txt=text, robots_fetched_at=now)
            host.robots_status, host.robots_txt, host.robots_fetched_at = status, text, now
            self.parsed_robots.pop(host.name, None)
        if host.name not in self.parsed_robots:
            self.parsed_robots[host.name] = Robots(host.robots_status, host.robots_txt)
        return self.parsed_robots[host.name]

    def allowed(self, url: str) -> tuple[bool, str]:
        robots = self.robots(url)
        return robots.allows(url, self.config.user_agent), robots.reason(url)

    def tdm_rules(self, url: str) -> list[dict]:
        """The host's /.well-known/tdmrep.json rules, kept like robots.txt."""
        host = self.host(url)
        if self.stale(host.tdmrep_fetched_at):
            host.refresh_from_db()
        if self.stale(host.tdmrep_fetched_at):
            try:
                response = self.get(tdm.tdmrep_url(url), accept="application/json", host=host)
                text = response.text() if response.ok else ""
            except (http.FetchError, Deferred):
                text = ""
            now = timezone.now()
            Host.objects.filter(pk=host.pk).update(tdmrep=text, tdmrep_fetched_at=now)
            host.tdmrep, host.tdmrep_fetched_at = text, now
            self.parsed_tdm.pop(host.name, None)
        if host.name not in self.parsed_tdm:
            self.parsed_tdm[host.name] = tdm.parse_tdmrep(host.tdmrep)
        return self.parsed_tdm[host.name]
