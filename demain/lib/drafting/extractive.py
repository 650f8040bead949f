"""The ``extractive`` backend: no model. The article is made of the sources' own sentences.

Sentences are chosen and ordered for the house structure: the facts (the
sentences most shared across the story's articles, leads first), « Sauf
que. » (the sentences behind the newsroom's disagreements, or a contested
claim), « Enjeux et perspectives » (forward-looking sentences), then the title
and closing line from the project's idiom list (``idioms.fr.json``), chosen by
theme, and the sources with their URLs.

It cannot write a figure that no source wrote: every sentence is a source's,
verbatim, and the idioms hold no figure; :func:`unsourced_numbers` checks the
result anyway. It cannot translate either: it takes French sentences when a
French article exists and says so in the notes when only English was there.
TDM-reserved articles may be quoted (no model reads them); the notes record it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import time
from collections import Counter
from pathlib import Path

from demain.lib.footprint import Generation

from .errors import DraftingError
from .render import render
from .result import DraftResult
from .story import SourceArticle, Story

IDIOMS_PATH = Path(__file__).with_name("idioms.fr.json")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")
WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
NUMBER = re.compile(r"\d+")
URL = re.compile(r"https?://\S+")
MIN_CHARS, MAX_CHARS = 40, 450
STOPWORDS = set("""
alors aussi autre avant avec avoir bien cela celle celui cent cette ceux chez comme comment dans depuis
donc dont elle elles encore entre est était être fait faire leur leurs lors mais même moins notre nous
peut plus pour quand quel quelle sans selon sera ses son sont sous suis leur tous tout toute très vers
votre vous about after also been before being between both could does doing from have having here into
more most other over said same should some such than that their them then there these they this those
through under very were what when where which while will with would your année années ans
""".split())
FACTS, TURN, OUTLOOK = 3, 2, 2
CONTESTED = re.compile(r"\b(contest|critiqu|dément|démenti|controvers|conteste|remet en cause|selon ses détracteurs|"
                       r"however|critic|disput|contested|denied|questioned)", re.IGNORECASE)
FORWARD = re.compile(r"\b(devrai|pourrai|pourra|devra|enjeu|avenir|d’ici|d'ici|prochain|risque|perspective|"
                     r"à terme|demain|will|could|would|future|next|risk|expected|plans?)\b", re.IGNORECASE)
POSITIVE = re.compile(r"\b(simple|rapide|gratuit|efficace|utile|pratique|facile|permet|free|fast|easy|useful|lets)\b", re.I)
NEGATIVE = re.compile(r"\b(mais|pas|limit|manque|cher|payant|lent|seulement|but|not|lacks|only|expensive|slow)\b", re.I)


class Sentence:
    __slots__ = ("text", "article", "position", "words")

    def __init__(self, text: str, article: int, position: int):
        self.text = text
        self.article = article
        self.position = position
        self.words = content_words(text)


def content_words(text: str) -> set[str]:
    return {w.lower().replace("’", "'") for w in WORD.findall(text) if len(w) >= 4 and w.lower() not in STOPWORDS}


def split_sentences(text: str) -> list[str]:
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[-•*] )", text):
        paragraph = " ".join(paragraph.split())
        found += [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]
    return found


def usable(sentence: str) -> bool:
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and sentence[-1] in ".!?…»\""
            and sentence.count("«") == sentence.count("»") and sentence.count('"') % 2 == 0
            and not URL.search(sentence))


def candidates(articles: list[SourceArticle], indexes: list[int]) -> list[Sentence]:
    return [Sentence(text, index, position)
            for index in indexes
            for position, text in enumerate(split_sentences(articles[index].text)) if usable(text)]


def scorer(story: Story, pool: list[Sentence]):
    """Centrality: words shared by several articles and by the story's title; leads count more."""
    spread = Counter(word for index in {s.article for s in pool}
                     for word in set().union(*[s.words for s in pool if s.article == index]))
    title = content_words(story.title)

    def score(sentence: Sentence) -> float:
        if not sentence.words:
            return 0.0
        weight = sum(spread[w] + (2 if w in title else 0) for w in sentence.words)
        return weight / math.sqrt(len(sentence.words)) / (1 + 0.15 * sentence.position)

    return score


def similar(a: Sentence, b: Sentence) -> bool:
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) > 0.5


def pick(pool: list[Sentence], chosen: list[Sentence], count: int, score, keep=lambda s: True) -> list[Sentence]:
    picked: list[Sentence] = []
    for sentence in sorted(pool, key=score, reverse=True):
        if len(picked) == count:
            break
        if keep(sentence) and not any(s is sentence or similar(s, sentence) for s in chosen + picked):
            picked.append(sentence)
    return picked


def reading_order(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sorted(sentences, key=lambda s: (s.article, s.position))]


@functools.lru_cache(maxsize=1)
def idioms() -> list[dict]:
    return json.loads(IDIOMS_PATH.read_text(encoding="utf-8"))["idioms"]


def choose_idiom(story: Story, used_text: str) -> dict:
    """The idiom whose themes the story mentions most; ties broken by the story's title, so they vary."""
    haystack = f"{story.title} {used_text}".lower()
    salt = int(hashlib.sha256(story.title.encode("utf-8")).hexdigest(), 16)

    def rank(item: tuple[int, dict]) -> tuple[int, int]:
        index, idiom = item
        hits = sum(haystack.count(theme) for theme in idiom["themes"])
        return hits, (salt >> index) % 97

    return max(enumerate(idioms()), key=rank)[1]


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(URL.sub(" ", text)))


