"""Hybrid retrieval for questions: full-text and embeddings, fused by reciprocal rank.

``retrieve(text, k)`` ranks passages by RRF: each method's candidate list (CANDIDATES each:
full-text with any of the words, BM25/ts_rank order; embeddings by cosine) gives a passage
1 / (RRF_K + rank), summed. RRF needs no calibration between a BM25 score and a cosine, which
live on different scales (and BM25 differs between SQLite and PostgreSQL).
Each hit keeps every part (``text_rank``, ``text_score``, ``vector_rank``, ``cosine``,
``coverage``) so the answer layer can decide to refuse: a passage found only by embeddings with
a low cosine and no word in common with the question is weak evidence.
Passages not embedded yet are still found by full text.
"""

from __future__ import annotations

from demain.lib.textsearch import coverage, query_terms
from demain.site.archive import fulltext
from demain.site.archive.hits import Hit, highlighted, passages_by_id
from demain.site.archive.vectors import vector_index

RRF_K = 60
CANDIDATES = 50


def retrieve(text: str, k: int = 8, use_vectors: bool = True) -> list[Hit]:
    text = (text or "").strip()
    if not text or k <= 0:
        return []
    terms = query_terms(text)
    by_text = fulltext.match(text, mode="any", limit=CANDIDATES) if terms else []
    by_vector = vector_index.nearest_to(text, CANDIDATES) if use_vectors else []
    parts: dict[int, dict] = {}
    for rank, (pk, score) in enumerate(by_text, start=1):
        parts.setdefault(pk, {})["text"] = (rank, score)
    for rank, (pk, cosine) in enumerate(by_vector, start=1):
        parts.setdefault(pk, {})["vector"] = (rank, cosine)
    fused = sorted(parts, key=lambda pk: (-sum(1 / (RRF_K + rank) for rank, _ in parts[pk].values()), pk))
    passages = passages_by_id(fused[:k * 2])
    hits = []
    for pk in fused:
        passage = passages.get(pk)
        if passage is None:  # removed since the matrix was loaded
            continue
        text_part, vector_part = parts[pk].get("text"), parts[pk].get("vector")
        hits.append(Hit(
            passage=passage, score=sum(1 / (RRF_K + rank) for rank, _ in parts[pk].values()),
            snippet=highlighted(passage, terms), coverage=coverage(f"{passage.title} {passage.text}", terms),
            text_rank=text_part[0] if text_part else None, text_score=text_part[1] if text_part else None,
            vector_rank=vector_part[0] if vector_part else None, cosine=vector_part[1] if vector_part else None))
        if len(hits) == k:
            break
    return hits
