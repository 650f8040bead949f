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
from django.db.models import Q
from django.utils import timezone

from demain.lib.fetch import http, policy, tdm
from demain.lib.fetch.netguard import host_key
from demain.lib.fetch.robots import Robots, robots_url
from demain.sources.models import Host, UrlThrottle

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


def poll_floor() -> timedelta:
    return timedelta(minutes=settings.FETCH_POLL_FLOOR_MINUTES)


class PoliteFetcher:
    def __init__(self, worker: str = ""):
        self.worker = worker
        self.config = config()

    # --- the host's turn -------------------------------------------------------------
    def host(self, url: str) -> Host:
        return Host.objects.get_or_create(name=host_key(url))[0]

    @contextmanager
    def turn(self, host: Host):
        """Hold the host: a conditional UPDATE wins it; it is given back with the next allowed time."""
        lease = timedelta(seconds=self.config.total_timeout + 30)
        waited = 0.0
        while True:
            now = timezone.now()
            won = Host.objects.filter(pk=host.pk).filter(
                Q(busy_until__isnull=True) | Q(busy_until__lt=now)).filter(
                Q(next_request_at__isnull=True) | Q(next_request_at__lte=now)).update(busy_until=now + lease)
            if won:
                break
            if waited >= HOST_WAIT_LIMIT:
                raise Deferred(host.name, now + timedelta(seconds=HOST_WAIT_LIMIT), f"host {host.name} stayed busy")
            pause = 0.05 if waited < 1 else 0.25
            time.sleep(pause)
            waited += pause
        try:
            yield
        finally:
            delay = max(settings.FETCH_HOST_DELAY, self.crawl_delay(host))
            Host.objects.filter(pk=host.pk).update(busy_until=None,
                                                   next_request_at=timezone.now() + timedelta(seconds=delay))

    def crawl_delay(self, host: Host) -> float:
        if host.robots_fetched_at is None:
            return 0.0
        return min(Robots(host.robots_status, host.robots_txt).crawl_delay(self.config.user_agent) or 0.0, 60.0)

    # --- the one request -------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None, host: Host | None = None) -> http.Response:
        host = host or self.host(url)
        now = timezone.now()
        throttle = UrlThrottle.objects.filter(url=url, until__gt=now).first()
        if throttle is not None:
            raise Deferred(url, throttle.until, f"{url} asked us to wait until {throttle.until:%Y-%m-%d %H:%M:%S}")
        host.refresh_from_db(fields=["blocked_until", "blocked_reason"])
        if host.blocked_until and host.blocked_until > now:
            raise Deferred(url, host.blocked_until, f"host {host.name} paused: {host.blocked_reason}")
        with self.turn(host):
            response = http.fetch(url, self.config, etag=etag, last_modified=last_modified, accept=accept)
        if response.status in (429, 503):
            self.refused(url, host, response)
        else:
            UrlThrottle.objects.filter(url=url).delete()
        return response

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
        host = self.host(url)
        if self.stale(host.robots_fetched_at):
            try:
                response = self.get(robots_url(url), accept="text/plain", host=host)
                status, text = response.status, response.text() if response.ok else ""
            except (http.FetchError, Deferred):
                status, text = None, ""
            Host.objects.filter(pk=host.pk).update(robots_status=status, robots_txt=text,
                                                   robots_fetched_at=timezone.now())
            host.robots_status, host.robots_txt = status, text
        return Robots(host.robots_status, host.robots_txt)

    def allowed(self, url: str) -> tuple[bool, str]:
        robots = self.robots(url)
        return robots.allows(url, self.config.user_agent), robots.reason(url)

    def tdm_rules(self, url: str) -> list[dict]:
        host = self.host(url)
        if self.stale(host.tdmrep_fetched_at):
            try:
                response = self.get(tdm.tdmrep_url(url), accept="application/json", host=host)
                text = response.text() if response.ok else ""
            except (http.FetchError, Deferred):
                text = ""
            Host.objects.filter(pk=host.pk).update(tdmrep=text, tdmrep_fetched_at=timezone.now())
            host.tdmrep = text
        return tdm.parse_tdmrep(host.tdmrep)
