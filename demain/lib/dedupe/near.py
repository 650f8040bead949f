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
    2 % / 5 % / 10 % of the words replaced         0.89-0.92 / 0.76-0.78 / 0.58-0.62

0.4 leaves more than three standard deviations of the MinHash estimate
(sqrt(J(1-J)/NUM_PERM) ≈ 0.044) between the threshold and either side's
worst case. Longer articles only widen the gap: a fixed header and footer
weigh less.

    index = NearDuplicateIndex()
    index.add("a1", text1)          # -> [] : nothing earlier
    index.add("a2", text2)          # -> [Match("a1", 0.82)] : near-duplicate of a1
    index.query(text3)              # ask without adding

Texts with no words are neither indexed nor matched (add returns []).
signature(text) -> LeanMinHash, dump_signature(sig) -> bytes and
load_signature(bytes) let a pipeline store each article's signature and
rebuild the index after a restart with add(key, load_signature(stored)).
Adding a key twice raises ValueError.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Hashable

from datasketch import LeanMinHash, MinHash, MinHashLSH

from .content import words

__all__ = ["Match", "NUM_PERM", "NearDuplicateIndex", "SHINGLE_SIZE", "THRESHOLD",
           "dump_signature", "load_signature", "shingles", "signature", "similarity"]

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


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    """The seed's permutations, drawn once (MinHash draws them again for each instance)."""
    return MinHash(num_perm=num_perm, seed=SEED)


def signature(text: str, num_perm: int = NUM_PERM, size: int = SHINGLE_SIZE) -> LeanMinHash | None:
    """The MinHash signature of the text's shingles, or None for a text with no words.

    The last few texts' signatures are kept: a pipeline asks for one text's signature several
    times (match before storing, index once stored, look again once committed)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return _signature(text, num_perm, size)


@lru_cache(maxsize=64)
def _signature(text: str, num_perm: int, size: int) -> LeanMinHash | None:
    grams = shingles(text, size)
    if not grams:
        return None
    template = _template(num_perm)
    minhash = MinHash(num_perm=num_perm, seed=SEED, permutations=template.permutations,
                      scheme=template.scheme)
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return LeanMinHash(minhash)


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets (0.0 when one has no words)."""
    sig_a, sig_b = signature(a), signature(b)
    if sig_a is None or sig_b is None:
        return 0.0
    return float(sig_a.jaccard(sig_b))


def dump_signature(sig: LeanMinHash) -> bytes:
    """The signature as bytes, to store beside the article."""
    buffer = bytearray(sig.bytesize())
    sig.serialize(buffer)
    return bytes(buffer)


def load_signature(data: bytes) -> LeanMinHash:
    """A signature stored by dump_signature; ValueError when the bytes are not one."""
    try:
        return LeanMinHash.deserialize(bytearray(data))
    except Exception as exc:  # struct.error, ValueError: whatever the bytes broke
        raise ValueError(f"not a stored MinHash signature ({exc})") from None


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

    def _signature(self, text_or_signature: str | LeanMinHash | None) -> LeanMinHash | None:
        if text_or_signature is None or isinstance(text_or_signature, LeanMinHash):
            return text_or_signature
        return signature(text_or_signature, self.num_perm, self.shingle_size)

    def query(self, text: str | LeanMinHash) -> list[Match]:
        """The indexed documents this text (or signature) nearly duplicates, most similar first."""
        return self._matches(self._signature(text))

    def add(self, key: Hashable, text: str | LeanMinHash | None) -> list[Match]:
        """Index the text under ``key`` and return its earlier near-duplicates. A stored
        signature (load_signature) may stand for the text, to rebuild an index without texts."""
        if key in self._signatures:
            raise ValueError(f"key {key!r} is already in the index")
        sig = self._signature(text)
        found = self._matches(sig)
        if sig is not None:
            self._lsh.insert(key, sig)
            self._signatures[key] = sig
        return found

    def put(self, key: Hashable, text: str | LeanMinHash | None) -> None:
        """Index the text under ``key`` without looking for its near-duplicates (add() does both)."""
        if key in self._signatures:
            raise ValueError(f"key {key!r} is already in the index")
        sig = self._signature(text)
        if sig is not None:
            self._lsh.insert(key, sig)
            self._signatures[key] = sig

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
