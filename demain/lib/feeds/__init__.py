"""Feeds and OPML, as pure code (no Django).

- parse_feed(body, content_type) -> Feed: RSS 0.9x/1.0/2.0 and Atom (feedparser, after a
  defusedxml check that refuses entity declarations and malformed XML) and JSON Feed 1.0/1.1.
- detect_kind(body, content_type) -> "rss" | "atom" | "jsonfeed" | "page".
- read_opml(bytes) / write_opml(outlines): subscriptions in and out.
"""

from demain.lib.feeds.opml import OpmlError, Outline, read_opml, write_opml
from demain.lib.feeds.parse import Entry, Feed, FeedError, detect_kind, parse_feed

__all__ = ["Entry", "Feed", "FeedError", "OpmlError", "Outline", "detect_kind", "parse_feed", "read_opml",
           "write_opml"]
