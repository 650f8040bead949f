"""Named people, companies and products: a heuristic finder for French and English.

No model: a name is a run of name-like words, where a word is name-like when it
starts with a capital (« Google », « Alexandr Wang »), is an acronym (« ISO »,
« CNIL »), mixes cases (« OpenAI », « NanoBanana », « iPhone », « demAIn ») or
letters and digits (« GPT-5 », « H100 », « o3-mini »); a run may end with a
version number the figure parser left alone (« GPT 5 », « Gemini 2.5 »). Inside a run, « de »,
« of », « & »… may join two name-like words (« Bank of America »). French
elisions (« d'OpenAI », « l'Arcep ») and English possessives (« Google's »)
are cut off, and so are lowercase tails of a hyphenated name (« Lyon-based »).

A capital at the start of a sentence, a line or a quotation proves nothing:
that first word is dropped when it is a function word of either language
(STOPWORDS), and when neither the draft nor any source writes it with a
capital in the middle of a sentence (nor only ever with a capital, as « Meta »
opening each sentence of a source) and it is a common word: written in lower
case somewhere in the draft or the sources, or frequent in the draft
language's word list (pyspellchecker's French or English list, at least
COMMON_FREQUENCY); a strong form (acronym, mixed case, digits) is always kept.
In a line written in title case (« Voice Data, Fine Print »), every word is
treated so.
Generic words alone (« IA », « LLM », « PDG », units such as « CO2 » or
« kWh », months, days, English nationality adjectives such as « French »,
the house format's headings) are no names; at the ends
of a longer name (« Scale AI ») they are kept, and the name is also supported
when a source writes it without them. Places and public bodies a French draft
translates from an English source (« Irlande », « Union européenne ») are
supported by their other-language name (a short table, _EXONYMS_TEXT). A run
of names linked by a joiner (« Commerce des États-Unis ») is supported when one
source names each of them.

An entity is supported when a source writes it, compared without case, accents,
hyphens or spaces between its words, elisions and possessives (« Open AI »,
« open-ai » and « OpenAI » are one name; so are « Meta's » and « Meta »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Finding
from .text import fold, snippet

__all__ = ["COMMON_FREQUENCY", "Entity", "EntityIndex", "capitalised_inside", "check_entity", "find_entities",
           "capitalised_words", "is_common", "lowercase_words", "words_of"]

# A word at least this frequent in the language's list is a common word (names such as
# « amazon » or « meta » sit below it in the English list; « google » and « apple » above, and
# are names there only when a source or the draft capitalises them elsewhere).
COMMON_FREQUENCY = {"fr": 300, "en": 1000}
MAX_WORDS = 6

_WORD_RE = re.compile(r"[^\W_](?:[^\W_]|&(?=[^\W_])|[-.'’](?=[^\W_]))*")
_ELISION_RE = re.compile(r"^(?:[dlcjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W_])", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$|['’]s(?=-)")
_ROMAN_RE = re.compile(r"[IVXLC]+(?:e|er|ème|eme|th|st|nd|rd)")  # « XXe siècle », « XXIst century »
_ARTICLES = {"le", "la", "les", "l", "the"}
_VERSION_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_LOWER_TAIL_RE = re.compile(r"(?:-[a-zà-ÿ]+)+$")
_JOINERS = {"de", "du", "des", "of", "van", "von", "der", "den", "da", "di", "del", "&", "and", "y", "la", "le"}
_INITIAL_BEFORE = re.compile(r"(?:^|[.!?…:;«»\"“”(\[—–•*]|\s-|\n)[\s\u00a0\u202f]*$")

STOPWORDS = frozenset("""
a à ah ai aie ainsi alors apres après au aucun aucune aujourd aussi autant autre autres aux avant avec
c ca ça car ce ceci cela celle celles celui cependant certes ces cet cette ceux chacun chaque chez
comme comment d dans de depuis des desormais désormais deux dont du elle elles en encore enfin
ensuite entre et eux face finalement hier il ils j je jamais l la le les leur leurs lui m ma mais
malgre malgré me meme même mes moi mon n ne ni non nos notre nous on or ou où oui par parce
pas pendant peut peu plus plusieurs pour pourquoi pourtant puis quand que quel quelle quelles quels
qui quoi s sa sans se selon ses seul seule si sinon soit son sont sous sur ta te tes toi ton
tous tout toute toutes tres très tu un une vers voici voila voilà vos votre vous y
reste bref bienvenue merci certains certaines beaucoup tant trop surtout rien personne
a an and are as at be because but by can could did do does each even every for from had has have he
her here hers him his how however i if in into is it its just last let many may me might more most
much my neither never new next no nor not now of on once one only or other our out over perhaps
she should since so some still such than that the their them then there these they this those
though thus to too under until up us was we well were what when where whether which while who
whom whose why will with without would yes yet you your meanwhile instead also today yesterday
tomorrow according after before despite during meanwhile nevertheless nonetheless overall
concretement autrement bref certes finalement evidemment visiblement manifestement heureusement
malheureusement clairement etrangement resultat bilan conclusion verdict desormais aujourd'hui
separately notably additionally moreover furthermore indeed specifically ultimately currently
previously recently earlier later instead still yet here there now today
""".split())
GENERIC = frozenset("""
ia ai llm llms gpu gpus cpu cpus tpu npu api apis pdg ceo cto cfo coo ong ngo pme tpe eti rh hr ok faq
pdf url urls html tv pc pcs ue us usa uk co2 co2e gco2e kgco2e tco2e ch4 wh kwh mwh gwh twh ml cl dl
kg mg km cm mm gb tb mb kb go to mo ko kw mw gw tw pp ppm eur usd gbp etc ex cf nb ps vs
m mme mmes mlle mr mrs ms dr pr st
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
january february march april may june july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche
monday tuesday wednesday thursday friday saturday sunday
sauf enjeux perspectives source sources verdict bon moins demain
american british english french german european chinese japanese korean indian russian italian spanish
dutch irish scottish welsh canadian australian swiss swedish norwegian danish finnish polish ukrainian
israeli african asian arab brazilian mexican turkish belgian austrian greek portuguese taiwanese
""".split())


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    key: str  # folded, without spaces, hyphens, elisions and possessives
    core: str = ""  # the key without generic words at its ends (« Scale AI » → scale), or ""
    parts: tuple[str, ...] = ()  # keys of the names a joiner links (« Commerce des États-Unis »)


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def words_of(text: str) -> tuple[_Word, ...]:
    """The words of ``text``, elisions, possessives and lowercase tails cut. A Corpus reads each
    source's once, for its index and its capitalised and lowercase word sets."""
    found = []
    for match in _WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        elision = _ELISION_RE.match(word)
        if elision:
            word, start = word[elision.end():], start + elision.end()
        possessive = _POSSESSIVE_RE.search(word)
        if possessive and possessive.start() > 0:
            word = word[:possessive.start()]
        word = word.rstrip(".")
        tail = _LOWER_TAIL_RE.search(word)
        if tail and word[0].isupper() and not any(c.isdigit() for c in word):
            word = word[:tail.start()]  # « Lyon-based », « Paris-born »: the name is « Lyon »
        if word:
            found.append(_Word(word, start, start + len(word)))
    return tuple(found)


