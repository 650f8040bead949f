"""Words and sentences of the archive's passages, for matching a question with what answers it.

Pure code. ``terms()`` reads a text as the search index does (demain.lib.textsearch:
folded, Snowball French stems), leaving out the stop words of French and English
(the ``stop-words`` package) and the words every question uses (« combien »,
« lettre »…); ``sentences()`` cuts a passage into its sentences, keeping their
exact text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stop_words import get_stop_words

from demain.lib.textsearch import WORD, fold, stem

# A sentence ends with . ! ? or … (and a closing quote or bracket), before a space and a capital,
# a digit or an opening quote; « M. », initials and the like do not end one.
SENTENCE_END = re.compile(r"[.!?…]+[»”\"')\]]?(?=\s+[«“\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")
ABBREVIATIONS = ("M.", "MM.", "Mme.", "Dr.", "p.", "cf.", "etc.", "env.", "vs.", "St.", "Mr.", "Mrs.", "U.S.")
QUESTION_WORDS = ("quel quelle quels quelles combien pourquoi comment quand lequel laquelle dit dire parle "
                  "parler lettre newsletter numero numeros article articles archive archives selon faut peut "
                  "peuvent existe what which who how why when does say said tell about can could should")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set(get_stop_words("french")) | set(get_stop_words("english")) | set(QUESTION_WORDS.split())
    return frozenset(fold(w) for w in words)


def terms(text: str) -> list[str]:
    """The content words of ``text`` as stems, in order (repeats kept)."""
    stops = stop_words()
    found = []
    for word in WORD.findall(text):
        folded = fold(word)
        if folded in stops or (len(folded) < 2 and not folded.isdigit()):
            continue
        found.append(stem(word))
    return found


NAME_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def names(text: str) -> list[str]:
    """The words of a question that name something: capitalised after its first word (« Mistral »,
    « Ombrelune »), or letters joined to digits (« Quibble-9 »); each part apart. Acronyms are left
    out: the archive may spell them out (« API », « interface de programmation »)."""
    found = []
    stops = stop_words()
    for index, match in enumerate(NAME_RE.finditer(text)):
        word = match.group()
        has_digit, has_alpha = any(c.isdigit() for c in word), any(c.isalpha() for c in word)
        capitalised = word[0].isupper() and not word.isupper() and index > 0
        if not (capitalised or (has_digit and has_alpha)):
            continue
        for part in word.split("-"):
            if any(c.isalpha() for c in part) and not part.isupper() and fold(part) not in stops:
                found.append(part)
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