def unsourced_numbers(text: str, story: Story) -> set[str]:
    """Digit runs of ``text`` (URLs aside) that no source article's text contains."""
    sourced = set()
    for article in story.articles:
        sourced |= numbers(article.text)
    return numbers(text) - sourced


class ExtractiveBackend:
    name = "extractive"
    model = "extractive"

    def draft(self, story: Story) -> DraftResult:
        started, cpu_started = time.perf_counter(), time.process_time()
        if not story.articles:
            raise DraftingError("no_source", "Le sujet n’a aucun article source.", "The story has no source article.")
        articles = list(story.articles)
        french = [i for i, a in enumerate(articles) if a.language.lower().startswith("fr")]
        indexes = french or list(range(len(articles)))
        pool = candidates(articles, indexes)
        if not pool:
            raise DraftingError("no_usable_source",
                                "Aucune phrase utilisable dans les articles sources (textes vides ou trop courts).",
                                "No usable sentence in the source articles (empty or too short texts).")
        notes = []
        if not french:
            notes.append("Seules des sources en anglais étaient disponibles : le moteur extractif ne traduit pas, "
                         "les phrases sont en anglais et sont à traduire avant publication.")
        score = scorer(story, pool)
        kind_draft = self.app_review(story, pool, score) if story.kind == "app_review" else \
            self.article(story, pool, score)
        data, used = kind_draft
        used_articles = sorted({s.article for s in used})
        for index in used_articles:
            if articles[index].tdm_reserved:
                notes.append(f"« {articles[index].source} » réserve ses droits de fouille (TDM) : aucun modèle ne "
                             "l’a lu ; le moteur extractif en cite des phrases telles quelles.")
        text, findings = render(story.kind, data)
        stray = unsourced_numbers(text, story)
        if stray:  # cannot happen: sentences are verbatim and idioms hold no figure
            raise DraftingError("invalid_answer", "Le brouillon contient un nombre absent des sources.",
                                "The draft holds a number no source has.", ", ".join(sorted(stray)))
        generation = Generation(self.name, self.model, 0, 0, time.perf_counter() - started,
                                time.process_time() - cpu_started)
        return DraftResult(story.kind, self.name, self.model, data, text, findings, notes, [], [generation],
                           "idioms.fr.json", 1)

    def sources(self, story: Story, used: list[Sentence]) -> list[dict]:
        order = sorted({s.article for s in used})
        return [{"label": story.articles[i].source or story.articles[i].url, "url": story.articles[i].url}
                for i in order]

    def article(self, story: Story, pool: list[Sentence], score) -> tuple[dict, list[Sentence]]:
        leads = [s for s in pool if s.position < 4] or pool
        # A disagreement's first sentence states the claim (a fact); the others contest it (« Sauf que. »).
        disputed = disagreement_sentences(story, pool)
        claim, counter = disputed[:1], disputed[1:]
        facts = claim + pick(leads, disputed, FACTS - len(claim), score)
        turn = [s for s in counter if not any(similar(s, f) for f in facts)][:TURN]
        if story.disagreements and len(turn) < TURN:
            turn += pick(pool, facts + turn, 1, score, keep=lambda s: bool(CONTESTED.search(s.text)))
        outlook = pick(pool, facts + turn, OUTLOOK, score, keep=lambda s: bool(FORWARD.search(s.text)))
        if not outlook:
            outlook = pick(pool, facts + turn, 1, score)
        if not outlook:  # a single-sentence story: the analysis repeats nothing, it says what is missing
            outlook = []
        used = facts + turn + outlook
        idiom = choose_idiom(story, " ".join(s.text for s in used))
        data = {"title": idiom["title"], "facts": reading_order(facts), "sauf_que": reading_order(turn),
                "enjeux": reading_order(outlook) or ["Les sources n’en disent pas davantage pour l’instant."],
                "closing": idiom["closing"], "sources": self.sources(story, used)}
        return data, used

    def app_review(self, story: Story, pool: list[Sentence], score) -> tuple[dict, list[Sentence]]:
        intro = pick(pool, [], 1, score)
        good = pick(pool, intro, 1, score, keep=lambda s: bool(POSITIVE.search(s.text)))
        bad = pick(pool, intro + good, 1, score, keep=lambda s: bool(NEGATIVE.search(s.text)))
        used = intro + good + bad
        source = self.sources(story, used or pool[:1])[0]
        data = {"name": story.app_name or story.title, "intro": reading_order(intro),
                "good": good[0].text if good else "Les sources ne disent pas ce qui est réussi.",
                "bad": bad[0].text if bad else "Les sources ne disent rien de ses limites.",
                "verdict": "À juger sur pièces : les phrases ci-dessus sont celles de la source.",
                "source": source}
        return data, used


def disagreement_sentences(story: Story, pool: list[Sentence]) -> list[Sentence]:
    """The pool's sentences behind the newsroom's disagreements: given verbatim, or sharing their words."""
    found: list[Sentence] = []
    for disagreement in story.disagreements:
        given = {" ".join(s.split()) for s in disagreement.sentences}
        summary = content_words(disagreement.summary)
        for sentence in pool:
            if any(s is sentence for s in found):
                continue
            if sentence.text in given or any(g and g in sentence.text for g in given):
                found.append(sentence)
            elif not given and summary and len(summary & sentence.words) >= max(2, len(summary) // 2):
                found.append(sentence)
    return found
