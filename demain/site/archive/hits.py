"""A passage found by search or retrieval, with its scores and its highlighted snippet."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from demain.lib.textsearch import snippet, text_fragment
from demain.site.models import Passage


@dataclass
class Hit:
    """One passage found.

    ``score``: what the results are ordered by (search: the full-text engine's score;
    retrieval: the fused score). The parts, each None when that method did not find the passage:
    ``text_rank``/``text_score`` (full-text, rank from 1), ``vector_rank``/``cosine`` (embeddings).
    ``coverage``: share of the query's words (stems) the passage contains, 0 to 1.
    """

    passage: Passage
    score: float
    snippet: SafeString
    coverage: float = 0.0
    text_rank: int | None = None
    text_score: float | None = None
    vector_rank: int | None = None
    cosine: float | None = None

    @property
    def url(self) -> str:
        """``/numeros/N/#anchor``: the article (or editorial, or app review) holding the passage."""
        return self.passage.get_absolute_url()

    @property
    def link(self) -> str:
        """The same URL with a text directive, so the browser scrolls to the passage and highlights it."""
        directive = text_fragment(self.passage.text)
        return f"{self.url}:~:{directive}" if directive else self.url

    def as_dict(self) -> dict:
        p = self.passage
        return {"issue": p.issue.number, "anchor": p.anchor, "article": p.article_id, "passage": p.pk,
                "title": p.title, "text": p.text, "url": self.url, "score": self.score,
                "coverage": self.coverage, "text_rank": self.text_rank, "text_score": self.text_score,
                "vector_rank": self.vector_rank, "cosine": self.cosine}


def passages_by_id(ids: list[int]) -> dict[int, Passage]:
    return Passage.objects.select_related("issue", "article").defer("embedding").in_bulk(ids)


def highlighted(passage: Passage, terms: list[str]) -> SafeString:
    return mark_safe(snippet(passage.text, terms).html)  # escaped by textsearch.snippet
