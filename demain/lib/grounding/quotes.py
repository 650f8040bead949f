"""Quotations: found in the draft, matched against the sources.

A quotation is the text between « and », “ and ”, or two straight double
quotes within one paragraph. It is supported when a source holds the same words in the
same order, compared after folding typography (curly and straight quotes,
apostrophes, dashes, special spaces), case, accents and punctuation, and with
whitespace collapsed (reason ``exact`` when only whitespace and typography
differ, ``normalised`` otherwise). An ellipsis inside the quotation (« … »,
« ... », « […] », « (…) ») stands for words left out: each piece must be
found, in order, in one source (reason ``ellipsis``).

A quotation no source holds is unsupported, unless a source holds a long run
of its words (at least MISQUOTE_WORDS words and half the quotation): then it
is contradicted (reason ``misquoted``), with the source's words as snippet.

A translated quotation cannot match its source word for word. It is accepted
only when the draft says it is translated — « (traduit) », « traduction »,
« selon une traduction », « trad. », « translated » — right before or after
it in the same sentence, and then only as a finding the editor accepts:
status unsupported, reason ``translated``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher

from .model import Finding, Source
from .text import snippet, tokens, typography

__all__ = ["MISQUOTE_WORDS", "Quote", "QuoteIndex", "check_quote", "find_quotes"]

MISQUOTE_WORDS = 4
_QUOTE_RES = [
    re.compile(r"«[\s\u00a0\u202f]*([^«»]+?)[\s\u00a0\u202f]*»"),
    re.compile(r"“\s*((?:[^“”\n]|\n(?![ \t]*\n))+?)\s*”"),
    re.compile(r"(?<![\w\"])\"\s*((?:[^\"\n]|\n(?![ \t]*\n))+?)\s*\"(?![\w\"])"),
]
_ELLIPSIS_RE = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|\.\.\.|…")
_TRANSLATED_RE = re.compile(
    r"\b(?:traduit(?:e|es|s)?|traduction|trad\.|translated|translation|notre traduction|"
    r"selon une traduction|en version originale)\b", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")


@dataclass(frozen=True)
class Quote:
    text: str  # the words between the marks
    start: int  # of the words, in the draft
    end: int
    translated: bool


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of ``text``, left to right, without overlaps."""
    found: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for pattern in _QUOTE_RES:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if not tokens(match.group(1)):
                continue
            taken.append(match.span())
            found.append(Quote(match.group(1), start, end, _says_translated(text, match.start(), match.end())))
    return sorted(found, key=lambda q: q.start)


def _says_translated(text: str, start: int, end: int) -> bool:
    """The draft says, in the quotation's sentence, that it is translated."""
    before = text[max(0, start - 80):start]
    stops = list(_SENTENCE_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end():]
    after = text[end:end + 80]
    stop = _SENTENCE_STOP.search(after)
    if stop:
        after = after[:stop.start() + 1]
    return bool(_TRANSLATED_RE.search(before) or _TRANSLATED_RE.search(after))


class QuoteIndex:
    """One source's words, folded, joined by single spaces, with each word's place in the text."""

    def __init__(self, source: Source):
        self.source = source
        words = tokens(source.text)
        self.words = [w for _, _, w in words]
        self.spans = [(s, e) for s, e, _ in words]
        self.joined = " " + " ".join(self.words) + " "
        self.offsets = []  # character offset in ``joined`` of each word
        at = 1
        for word in self.words:
            self.offsets.append(at)
            at += len(word) + 1
        self.flat = " ".join(typography(source.text).split())

    def word_at(self, offset: int) -> int:
        return bisect_left(self.offsets, offset)

    def find(self, pieces: list[list[str]]) -> tuple[int, int] | None:
        """Text span of the pieces found in order, or None."""
        at, first, last = 0, None, None
        for piece in pieces:
            needle = " " + " ".join(piece) + " "
            found = self.joined.find(needle, at)
            if found < 0:
                return None
            index = self.word_at(found + 1)
            if first is None:
                first = index
            last = index + len(piece) - 1
            at = found + len(needle) - 1
        return self.spans[first][0], self.spans[last][1]


def check_quote(quote: Quote, corpus) -> Finding:
    """The finding for one quotation against a Corpus (corpus.py)."""
    pieces = [[w for _, _, w in tokens(piece)] for piece in _ELLIPSIS_RE.split(quote.text)]
    pieces = [piece for piece in pieces if piece]
    words = [w for piece in pieces for w in piece]
    base = dict(text=quote.text, kind="quote", start=quote.start, end=quote.end)
    for source, index in corpus.quote_indexes():
        span = index.find(pieces)
        if span is None:
            continue
        flat_quote = " ".join(typography(quote.text).split())
        if len(pieces) > 1:
            reason, how = "ellipsis", "trouvée morceau par morceau, autour de l'ellipse"
        elif flat_quote in index.flat:
            reason, how = "exact", "trouvée mot pour mot"
        else:
            reason, how = "normalised", "trouvée une fois casse, accents et ponctuation mis de côté"
        return Finding(**base, status="supported", source=source.name,
                       snippet=snippet(source.text, *span), reason=reason, explanation=how)
    if quote.translated:
        return Finding(**base, status="unsupported", reason="translated",
                       explanation="citation traduite, selon le brouillon : aucune source ne porte ces mots ; "
                                   "à comparer à l'original et à accepter par l'éditeur")
    best = None
    if len(words) >= MISQUOTE_WORDS:
        for source, index in corpus.quote_indexes():
            matcher = SequenceMatcher(None, index.words, words, autojunk=False)
            match = matcher.find_longest_match(0, len(index.words), 0, len(words))
            if match.size >= max(MISQUOTE_WORDS, (len(words) + 1) // 2) and (best is None or match.size > best[0]):
                best = (match.size, source, index, match)
    if best:
        size, source, index, match = best
        first = max(0, match.a - match.b)
        last = min(len(index.words) - 1, match.a + size - 1 + (len(words) - match.b - size))
        return Finding(**base, status="contradicted", source=source.name,
                       snippet=snippet(source.text, index.spans[first][0], index.spans[last][1]),
                       reason="misquoted",
                       explanation=f"citation déformée : la source a {size} de ses {len(words)} mots à la suite, "
                                   "pas la citation")
    return Finding(**base, status="unsupported", reason="not_found", explanation="aucune source ne porte ces mots")