def _strong(word: str) -> bool:
    """An acronym, a mixed-case word or letters with digits: a name wherever it stands."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in word):
        return not word[0].isdigit()
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return len(letters) <= 6
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _name_like(word: str) -> bool:
    return (word[0].isupper() or _strong(word)) and not _ROMAN_RE.fullmatch(word)


def _key(words) -> str:
    return "".join(_word_key(w) for w in words)


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return fold(word).replace("-", "").replace(".", "").replace("'", "")


@lru_cache(maxsize=1)
def _frequencies():
    from spellchecker import SpellChecker  # ships its French and English word lists

    return SpellChecker(language="fr").word_frequency, SpellChecker(language="en").word_frequency


@lru_cache(maxsize=65536)
def is_common(word: str, lang: str) -> bool:
    """``word`` (any case) is a common word of ``lang`` (« fr » or « en »)."""
    table = _frequencies()[0 if lang == "fr" else 1]
    lower = word.lower()
    forms = [lower]
    if len(lower) > 4 and lower.endswith(("s", "x")):  # « Lawmakers », « Chercheurs »: the singular
        forms.append(lower[:-1])
    return any(table[form] >= COMMON_FREQUENCY[lang] for form in forms)


_LINE_RE = re.compile(r"[^\n]+")


def _title_lines(text: str, words) -> list[tuple[int, int]]:
    """Spans of lines written in title case (« Voice Data, Fine Print »): no sentence ends in them
    and most of their longer words start with a capital; each of their words counts as initial."""
    spans = []
    for line in _LINE_RE.finditer(text):
        body = line.group().strip()
        if not body or len(body) > 120 or re.search(r"[.!?…][\s»\"”]*\S|\.$", body):
            continue
        longer = [m.group() for m in re.finditer(r"[^\W\d_]{4,}", body)]
        if len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer):
            spans.append(line.span())
    return spans


def _initial(text: str, start: int) -> bool:
    return bool(_INITIAL_BEFORE.search(text, max(0, start - 4), start)) or start == 0


def capitalised_inside(text: str, words=None) -> set[str]:
    """Folded words that ``text`` writes with a capital in the middle of a sentence (not in a
    title-case line)."""
    words = words or words_of(text)
    titles = _title_lines(text, words)
    return {fold(w.text) for w in words if w.text[0].isupper() and not _initial(text, w.start)
            and not any(s <= w.start < e for s, e in titles)}


def capitalised_words(text: str, words=None) -> set[str]:
    """Folded words that ``text`` writes with a capital, wherever."""
    return {fold(w.text) for w in (words or words_of(text)) if w.text[0].isupper()}


def lowercase_words(text: str, words=None) -> set[str]:
    """Folded words that ``text`` writes in lower case."""
    return {fold(w.text) for w in (words or words_of(text)) if w.text[0].islower()}


def find_entities(text: str, lang: str = "fr", known: set[str] = frozenset(), lower: set[str] = frozenset(),
                  skip=lambda start, end: False, capitals: set[str] = frozenset()) -> list[Entity]:
    """Every name in ``text``, first occurrence of each. ``known``: folded words written with a
    capital mid-sentence elsewhere (the sources); ``lower``: folded words written in lower case
    elsewhere; ``capitals``: folded words the sources write with a capital anywhere (a word they
    only ever capitalise is a name there: « Meta » opening every sentence it is in);
    ``skip(start, end)``: spans that are no names (figures)."""
    words = words_of(text)
    known = set(known) | capitalised_inside(text, words)
    lower = set(lower) | lowercase_words(text, words)
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    pending: list[_Word] = []  # joiners waiting for the next name-like word
    for index, word in enumerate(words):
        previous = run[-1] if run else None
        gap = text[(pending[-1] if pending else previous).end:word.start] if previous else ""
        contiguous = previous is not None and re.fullmatch(r"[ \u00a0\u202f\-]", gap) is not None
        if _name_like(word.text) and not skip(word.start, word.end):
            if contiguous and len(run) + len(pending) < MAX_WORDS:
                run.extend(pending)
                run.append(word)
            else:
                if run:
                    runs.append(run)
                run = [word]
            pending = []
        elif run and word.text.lower() in _JOINERS and not pending and contiguous:
            pending = [word]
        elif run and not pending and contiguous and _VERSION_RE.fullmatch(word.text) and \
                not skip(word.start, word.end) and len(run) < MAX_WORDS:
            run.append(word)  # « GPT 5 », « Gemini 2.5 », « iPhone 15 »: a version, not a figure
        else:
            if run:
                runs.append(run)
            run, pending = [], []
    if run:
        runs.append(run)
    found: list[Entity] = []
    seen: set[str] = set()
    titles = _title_lines(text, words)

    def ordinary(word: _Word) -> bool:
        """A capitalised common word (by position, not by being a name)."""
        folded = fold(word.text)
        if _strong(word.text) or folded in known or (folded in capitals and folded not in lower):
            return folded in STOPWORDS and not _strong(word.text)
        return folded in STOPWORDS or folded in lower or is_common(word.text, lang)

    def in_title(word: _Word) -> bool:
        return any(s <= word.start < e for s, e in titles)

    split_runs = []
    for run in runs:  # in a title-case line, every common word is only a capital of style
        piece = []
        for word in run:
            if in_title(word) and ordinary(word):
                if piece:
                    split_runs.append(piece)
                piece = []
            else:
                piece.append(word)
        if piece:
            split_runs.append(piece)
    for run in split_runs:
        while run and _initial(text, run[0].start) and ordinary(run[0]):
            run = run[1:]
            while run and run[0].text.lower() in _JOINERS and not run[0].text[0].isupper():
                run = run[1:]
        while run and run[0].text.lower() in _JOINERS and not run[0].text[0].isupper():
            run = run[1:]
        if not run or all(_word_key(w.text) in GENERIC for w in run):
            continue
        key = _key([w.text for w in run])
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        core = run
        while core and _word_key(core[0].text) in GENERIC | _JOINERS | _ARTICLES:
            core = core[1:]  # « Le Monde » is also « Monde » (« du Monde »)
        while core and _word_key(core[-1].text) in GENERIC | _JOINERS:
            core = core[:-1]
        core_key = _key([w.text for w in core]) if core and len(core) < len(run) else ""
        parts, current = [], []
        for word in run + [None]:
            if word is None or word.text.lower() in _JOINERS:
                if current:
                    parts.append(_key([w.text for w in current]))
                current = []
            else:
                current.append(word)
        found.append(Entity(text[run[0].start:run[-1].end], run[0].start, run[-1].end, key, core_key,
                            tuple(parts) if len(parts) > 1 else ()))
    return found


class EntityIndex:
    """One source's runs of up to MAX_WORDS words, keyed like entities, with their first place."""

    def __init__(self, text: str, words=None):
        words = words or words_of(text)
        keys = [_word_key(w.text) for w in words]
        joined = [i > 0 and not text[words[i - 1].end:words[i].start].strip(" \t\n\u00a0\u202f-")
                  for i in range(len(words))]  # word i follows word i - 1 across spaces or a hyphen only
        # several words make one name only when each looks like part of a name (« Open AI »,
        # « GPT 5 », « Banque de France »), never « met à » for « Meta »
        named = [_name_like(w.text) or _VERSION_RE.fullmatch(w.text) is not None or w.text.lower() in _JOINERS
                 for w in words]
        self.places: dict[str, tuple[int, int]] = {}
        for i in range(len(words)):
            key = ""
            for j in range(i, min(len(words), i + MAX_WORDS)):
                if j > i and not (joined[j] and named[i] and named[j]):
                    break
                key += keys[j]
                self.places.setdefault(key, (words[i].start, words[j].end))
        for word in words:  # « Amazon.com » also names « Amazon »
            if "." in word.text[1:]:
                head = word.text.split(".")[0]
                self.places.setdefault(_word_key(head), (word.start, word.start + len(head)))


