"""Duplicates across sources, as pure code (no Django).

URLs (demain.lib.dedupe.urls):
- normalize_url(url) -> str: one key for every spelling of an article's URL
  (tracking parameters, AMP, http/https, www., trailing slashes, escapes…).
  Raises InvalidURL (a ValueError) on anything that is not an absolute
  http(s) URL.

Exact duplicates (demain.lib.dedupe.content):
- content_hash(text) -> str: SHA-256 of the text with case, accents,
  punctuation and white space folded (normalize_text). EmptyText (a
  ValueError) when no word is left.

Near-duplicates (demain.lib.dedupe.near), MinHash LSH over word 3-shingles:
- NearDuplicateIndex(threshold=THRESHOLD): ``add(key, text) -> list[Match]``
  indexes a document and names the earlier documents it nearly duplicates
  (most similar first); ``query(text)`` asks without adding.
- similarity(a, b) -> float: the estimated Jaccard similarity of two texts.
THRESHOLD (0.4) and how it was measured are documented in near.py.
"""

from .content import EmptyText, content_hash, normalize_text, words
from .near import THRESHOLD, Match, NearDuplicateIndex, shingles, signature, similarity
from .urls import TRACKING_PARAMS, InvalidURL, normalize_url

__all__ = [
    "EmptyText",
    "InvalidURL",
    "Match",
    "NearDuplicateIndex",
    "THRESHOLD",
    "TRACKING_PARAMS",
    "content_hash",
    "normalize_text",
    "normalize_url",
    "shingles",
    "signature",
    "similarity",
    "words",
]
