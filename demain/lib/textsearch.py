"""Words for full-text search in French: folded, stemmed, highlighted. No Django here.

One normalisation for indexing, querying and highlighting, on every database:
lower-case, accents and ligatures folded (« Requête » → « requete », « cœur » → « coeur »), then
the Snowball French stemmer (``snowballstemmer``, the Snowball project's own Python package, the
algorithm PostgreSQL's ``french_stem`` runs too), so that « énergies », « énergie » and
« energie » all become « energ ». Folding comes *before* stemming, as PostgreSQL's
``unaccent, french_stem`` does: a word typed without its accents then stems exactly like the
accented one.

Hostile input never raises: :func:`query_terms` keeps words only (no quote, operator or
parenthesis survives), at most MAX_QUERY_CHARS characters and MAX_QUERY_TERMS words.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

import snowballstemmer

MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 12
SNIPPET_WORDS = 36

WORD = re.compile(r"[^\W_]+", re.UNICODE)
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})

# Function words that say nothing about what a passage is about (French, and English questions).
STOPWORDS = frozenset("""
a ai as au aux avec avait c ca ce ceci cela celle celles celui ces cet cette ceux chez comme comment
d dans de des donc dont du elle elles en es est et etaient etait ete etre eu fait faire il ils
j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par
pas peu plus pour qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont
sur t ta te tes toi ton tu un une vos votre vous y est-ce
about an and are at be been by can did do does for from had has have how i in is it its of on or
that the their there these this to was were what when where which who why will with
""".split())


def fold(word: str) -> str:
    """Lower-case, without accents or ligatures: « Œuvre » → « oeuvre »."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_stemmer = snowballstemmer.stemmer("french")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The folded word's Snowball French stem (« requetes » → « requet »)."""
    return _stemmer.stemWord(fold(word))


def is_stopword(word: str) -> bool:
    return fold(word) in STOPWORDS


def index_terms(text: str) -> str:
    """What the SQLite index stores for a text: its stems, stopwords left out, space-separated."""
    return " ".join(stem(w) for w in WORD.findall(text) if not is_stopword(w))


def query_parts(query: str) -> list[tuple[str, str]]:
    """The query's searchable words as (folded word, stem), one per distinct stem, in order."""
    found: dict[str, str] = {}
    for word in WORD.findall((query or "")[:MAX_QUERY_CHARS]):
        if not is_stopword(word):
            found.setdefault(stem(word), fold(word))
    return [(word, term) for term, word in found.items() if term][:MAX_QUERY_TERMS]


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, in order; [] when nothing searchable is left."""
    return [term for _, term in query_parts(query)]


def query_words(query: str) -> list[str]:
    """The query's searchable words, folded (for a database that stems them itself)."""
    return [word for word, _ in query_parts(query)]


def coverage(text: str, terms: list[str]) -> float:
    """Share of the query's terms found in the text (0.0 to 1.0)."""
    if not terms:
        return 0.0
    present = {stem(w) for w in WORD.findall(text)}
    return sum(t in present for t in terms) / len(terms)


@dataclass(frozen=True)
class Snippet:
    html: str  # escaped text with <mark>…</mark> around each matching word
    marks: int


def snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> Snippet:
    """The window of ``words`` words of ``text`` with the most matches, matches in <mark>.

    Returned as escaped HTML: nothing from the text can open a tag.
    """
    wanted = set(terms)
    spans = [(m.start(), m.end(), stem(m.group()) in wanted) for m in WORD.finditer(text)]
    if not spans:
        return Snippet(html.escape(text), 0)
    prefix = [0]
    for _, _, hit in spans:
        prefix.append(prefix[-1] + hit)
    starts = range(max(1, len(spans) - words + 1))
    best = max(starts, key=lambda first: (prefix[min(len(spans), first + words)] - prefix[first], -first))
    window = spans[best:best + words]
    start = 0 if best == 0 else window[0][0]
    end = len(text) if best + words >= len(spans) else window[-1][1]
    out, cursor, marks = [], start, 0
    for begin, finish, hit in window:
        if not hit:
            continue
        out.append(html.escape(text[cursor:begin]))
        out.append(f"<mark>{html.escape(text[begin:finish])}</mark>")
        cursor, marks = finish, marks + 1
    out.append(html.escape(text[cursor:end]))
    body = "".join(out).strip()
    return Snippet(("… " if start > 0 else "") + body + (" …" if end < len(text) else ""), marks)


PLAIN_RUN = re.compile(r"[^\W_]+(?: [^\W_]+)*")


def text_fragment(text: str, words: int = 5) -> str:
    """A URL text directive (``text=start,end``) that finds this paragraph in the rendered page.

    Only runs of plain words separated by single spaces are used: the site's typography puts
    narrow no-break spaces around punctuation, which the browser would have to match exactly.
    """
    runs = [run.split(" ") for run in PLAIN_RUN.findall(text)]
    runs = [run for run in runs if len(run) >= 2] or runs
    if not runs:
        return ""
    first, last = runs[0], runs[-1]
    if first is last or len(" ".join(first + last).split()) <= words:
        chosen = " ".join(first[:words * 2])
        return "text=" + quote_directive(chosen)
    return f"text={quote_directive(' '.join(first[:words]))},{quote_directive(' '.join(last[-words:]))}"


def quote_directive(value: str) -> str:
    """Percent-encode a text directive's part (``-``, ``,`` and ``&`` are its syntax)."""
    return quote(value, safe="")
