"""How a fetched page is recognised as an article already stored.

In order: the same canonical URL (demain.lib.dedupe.normalize_url), the same text
(content hash), then a near duplicate found by a registered index (MinHash LSH,
demain.lib.dedupe). The near-duplicate hook is a small protocol so the index lives
outside the fetcher:

    class MyIndex:
        def match(self, text: str, language: str) -> tuple[int, float] | None: ...   # (article id, similarity)
        def add(self, article_id: int, text: str, language: str) -> None: ...

    duplicates.register(MyIndex())

``add`` is called for every new article once it is stored; ``match`` before storing one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Protocol
from urllib.parse import urlsplit

from demain.lib.dedupe import InvalidURL, normalize_url
from demain.lib.fetch.netguard import host_key


class NearDuplicateIndex(Protocol):
    def match(self, text: str, language: str) -> tuple[int, float] | None: ...

    def add(self, article_id: int, text: str, language: str) -> None: ...


INDEXES: list[NearDuplicateIndex] = []


def register(index: NearDuplicateIndex) -> None:
    INDEXES.append(index)


def unregister(index: NearDuplicateIndex) -> None:
    if index in INDEXES:
        INDEXES.remove(index)


def near_duplicate(text: str, language: str) -> tuple[int, float] | None:
    for index in INDEXES:
        found = index.match(text, language)
        if found is not None:
            return found
    return None


def stored(article_id: int, text: str, language: str) -> None:
    for index in INDEXES:
        index.add(article_id, text, language)


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, case and white space normalised."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


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


__all__ = ["InvalidURL", "canonical_key", "content_hash", "near_duplicate", "register", "stored",
           "trusted_canonical", "unregister"]
