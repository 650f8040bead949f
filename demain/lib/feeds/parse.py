"""Parse RSS, Atom and JSON Feed into one shape."""

from __future__ import annotations

import json
import re
from calendar import timegm
from dataclasses import dataclass, field
from datetime import datetime, timezone

import feedparser
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeET

JSONFEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(\.1)?/?$")
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FeedError(ValueError):
    """The document is not a feed we can read; the message says why."""


@dataclass
class Entry:
    url: str
    title: str = ""
    summary: str = ""
    guid: str = ""
    author: str = ""
    published: datetime | None = None
    updated: datetime | None = None


@dataclass
class Feed:
    kind: str  # rss | atom | jsonfeed
    version: str  # rss090, rss091u, rss10, rss20, atom10, json10, json11 …
    title: str = ""
    link: str = ""
    language: str = ""
    ttl: int | None = None  # minutes, from RSS <ttl>
    entries: list[Entry] = field(default_factory=list)


def sniff(body: bytes) -> bytes:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]


def detect_kind(body: bytes, content_type: str = "") -> str:
    """Guess what a document is: ``rss``, ``atom``, ``jsonfeed`` or ``page``."""
    head = sniff(body)
    lowered = head.lower()
    if head.startswith(b"{") or "json" in content_type.lower():
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return "page"
        return "jsonfeed" if isinstance(data, dict) and JSONFEED_VERSION.match(str(data.get("version", ""))) else "page"
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "page"
    root = re.search(rb"<(?!\?|!)([A-Za-z_][\w.:-]*)", head)
    name = root.group(1).lower().split(b":")[-1] if root else b""
    if name in (b"rss", b"rdf", b"channel"):
        return "rss"
    if name == b"feed":
        return "atom"
    return "page"


def parse_feed(body: bytes, content_type: str = "") -> Feed:
    """Parse a feed, or raise FeedError (malformed, entity bomb, empty, not a feed)."""
    if not body.strip():
        raise FeedError("empty document")
    kind = detect_kind(body, content_type)
    if kind == "jsonfeed":
        return parse_jsonfeed(body)
    if kind == "page":
        raise FeedError("not a feed: neither RSS, Atom nor JSON Feed")
    check_xml(body)
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml"})
    if not parsed.version:
        raise FeedError(f"not a feed feedparser recognises: {parsed.get('bozo_exception', 'unknown format')}")
    channel = parsed.feed
    ttl = channel.get("ttl")
    feed = Feed(kind="atom" if parsed.version.startswith("atom") else "rss", version=parsed.version,
                title=channel.get("title", ""), link=channel.get("link", ""),
                language=channel.get("language", "") or "", ttl=int(ttl) if str(ttl or "").isdigit() else None)
    for item in parsed.entries:
        url = item.get("link") or (item.get("id") if str(item.get("id", "")).startswith("http") else "")
        if not url:
            continue
        feed.entries.append(Entry(
            url=url.strip(), title=item.get("title", ""), summary=item.get("summary", ""),
            guid=item.get("id", "") or url, author=item.get("author", ""),
            published=_struct_time(item.get("published_parsed")), updated=_struct_time(item.get("updated_parsed"))))
    return feed


def check_xml(body: bytes) -> None:
    """Refuse entity declarations (expansion bombs, external entities) and malformed XML.

    feedparser is lenient by design; a feed is parsed by it only once defusedxml has
    read it as well-formed XML without any entity or external reference.
    """
    if ENTITY_DECLARATION.search(body):
        raise FeedError("refused: the document declares XML entities (possible entity-expansion bomb)")
    try:
        SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, DTDForbidden, ExternalReferenceForbidden) as error:
        raise FeedError(f"refused: {error}") from None
    except SafeET.ParseError as error:
        raise FeedError(f"malformed XML: {error}") from None


def _struct_time(value) -> datetime | None:
    return datetime.fromtimestamp(timegm(value), tz=timezone.utc) if value else None


def _iso(value) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def parse_jsonfeed(body: bytes) -> Feed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise FeedError(f"malformed JSON: {error}") from None
    if not isinstance(data, dict) or not JSONFEED_VERSION.match(str(data.get("version", ""))):
        raise FeedError("not a JSON Feed: missing or unknown 'version'")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON Feed without an 'items' list")
    version = "json11" if str(data["version"]).rstrip("/").endswith("1.1") else "json10"
    feed = Feed(kind="jsonfeed", version=version, title=str(data.get("title", "")),
                link=str(data.get("home_page_url", "")), language=str(data.get("language", "")))
    for item in items:
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url") or ""
        if not isinstance(url, str) or not url.strip():
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        author = ", ".join(str(a.get("name", "")) for a in authors if isinstance(a, dict) and a.get("name"))
        feed.entries.append(Entry(
            url=url.strip(), title=str(item.get("title", "")),
            summary=str(item.get("summary") or item.get("content_text") or item.get("content_html") or ""),
            guid=str(item.get("id", url)), author=author,
            published=_iso(item.get("date_published")), updated=_iso(item.get("date_modified"))))
    return feed
