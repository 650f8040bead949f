"""Lexical signals of one article: named entities, figures, title words and a language guess.

Entities are what crosses languages: a name is spelled the same in a French and an English
article (« Orlo Labs », « Brume-12B », « Elke Marren »). They are found without a model, as runs
of capitalised words; a sentence's first word counts only when the same word is capitalised
elsewhere in the text or when it starts a run of several. Everything is accent-folded and
lower-cased so that « Écho » and « Echo » match.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?»:;])\s+|\n+")

# Words that are capitalised for grammar, not because they name something; plus days and
# months, which English capitalises and which say nothing about the event.
STOPWORDS = frozenset("""
a an the and or but of in on at to for from by with as is are was were be been it its this that
these those he she they we you i his her their our not no yes if then than so also after before
over under about into more most less new one two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mr mrs ms dr
le la les l un une des du de d au aux et ou mais donc or ni car en dans sur sous par pour avec
sans chez vers selon ce cet cette ces son sa ses leur leurs notre nos votre vos il elle ils elles
on nous vous je tu qui que quoi dont où ne pas plus moins est sont a ont été être fait faire
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
août septembre octobre novembre décembre m mme
""".split())

EN_MARKERS = frozenset("the and of to is was that with for on said has have will which".split())
FR_MARKERS = frozenset("le la les et des du est une dans pour qui que sur avec a été sont".split())


def fold(word: str) -> str:
    """Lower-case and strip accents: « Écho » -> « echo »."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def guess_language(text: str) -> str | None:
    """« fr » or « en » by counting function words, None when neither is clear."""
    tokens = [w.lower() for w in words(text[:3000])]
    en = sum(t in EN_MARKERS for t in tokens)
    fr = sum(t in FR_MARKERS for t in tokens)
    if max(en, fr) < 3 or en == fr:
        return None
    return "en" if en > fr else "fr"


def is_capitalised(word: str) -> bool:
    return word[0].isupper() or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def entities(text: str, exclude: tuple[str | None, ...] = ()) -> set[str]:
    """Folded names found in the text: each run of capitalised words, and each of its words.

    `exclude` names (the article's author, its outlet) are left out: they link every article
    of one journalist or one outlet, whatever the event.
    """
    excluded = set()
    for name in exclude:
        if name:
            folded = [fold(w) for w in words(name)]
            excluded.add(" ".join(folded))
            excluded.update(folded)
    sentences = [sentence_words(s) for s in SENTENCE_END.split(text) if s.strip()]
    mid_capitalised = {fold(w) for s in sentences for w, _ in s[1:] if w[0].isupper()}
    found: set[str] = set()
    for sentence in sentences:
        run: list[str] = []
        for position, (word, joined) in enumerate(sentence + [("", False)]):
            if run and not joined:
                keep(run, found, excluded)
                run = []
            if word and is_capitalised(word) and fold(word) not in STOPWORDS:
                if not run and position == 0 and fold(word) not in mid_capitalised:
                    nxt, nxt_joined = sentence[1] if len(sentence) > 1 else ("", False)
                    if not (nxt_joined and is_capitalised(nxt) and fold(nxt) not in STOPWORDS):
                        continue  # a sentence's first word, capitalised only for grammar
                run.append(ELISION.sub("", fold(word)))
                continue
            if run and word.isdigit() and len(word) <= 3:
                run.append(word)  # a version: « Orlo 4 », « Tarn 2 »
                continue
            if run:
                keep(run, found, excluded)
                run = []
    return found


ELISION = re.compile(r"^(?:l|d|qu|n|s|j|c)'")


def sentence_words(sentence: str) -> list[tuple[str, bool]]:
    """Each word, and whether only spaces separate it from the previous one."""
    out, end = [], None
    for match in WORD.finditer(sentence):
        joined = end is not None and not sentence[end:match.start()].strip()
        out.append((match.group(), joined))
        end = match.end()
    return out


def keep(run: list[str], found: set[str], excluded: set[str]) -> None:
    phrase = " ".join(run)
    if phrase not in excluded:
        found.add(phrase)
    parts = [p for w in run for p in ([w] + (w.split("-") if "-" in w else []))]
    found.update(p for p in parts if len(p) >= 3 and p not in excluded and p not in STOPWORDS)


def title_words(title: str) -> set[str]:
    """The title's content words, folded, without stopwords or very short words."""
    folded = (ELISION.sub("", fold(w)) for w in words(title))
    return {f for f in folded if len(f) >= 3 and f not in STOPWORDS and not f.isdigit()}


def figure_keys(text: str, language: str | None) -> set[str]:
    """The text's figures as comparable keys: « 1 200 » and « 1,200 » give the same key.

    Values come from demain.lib.figures, normalised to a base unit; a date keys on its day.
    """
    from demain.lib.figures import find_figures

    keys = set()
    for figure in find_figures(text, lang=language if language in ("fr", "en") else None):
        if figure.iso:
            keys.add(f"date:{figure.iso}")
        elif figure.value is not None:
            keys.add(f"{figure.unit or figure.dimension}:{figure.value:.4g}")
    return keys