# French and English names of one place or body: a French draft from English sources writes
# « Irlande » for « Ireland ». One « français|english » pair a line.
_EXONYMS_TEXT = """
Allemagne|Germany
Angleterre|England
Arabie saoudite|Saudi Arabia
Australie|Australia
Autriche|Austria
Belgique|Belgium
Brésil|Brazil
Bruxelles|Brussels
Chine|China
Corée du Sud|South Korea
Danemark|Denmark
Écosse|Scotland
Égypte|Egypt
Émirats arabes unis|United Arab Emirates
Espagne|Spain
États-Unis|United States
États-Unis|US
États-Unis|USA
Finlande|Finland
Grèce|Greece
Hongrie|Hungary
Inde|India
Indonésie|Indonesia
Irlande|Ireland
Islande|Iceland
Israël|Israel
Italie|Italy
Japon|Japan
Londres|London
Mexique|Mexico
Maroc|Morocco
Norvège|Norway
Nouvelle-Zélande|New Zealand
Pays-Bas|Netherlands
Pologne|Poland
Roumanie|Romania
Royaume-Uni|United Kingdom
Royaume-Uni|UK
Russie|Russia
Singapour|Singapore
Suède|Sweden
Suisse|Switzerland
Taïwan|Taiwan
Turquie|Turkey
Union européenne|European Union
Union européenne|EU
UE|EU
Commission européenne|European Commission
Parlement européen|European Parliament
Nations unies|United Nations
ONU|UN
Maison-Blanche|White House
Pékin|Beijing
Genève|Geneva
Varsovie|Warsaw
Lisbonne|Lisbon
Athènes|Athens
Moscou|Moscow
Californie|California
Floride|Florida
Virginie|Virginia
Afrique du Sud|South Africa
Corse|Corsica
Bavière|Bavaria
"""
_EXONYMS: dict[str, set[str]] = {}
for _line in _EXONYMS_TEXT.strip().splitlines():
    _french, _english = (_key(_part.split()) for _part in _line.split("|"))
    _EXONYMS.setdefault(_french, set()).add(_english)
    _EXONYMS.setdefault(_english, set()).add(_french)


