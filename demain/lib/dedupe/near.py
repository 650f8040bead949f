"""Near-duplicates: MinHash LSH over word shingles (datasketch).

A syndicated copy (same body, another outlet's header and footer) and a
lightly edited rewrite (a changed title, a few words, a sentence added) are
near-duplicates; two different write-ups of one event are not, even when they
share names and figures.

Each text becomes the set of its shingles: runs of SHINGLE_SIZE consecutive
words of the folded text (see content.words). Two texts are near-duplicates
when the Jaccard similarity of their shingle sets, estimated from MinHash
signatures of NUM_PERM permutations, reaches THRESHOLD. The LSH index finds
candidates in sub-linear time; each candidate is then checked against the
threshold with its signature, so the banding's false positives are dropped.

THRESHOLD = 0.4 and SHINGLE_SIZE = 3 were measured on pairs written for the
purpose (tests/dedupe_samples.py; bench/dedupe prints the table). True
Jaccard of the shingle sets, 230-word articles:

    syndicated copy (other header and footer)      0.76-0.78
    light edits (title, a few words, a sentence)   0.72-0.77
    light edits AND another header and footer     0.57-0.61
    two write-ups of one event                     0.00-0.01
    the same, both wrapped in one outlet's chrome  0.13
    a translation                                  0.00

0.4 leaves more than three standard deviations of the MinHash estimate
(sqrt(J(1-J)/NUM_PERM) ≈ 0.044) between the threshold and either side's
worst case. Longer articles only widen the gap: a fixed header and footer
weigh less.

    index = NearDuplicateIndex()
    index.add("a1", text1)          # -> [] : nothing earlier
    index.add("a2", text2)          # -> [Match("a1", 0.82)] : near-duplicate of a1
    index.query(text3)              # ask without adding

Texts with no words are neither indexed nor matched (add returns []).
Adding a key twice raises ValueError.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

from datasketch import LeanMinHash, MinHash, MinHashLSH

from .content import words

__all__ = ["Match", "NUM_PERM", "NearDuplicateIndex", "SHINGLE_SIZE", "THRESHOLD",
           "shingles", "signature", "similarity"]

THRESHOLD = 0.4
SHINGLE_SIZE = 3
NUM_PERM = 128
SEED = 1


@dataclass(frozen=True, order=True)
class Match:
    """An earlier document and its estimated Jaccard similarity to the new one."""

    key: Hashable
    similarity: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The set of runs of ``size`` consecutive folded words (the whole text when shorter)."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM, size: int = SHINGLE_SIZE) -> LeanMinHash | None:
    """The MinHash signature of the text's shingles, or None for a text with no words."""
    grams = shingles(text, size)
    if not grams:
        return None
    minhash = MinHash(num_perm=num_perm, seed=SEED)
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return LeanMinHash(minhash)


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets (0.0 when one has no words)."""
    sig_a, sig_b = signature(a), signature(b)
    if sig_a is None or sig_b is None:
        return 0.0
    return float(sig_a.jaccard(sig_b))


class NearDuplicateIndex:
    """Documents added one by one; each addition names the earlier near-duplicates."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM,
                 shingle_size: int = SHINGLE_SIZE):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[Hashable, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._signatures

    def query(self, text: str) -> list[Match]:
        """The indexed documents this text is a near-duplicate of, most similar first."""
        return self._matches(signature(text, self.num_perm, self.shingle_size))

    def add(self, key: Hashable, text: str) -> list[Match]:
        """Index the text under ``key`` and return its earlier near-duplicates."""
        if key in self._signatures:
            raise ValueError(f"key {key!r} is already in the index")
        sig = signature(text, self.num_perm, self.shingle_size)
        found = self._matches(sig)
        if sig is not None:
            self._lsh.insert(key, sig)
            self._signatures[key] = sig
        return found

    def remove(self, key: Hashable) -> None:
        """Forget a document (KeyError when it is not indexed)."""
        del self._signatures[key]
        self._lsh.remove(key)

    def _matches(self, sig: LeanMinHash | None) -> list[Match]:
        if sig is None:
            return []
        found = []
        for key in self._lsh.query(sig):
            score = float(sig.jaccard(self._signatures[key]))
            if score >= self.threshold:
                found.append(Match(key, score))
        found.sort(key=lambda m: (-m.similarity, str(m.key)))
        return found
