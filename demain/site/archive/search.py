"""Full-text search over the published archive: ``search(query, limit)`` → hits, best first.

Every word of the query must be in the passage (title or text), stemmed and without accents;
stopwords are left out. An empty or hostile query (only punctuation, the engine's own syntax,
a very long text) gives no hit and never an error.
"""

from __future__ import annotations

from demain.lib.textsearch import coverage, query_terms
from demain.site.archive import fulltext
from demain.site.archive.hits import Hit, highlighted, passages_by_id

MAX_RESULTS = 200  # browsable results; the count goes on up to fulltext.count's cap


def search(query: str, limit: int = 10, offset: int = 0, mode: str = "all") -> list[Hit]:
    """The passages with every word of the query (``mode="any"``: with at least one), best first."""
    terms = query_terms(query)
    if not terms:
        return []
    limit = max(0, min(limit, MAX_RESULTS - offset))
    found = fulltext.match(query, mode=mode, limit=limit, offset=max(0, offset))
    passages = passages_by_id([pk for pk, _ in found])
    hits = []
    for rank, (pk, score) in enumerate(found, start=offset + 1):
        passage = passages.get(pk)
        if passage is None:  # removed meanwhile
            continue
        hits.append(Hit(passage=passage, score=score, snippet=highlighted(passage, terms),
                        coverage=coverage(f"{passage.title} {passage.text}", terms),
                        text_rank=rank, text_score=score))
    return hits


def count(query: str) -> int:
    """How many passages match (up to fulltext's cap)."""
    return fulltext.count(query, mode="all")


class Results:
    """A query's hits as a sequence Django's Paginator can page through (counted once)."""

    def __init__(self, query: str):
        self.query = query
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = fulltext.count(self.query, mode="all", cap=MAX_RESULTS + 1)
        return min(self._count, MAX_RESULTS)

    @property
    def more(self) -> bool:
        """More passages match than can be browsed."""
        return self.count() >= MAX_RESULTS and self._count > MAX_RESULTS

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("Results are read by pages")
        start = item.start or 0
        return search(self.query, limit=(item.stop or MAX_RESULTS) - start, offset=start)