def check_entity(entity: Entity, corpus) -> Finding:
    """The finding for one name against a Corpus (corpus.py)."""
    base = dict(text=entity.text, kind="entity", start=entity.start, end=entity.end)
    for key in (entity.key, entity.core, *sorted(_EXONYMS.get(entity.key, ()))):
        for source, index in corpus.entity_indexes():
            place = index.places.get(key) if key else None
            if place:
                return Finding(**base, status="supported", source=source.name, snippet=snippet(source.text, *place),
                               reason="exact" if source.text[place[0]:place[1]] == entity.text else "normalised",
                               explanation=f"la source le nomme : {source.text[place[0]:place[1]]}")
    if len(entity.parts) > 1:  # « Commerce des États-Unis »: each name of the run, in one source
        for source, index in corpus.entity_indexes():
            places = [_place(index, part) for part in entity.parts]
            if all(places):
                return Finding(**base, status="supported", source=source.name,
                               snippet=snippet(source.text, *places[0]), reason="normalised",
                               explanation="la source nomme chacun : " + ", ".join(
                                   source.text[p[0]:p[1]] for p in places))
    return Finding(**base, status="unsupported", reason="not_found", explanation="aucune source ne le nomme")


def _place(index: EntityIndex, key: str) -> tuple[int, int] | None:
    for variant in (key, *sorted(_EXONYMS.get(key, ()))):
        if variant in index.places:
            return index.places[variant]
    return None
