"""Text helpers shared by the checks: typography folded, word tokens, snippets."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

__all__ = ["URL_RE", "fold", "mask", "snippet", "tokens", "typography"]

URL_RE = re.compile(r"https?://\S+|www\.\S+")
_TYPOGRAPHY = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": "",
    "\u2026": "...", "\u0153": "oe", "\u0152": "OE", "\u00e6": "ae",
})
_WORD_RE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")


def typography(text: str) -> str:
    """Curly quotes, apostrophes, dashes, special spaces and the ellipsis folded to ASCII forms."""
    return unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, without accents (« Régulateur » → « regulateur »)."""
    decomposed = unicodedata.normalize("NFD", typography(word).casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of ``text`` (digits with their separators kept:
    « 0,24 »), punctuation and spacing dropped."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD_RE.finditer(text)]


def mask(text: str, pattern: re.Pattern = URL_RE) -> str:
    """``text`` with each match of ``pattern`` blanked out, same length (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s+|\n")


def snippet(text: str, start: int, end: int, width: int = 240) -> str:
    """The sentence around [start, end), at most about ``width`` characters, on one line."""
    left = max(0, start - width)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    s_start = ends[-1] if ends else left
    found = _SENTENCE_END.search(text, end)
    s_end = found.end() if found and found.end() - end < width else min(len(text), end + width // 2)
    if start - s_start > width // 2:
        s_start = text.rfind(" ", 0, start - width // 2) + 1
    piece = text[s_start:s_end]
    return " ".join(piece.split())


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def line_of(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos)
