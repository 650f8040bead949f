"""The archive readers search and question: passages of published issues, found by words and meaning.

- ``index``: an issue's passages, written when it is published or edited, removed when it is not.
- ``fulltext``: the database's own full-text engine (SQLite FTS5 or PostgreSQL), behind one interface.
- ``search``: ``search(query, limit)`` for /recherche/, hits with a highlighted snippet.
- ``vectors``: the passages' embeddings (multilingual-e5-small), in one matrix per process.
- ``retrieve``: ``retrieve(text, k)``, full-text and embeddings fused, with every score exposed.
"""

# The functions, over their modules' names: `from demain.site.archive import retrieve, search`
# (the modules stay reachable as `from demain.site.archive.retrieve import RRF_K`).
from demain.site.archive.retrieve import retrieve  # noqa: E402
from demain.site.archive.search import search  # noqa: E402
from demain.site.archive.index import reindex  # noqa: E402

__all__ = ["reindex", "retrieve", "search"]
