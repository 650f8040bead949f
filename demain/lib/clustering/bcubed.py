"""B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin, 1998).

For each item: precision is the share of its predicted cluster that shares its gold label,
recall the share of its gold cluster that shares its predicted cluster; both are averaged over
items. Unlike pairwise scores, singletons count, and a wrong merge of big clusters costs more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: dict[str, object], gold: dict[str, object]) -> BCubed:
    """Scores of `predicted` (item -> cluster) against `gold` (item -> label), same items."""
    if set(predicted) != set(gold):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise ValueError(f"predicted and gold clusterings cover different items, e.g. {missing}")
    if not gold:
        raise ValueError("cannot score an empty clustering")
    pair = Counter((predicted[i], gold[i]) for i in gold)
    cluster_size = Counter(predicted.values())
    label_size = Counter(gold.values())
    precision = recall = 0.0
    for i in gold:
        both = pair[(predicted[i], gold[i])]
        precision += both / cluster_size[predicted[i]]
        recall += both / label_size[gold[i]]
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)
