"""Words and sentences of the archive's passages, for matching a question with what answers it.

Pure code. ``terms()`` reads a French or English text as stemmed, accent-free
content words (Snowball stemmers, the stop words of the ``stop-words`` package);
``sentences()`` cuts a passage into its sentences, keeping their exact text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from stop_words import get_stop_words

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A sentence ends with . ! ? or … (and a closing quote or bracket), before a space and a capital,
# a digit or an opening quote; « M. », « N° », initials and decimals do not end one.
SENTENCE_END = re.compile(r"[.!?…]+[»”\"')\]]?(?=\s+[«“\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")
ABBREVIATIONS = ("M.", "MM.", "Mme.", "Dr.", "p.", "cf.", "etc.", "env.", "vs.", "St.", "Mr.", "Mrs.", "U.S.")


def fold(text: str) -> str:
    """Lower case, without accents (« Énergie » → « energie »)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set(get_stop_words("french")) | set(get_stop_words("english"))
    # Question words and the archive's own vocabulary carry no subject.
    words |= {"quel", "quelle", "quels", "quelles", "combien", "pourquoi", "comment", "quand", "lequel",
              "laquelle", "dit", "dire", "parle", "parler", "lettre", "newsletter", "numero", "numeros",
              "article", "articles", "archive", "archives", "selon", "what", "which", "who", "how", "why",
              "when", "does", "say", "said", "tell", "about", "est-ce", "qu'est-ce", "y-a-t-il", "a-t-il",
              "t-il", "t-elle", "c'est", "qu'il", "qu'elle", "d'un", "d'une", "l'on", "fait", "faut"}
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=2)
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


def _split_elision(word: str) -> str:
    """« l'énergie » → « énergie », « qu'OpenAI » → « OpenAI »."""
    for mark in ("'", "’"):
        head, sep, tail = word.partition(mark)
        if sep and len(head) <= 3 and tail:
            return tail
    return word


def terms(text: str) -> list[str]:
    """The content words of ``text``, folded and stemmed (both stemmers agree on most shared roots:
    the French one is applied, then the English one, so « énergie » and « energy » meet)."""
    found = []
    stops = stop_words()
    french, english = _stemmer("french"), _stemmer("english")
    for match in WORD_RE.finditer(text):
        word = fold(_split_elision(match.group()))
        if word in stops or (len(word) < 2 and not word.isdigit()):
            continue
        if word.isdigit():
            found.append(word)
            continue
        found.append(english.stemWord(french.stemWord(word)))
    return found


def sentences(text: str) -> list[str]:
    """The sentences of a passage, each stripped, in order; the exact words of the passage."""
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    if not text:
        return []
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start:match.end()].strip()
        tail = candidate.rsplit(" ", 1)[-1]
        if tail in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", tail):
            continue
        parts.append(candidate)
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]
