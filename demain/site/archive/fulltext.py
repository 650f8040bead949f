"""The database's own full-text engine over the passages, behind one interface.

- SQLite: the FTS5 table ``public_site_passage_fts`` (migration 0004) holds each passage's French
  stems, computed in Python (``demain.lib.textsearch``); ``add`` writes them, a trigger deletes
  them with the passage. Ranked by BM25 (the title counts twice as much as the text).
- PostgreSQL: the generated column ``search_vector`` (``demain_french``: unaccent, then the
  French Snowball stemmer) under a GIN index; nothing to write. Ranked by ``ts_rank`` over 1 + log(length).

``match`` returns ``(passage id, score)``, best first; a higher score is better, but scores are
comparable only within one engine. ``mode="all"`` wants every term, ``"any"`` at least one.
The query reaches the engine as words only (``textsearch.query_terms``), each quoted or passed
as a parameter, so no input can inject the engine's own syntax.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from demain.lib.textsearch import index_terms, query_terms, query_words
from demain.site.models import Passage

FTS_TABLE = "public_site_passage_fts"
TITLE_WEIGHT = 2.0


def vendor() -> str:
    return connection.vendor


def add(passages: Iterable[Passage]) -> None:
    """Index new passages (SQLite only: PostgreSQL computes its column itself)."""
    if vendor() != "sqlite":
        return
    rows = [(p.pk, index_terms(p.title), index_terms(p.text)) for p in passages]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT OR REPLACE INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows)


def check_in_sync() -> None:
    """Drop full-text rows whose passage no longer exists (SQLite; the trigger normally does it)."""
    if vendor() == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {Passage._meta.db_table})")


def fts5_expression(terms: list[str], mode: str) -> str:
    """An FTS5 MATCH expression of quoted terms (a quote inside a term is doubled)."""
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    return (" AND " if mode == "all" else " OR ").join(quoted)


def websearch_expression(words: list[str], mode: str) -> str:
    """A ``websearch_to_tsquery`` input: bare words, joined by spaces (all) or « or » (any)."""
    return (" " if mode == "all" else " or ").join(words)


def match(query: str, mode: str = "all", limit: int = 20, offset: int = 0) -> list[tuple[int, float]]:
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.execute(
                f"SELECT rowid, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) LIMIT %s OFFSET %s",
                [fts5_expression(terms, mode), limit, offset])
        else:
            cursor.execute(
                "SELECT id, ts_rank(search_vector, query, 1) AS score "
                f"FROM {Passage._meta.db_table}, websearch_to_tsquery('demain_french', %s) AS query "
                "WHERE search_vector @@ query ORDER BY score DESC, id LIMIT %s OFFSET %s",
                [websearch_expression(query_words(query), mode), limit, offset])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def count(query: str, mode: str = "all", cap: int = 1000) -> int:
    """How many passages match, counted up to ``cap`` (beyond it, ``cap``)."""
    terms = query_terms(query)
    if not terms:
        return 0
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT %s)",
                           [fts5_expression(terms, mode), cap])
        else:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {Passage._meta.db_table} "
                "WHERE search_vector @@ websearch_to_tsquery('demain_french', %s) LIMIT %s) AS found",
                [websearch_expression(query_words(query), mode), cap])
        return cursor.fetchone()[0]
