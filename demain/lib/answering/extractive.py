"""The extractive answer: the passages' own sentences that answer the question best.

Pure code. A sentence's score is the share of the question's weight it covers
(each content word weighted by its rarity in the archive, IDF), plus a little
of the share its whole passage covers and of the passage's retrieval rank.
The best sentences are kept (at most ``limit``, each at least ``min_share`` of
the best score), near-repeats dropped, then put back in reading order: passage
by passage, each passage's sentences as the passage has them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Iterable

from .text import sentences, terms

PASSAGE_WEIGHT = 0.3
RANK_WEIGHT = 0.05
NEAR_REPEAT = 0.7  # Jaccard of two sentences' words above which the second is a repeat


@dataclass(frozen=True)
class Candidate:
    """A retrieved passage: ``key`` names it (its id), ``rank`` its place in the retrieval (0 first)."""

    key: Hashable
    text: str
    rank: int = 0


@dataclass(frozen=True)
class Picked:
    text: str
    key: Hashable
    score: float
    position: int  # the sentence's place in its passage


class Idf:
    """Inverse document frequency of each term over the archive's passages (BM25's form, always > 0)."""

    def __init__(self, documents: int, frequencies: Counter):
        self.documents = documents
        self.frequencies = frequencies

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Idf":
        frequencies: Counter = Counter()
        count = 0
        for text in texts:
            count += 1
            frequencies.update(set(terms(text)))
        return cls(count, frequencies)

    def __call__(self, term: str) -> float:
        df = self.frequencies.get(term, 0)
        return math.log(1 + (self.documents - df + 0.5) / (df + 0.5))


def coverage(question: set[str], found: set[str], idf: Idf) -> float:
    """Share of the question's weight (sum of its terms' IDF) that ``found`` holds; 0 without terms."""
    total = sum(idf(t) for t in question)
    if not total:
        return 0.0
    return sum(idf(t) for t in question & found) / total


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def pick(question: str, candidates: list[Candidate], idf: Idf, limit: int = 3, min_share: float = 0.5
         ) -> list[Picked]:
    """The best sentences of the candidates for the question, deduplicated, in reading order."""
    wanted = set(terms(question))
    if not wanted:
        return []
    scored: list[tuple[float, Picked, set[str]]] = []
    for candidate in candidates:
        passage_share = coverage(wanted, set(terms(candidate.text)), idf)
        for position, sentence in enumerate(sentences(candidate.text)):
            words = set(terms(sentence))
            own = coverage(wanted, words, idf)
            if own <= 0:
                continue
            score = own + PASSAGE_WEIGHT * passage_share + RANK_WEIGHT / (1 + candidate.rank)
            scored.append((score, Picked(sentence, candidate.key, score, position), words))
    scored.sort(key=lambda item: -item[0])
    kept: list[tuple[Picked, set[str]]] = []
    for score, picked, words in scored:
        if len(kept) == limit or score < min_share * scored[0][0]:
            break
        if any(jaccard(words, other) >= NEAR_REPEAT for _, other in kept):
            continue
        kept.append((picked, words))
    return reading_order([picked for picked, _ in kept])


def reading_order(picked: list[Picked]) -> list[Picked]:
    """Passages in the order of their best sentence; in each passage, the passage's own order."""
    first: dict[Hashable, int] = {}
    for index, item in enumerate(picked):
        first.setdefault(item.key, index)
    return sorted(picked, key=lambda item: (first[item.key], item.position))


def lead(candidate: Candidate, count: int = 2) -> list[Picked]:
    """The first sentences of a passage (when the question shares no word with it: another language)."""
    return [Picked(sentence, candidate.key, 0.0, position)
            for position, sentence in enumerate(sentences(candidate.text)[:count])]
