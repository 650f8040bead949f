"""The article-extraction-benchmark metric, reimplemented from its description.

Each text becomes the multiset of its 4-token shingles (tokens are runs of word
characters). Per page, true positives, false positives and false negatives are
counted over the two multisets and divided by their sum, so that long pages weigh
no more than short ones. Precision is averaged over the pages where something was
predicted, recall over the pages where something was expected, and F1 is the
harmonic mean of those two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: such a page does not count in precision."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when nothing was expected: such a page does not count in recall."""
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str | None, size: int = SHINGLE) -> Counter:
    """Counts of the runs of `size` consecutive tokens; a shorter text is one shingle."""
    tokens = WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score_page(expected: str | None, predicted: str | None) -> PageScore:
    truth, guess = shingles(expected), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def aggregate(pages: Iterable[PageScore]) -> Score:
    pages = list(pages)
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(pages))
