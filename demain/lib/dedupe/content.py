"""Exact duplicates: a hash over the article's text, folded.

normalize_text(text) folds what a re-publication changes without changing the
article: Unicode compatibility forms (NFKC: no-break spaces, ligatures, full-
width digits), case (casefold), accents (``é`` → ``e``), punctuation
(every Unicode P* character, so typographic and straight quotes, dashes,
ellipses and apostrophes are one) and white space (runs collapse to one space).
Letters, digits and symbols such as ``€`` or ``%`` are kept, so « 10 € » and
« 10 $ » stay different.

words(text) is the folded text split into words; content_hash(text) is the
SHA-256 (hex) of the folded text. Two texts with the same hash are the same
article; a text with no words has no hash (EmptyText).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["EmptyText", "content_hash", "normalize_text", "words"]


class EmptyText(ValueError):
    """The text has no words left once folded, so it identifies nothing."""


_SPACES = re.compile(r"\s+")


def _fold_char(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Mn":  # combining accent, left over by NFD
        return ""
    if category[0] == "P" or category[0] == "Z" or category in ("Cc", "Cf"):
        return " "
    return char


def normalize_text(text: str) -> str:
    """The text with case, accents, punctuation and white space folded."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    folded = "".join(_fold_char(char) for char in decomposed)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", folded)).strip()


def words(text: str) -> list[str]:
    """The folded text's words, in order."""
    folded = normalize_text(text)
    return folded.split(" ") if folded else []


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the folded text; EmptyText when nothing is left."""
    folded = normalize_text(text)
    if not folded:
        raise EmptyText("the text has no words to hash")
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
