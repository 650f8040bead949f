"""Adding, importing and exporting sources (used by the admin and `demain sources`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction

from demain.lib.feeds import FeedError, Outline, detect_kind, parse_feed, read_opml, write_opml
from demain.lib.fetch import http
from demain.sources.fetcher import Deferred, PoliteFetcher
from demain.sources.models import Outlet, Source


class SourceError(ValueError):
    """The source cannot be added; the message says why."""


def detect(url: str) -> tuple[str, str, str]:
    """(kind, title, language) of the document at ``url``, read once through the polite fetcher."""
    try:
        response = PoliteFetcher("sources add").get(url)
    except (http.FetchError, Deferred) as error:
        raise SourceError(f"cannot read {url}: {error}") from None
    if not response.ok:
        raise SourceError(f"cannot read {url}: HTTP {response.status}")
    kind = detect_kind(response.body, response.content_type)
    if kind == "page":
        return Source.Kind.PAGE, "", ""
    try:
        feed = parse_feed(response.body, response.content_type)
    except FeedError as error:
        raise SourceError(f"{url} looks like a feed but cannot be read: {error}") from None
    return feed.kind, feed.title, feed.language[:10]


def outlet_named(name: str, website: str = "") -> Outlet:
    return Outlet.objects.get_or_create(name=name[:200], defaults={"website": website})[0]


def add_source(url: str, *, name: str = "", outlet: str = "", kind: str = "", weight: float = 1.0,
               language: str = "", active: bool = True, site_url: str = "") -> Source:
    url = url.strip()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise SourceError(f"not an http(s) URL: {url!r}")
    if Source.objects.filter(url=url).exists():
        raise SourceError(f"already a source: {url}")
    if kind and kind not in Source.Kind.values:
        raise SourceError(f"unknown kind {kind!r}: {', '.join(Source.Kind.values)}")
    title = ""
    if not kind:
        kind, title, found_language = detect(url)
        language = language or found_language
    host = urlsplit(url).hostname or url
    with transaction.atomic():
        return Source.objects.create(
            url=url, name=(name or title or host)[:200], outlet=outlet_named(outlet or title or host, site_url),
            kind=kind, weight=weight, language=language, active=active, site_url=site_url)


def read_location(location: str) -> bytes:
    """An OPML file's bytes from a path, or from an http(s) URL read through the polite fetcher."""
    if urlsplit(location).scheme in ("http", "https"):
        try:
            response = PoliteFetcher("sources import-opml").get(location, accept="text/x-opml, application/xml")
        except (http.FetchError, Deferred) as error:
            raise SourceError(f"cannot read {location}: {error}") from None
        if not response.ok:
            raise SourceError(f"cannot read {location}: HTTP {response.status}")
        return response.body
    try:
        return Path(location).read_bytes()
    except OSError as error:
        raise SourceError(f"{location}: {error.strerror}") from None


def import_opml(data: bytes) -> tuple[list[Source], list[str]]:
    """Create the sources an OPML file lists (kind from the file, else RSS until the first read); all or nothing."""
    outlines = read_opml(data)
    created, skipped = [], []
    with transaction.atomic():
        for item in outlines:
            if Source.objects.filter(url=item.url).exists():
                skipped.append(item.url)
                continue
            kind = item.kind if item.kind in Source.Kind.values else Source.Kind.RSS
            created.append(Source.objects.create(
                url=item.url, name=(item.name or item.url)[:200],
                outlet=outlet_named(item.outlet or item.name or urlsplit(item.url).hostname or item.url, item.site_url),
                kind=kind, weight=item.weight if item.weight is not None else 1.0, language=item.language[:10],
                active=item.active, site_url=item.site_url))
    return created, skipped


def export_opml(sources=None) -> bytes:
    sources = Source.objects.select_related("outlet").order_by("outlet__name", "name") if sources is None else sources
    return write_opml([Outline(url=s.url, name=s.name, outlet=s.outlet.name, site_url=s.site_url, kind=s.kind,
                               language=s.language, weight=s.weight, active=s.active) for s in sources],
                      title="Sources de « Le monde de demAIn »")
