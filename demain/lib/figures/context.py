"""What a figure is about: the quantified noun, the keywords around it, the language.

keywords(text) folds words (case, accents), drops stop words and numbers,
cuts a plural « s »/« x », and maps a small French–English lexicon of the
quantities AI news reports (eau/water, énergie/energy, utilisateurs/users…)
to one concept, so that a French and an English figure about the same thing
share keywords.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["STOPWORDS", "fold", "guess_lang", "keywords", "noun_after", "noun_before", "sentences"]

_FR_STOP = set("""
a à au aux avec ce ces cet cette c ça comme dans de des du d elle elles en entre est et été être
eux il ils je la le les leur leurs l lui ma mais me même mes moi mon ne ni nos notre nous on ou
où par pas plus pour qu que qui sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous
y été était étaient sera seront serait a ont avait avaient fait faire selon après avant chaque
tout toute tous toutes autre autres aussi encore déjà très bien peu moins ainsi alors donc dont
lors sans sous vers chez contre depuis environ près presque quelque quelques plusieurs
cela celui celle ceux celles ici là soit puis ou car or dont fois
parmi pendant durant malgré hormis sauf seulement environ jusqu jusque dès entre contre
""".split())
_EN_STOP = set("""
a an the and or but of to in on at by for with from as is are was were be been being it its this
that these those he she they them their his her we our you your i not no nor so than then there
here which who whom whose what when where why how all any both each few more most other some such
only own same too very can will just should now has have had do does did about over under into
through during before after above below up down out off again further once also per nearly almost
around roughly some up approximately would could may might said says according
between among amid within without since until while despite like unlike against toward towards
across behind beyond except including via versus vs ago only just least
""".split())
_NUMBER_WORDS = set("""
zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
vingt trente quarante cinquante soixante cent mille million milliard billion trillion
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand times
""".split())
STOPWORDS = frozenset(_FR_STOP | _EN_STOP | _NUMBER_WORDS)

# French → English concept, for the quantities AI news reports.
_LEXICON = {
    "eau": "water", "energie": "energy", "electricite": "electricity", "consommation": "consumption",
    "emission": "emission", "carbone": "carbon", "utilisateur": "user", "usager": "user",
    "requete": "query", "question": "query", "prompt": "query", "parametre": "parameter",
    "jeton": "token", "revenu": "revenue", "affaire": "revenue",
    "levee": "funding", "leve": "funding", "financement": "funding", "valorisation": "valuation",
    "investissement": "investment", "investi": "investment", "cout": "cost", "prix": "price",
    "puce": "chip", "processeur": "chip", "centre": "center", "centre de donnee": "datacenter",
    "donnee": "data", "foyer": "home", "menage": "home", "logement": "home", "emploi": "job",
    "salarie": "employee", "employe": "employee", "poste": "job", "an": "year", "annee": "year",
    "annuel": "year", "annuelle": "year", "jour": "day", "quotidien": "day", "mois": "month",
    "semaine": "week", "heure": "hour", "refroidissement": "cooling", "chaleur": "heat",
    "reseau": "grid", "puissance": "power", "site": "site", "entrainement": "training",
    "modele": "model", "inference": "inference", "perte": "loss", "benefice": "profit",
    "croissance": "growth", "hausse": "increase", "baisse": "decrease", "part": "share",
    "marche": "market", "vente": "sale", "abonne": "subscriber", "client": "customer",
    "personne": "people", "habitant": "inhabitant", "ville": "city", "pays": "country",
    "monde": "world", "mondial": "world", "litre": "litre", "tonne": "tonne", "vol": "flight",
    "voiture": "car", "recherche": "search", "image": "image", "video": "video",
    "datacenter": "datacenter", "data": "data", "centre": "center", "center": "center",
    "dollar": "dollar", "euro": "euro", "fois": "times", "plus": "more", "moins": "less",
    "gpu": "gpu", "serveur": "server", "agent": "agent", "etude": "study", "rapport": "report",
    "pourcentage": "percent", "turbine": "turbine", "eolien": "wind", "eolienne": "wind",
    "vent": "wind", "hiver": "winter", "ete": "summer", "nucleaire": "nuclear",
}

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _LEXICON.get(word, word)


def keywords(text: str) -> frozenset[str]:
    """Content words of the text, folded, singular, mapped to one concept across languages."""
    found = set()
    for match in _WORD_RE.finditer(text):
        for part in re.split(r"['’]", match.group()):
            word = fold(part)
            if len(word) < 3 or word in STOPWORDS:
                continue
            found.add(_stem(word))
    return frozenset(found)


def guess_lang(text: str) -> str:
    """« fr » or « en », by counting each language's stop words (« fr » on a tie)."""
    words = [fold(w) for w in _WORD_RE.findall(text[:5000])]
    french = sum(1 for w in words if w in _FR_ONLY)
    english = sum(1 for w in words if w in _EN_ONLY)
    return "en" if english > french else "fr"


_FR_ONLY = frozenset(fold(w) for w in ("le la les des du est et une dans pour qui que sur avec "
                                       "pas sont aux ces cette leur selon été être").split())
_EN_ONLY = frozenset("the and of is are was were with from this that these which for has have its".split())

_CONNECTORS = {"de", "d", "des", "du", "of", "the", "les", "la", "le", "l"}
_OF = {"de", "d", "des", "du", "of"}


def noun_after(text: str, pos: int, direct: bool = True) -> str | None:
    """The first content word after ``pos`` (skipping « de », « of », articles), in the same clause.
    With ``direct`` False, only a word introduced by « de » or « of » (« 40 % de l'énergie »)."""
    skipped = 0
    for match in _WORD_RE.finditer(text, pos, min(len(text), pos + 60)):
        if re.search(r"[.,;:!?()\n«»\"“”]", text[pos:match.start()]):
            return None
        for part in re.split(r"['’]", match.group()):
            word = fold(part)
            if word in _CONNECTORS:
                skipped += 1
                direct = direct or word in _OF
                continue
            if not direct:
                return None
            if word in STOPWORDS or len(word) < 2:
                return None
            return _stem(word)
        if skipped > 2:
            return None
    return None


def noun_before(text: str, pos: int) -> str | None:
    """The noun right before « de », « of » or « : » and the figure (« une consommation de 0,24 Wh »)."""
    window = text[max(0, pos - 50):pos]
    match = re.search(r"([^\W\d_]+)['’]?\s*(?:\b(?:de|d['’]|of|du|des|à|at|:)\s*|:\s*|d['’])$", window, re.IGNORECASE)
    if not match:
        return None
    word = fold(match.group(1))
    if word in STOPWORDS or len(word) < 3:
        return None
    return _stem(word)


_SENTENCE_END = re.compile(r"(?<!\d)[.!?…](?!\d)[»”\"]?\s+|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, in order, covering the text."""
    spans, left = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((left, match.end()))
        left = match.end()
    spans.append((left, len(text)))
    return spans
