"""Incremental clustering: each new article joins the best story in the time window, or starts one.

Per article the cost is bounded: only stories seen within the window are candidates; among them,
the `top_k` nearest centroids (one numpy product over the window's centroid matrix) and the
stories sharing a rare name (an inverted index on entities) are scored in full. Memory holds the
window's stories and articles only; older ones are evicted as time moves on.

The score of an article against a story is a sum of named parts (see `Weights`); the article
joins the best story when the sum reaches `Weights.threshold`.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from demain.lib.clustering import text as lexical


@dataclass(frozen=True)
class Article:
    """What the clusterer needs from one article."""

    id: str
    title: str
    text: str
    published: datetime
    outlet: str | None = None
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Features:
    vector: np.ndarray
    entities: frozenset[str]
    figures: frozenset[str]
    title_words: frozenset[str]
    published: datetime
    language: str | None = None


def features(article: Article, vector: np.ndarray, figures: set[str] | None = None) -> Features:
    """The article's signals; `figures` (keys as made by text.figure_keys) when already found."""
    language = article.language or lexical.guess_language(article.text)
    names = lexical.entities(f"{article.title}.\n{article.text}", exclude=(article.author, article.outlet))
    found = figures if figures is not None else lexical.figure_keys(article.text, language)
    return Features(
        vector=np.asarray(vector, dtype=np.float32),
        entities=frozenset(names),
        figures=frozenset(found),
        title_words=frozenset(lexical.title_words(article.title)),
        published=article.published,
        language=language,
    )


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; see docs/clustering.md for how they were chosen.

    - embedding: the mean cosine similarity to the story's articles (the dot product with their
      mean vector: unlike the cosine to a normalised centroid, it does not grow with the
      story's size, so big stories do not attract unrelated articles), counted from `embedding_floor`
      (the mean similarity of two unrelated AI news articles in one language with e5) and
      scaled so that `embedding_span` above it brings `embedding`. Across languages every
      similarity is lower (measured: 0.04 for one event, 0.03 for unrelated articles), so when
      the story has no article in the article's language the floor drops by
      `cross_language_offset`.
    - entities: the article's names, each weighted by its rarity in the window (IDF): those the
      story shares count for, those it lacks count against, as (shared - `unshared` x the
      rest) over (all + `smoothing`), so an article with few names moves the score little, and
      an article without names not at all. Across languages a missing name counts for nothing,
      since places and institutions get translated (« Londres », « London »).
    - figures: the IDF-weighted share of the article's numbers that the story also reports,
      smoothed the same way; only for (a story may omit a figure), in [0, figures].
    - title: the best word overlap (Jaccard) with one of the story's titles, in [0, 1].
    - time: 1 for an article within the story's span, decaying with a `time_scale_hours`
      half-life outside it, minus 0.5: a story long quiet counts against joining it.
    """

    embedding: float = 1.0
    embedding_floor: float = 0.84
    cross_language_offset: float = 0.035
    embedding_span: float = 0.12
    entities: float = 1.0
    figures: float = 0.4
    unshared: float = 0.25
    smoothing: float = 2.0
    title: float = 0.2
    time: float = 0.10
    time_scale_hours: float = 48.0
    threshold: float = 0.8

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


@dataclass
class Story:
    id: int
    row: int
    members: list[str] = field(default_factory=list)
    vector_sum: np.ndarray | None = None
    entity_counts: Counter = field(default_factory=Counter)
    figure_counts: Counter = field(default_factory=Counter)
    titles: deque = field(default_factory=lambda: deque(maxlen=6))
    languages: set = field(default_factory=set)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    key: object = None


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: int
    created: bool
    score: float
    parts: dict[str, float]


class Clusterer:
    def __init__(self, weights: Weights = Weights(), window: timedelta = timedelta(days=7),
                 top_k: int = 10, dimensions: int = 384, rare_entity_stories: int = 10):
        self.weights = weights
        self.window = window
        self.top_k = top_k
        self.rare_entity_stories = rare_entity_stories
        self.stories: dict[int, Story] = {}
        self.next_id = 1
        self.centroids = np.zeros((1024, dimensions), dtype=np.float32)
        self.row_story = np.full(1024, -1, dtype=np.int64)
        self.free_rows = list(range(1023, -1, -1))
        self.by_entity: dict[str, set[int]] = {}
        self.recent: deque[tuple[datetime, Features]] = deque()  # the window's articles, for IDF
        self.entity_df: Counter = Counter()
        self.figure_df: Counter = Counter()
        self.latest: datetime | None = None
        self.keys: dict[object, int] = {}

    # -- the window --------------------------------------------------------------------------
    def _advance(self, now: datetime) -> None:
        if self.latest is None or now > self.latest:
            self.latest = now
        horizon = self.latest - self.window
        while self.recent and self.recent[0][0] < horizon:
            _, old = self.recent.popleft()
            for df, keys in ((self.entity_df, old.entities), (self.figure_df, old.figures)):
                for key in keys:
                    df[key] -= 1
                    if df[key] <= 0:
                        del df[key]
        expired = [s for s in self.stories.values() if s.last_seen < horizon] if self._due(horizon) else []
        for story in expired:
            self._evict(story)

    def _due(self, horizon: datetime) -> bool:
        """Scan for expired stories at most once per hour of stream time."""
        mark = horizon.replace(minute=0, second=0, microsecond=0)
        if getattr(self, "_last_scan", None) == mark:
            return False
        self._last_scan = mark
        return True

    def _evict(self, story: Story) -> None:
        del self.stories[story.id]
        if story.key is not None:
            self.keys.pop(story.key, None)
        self.row_story[story.row] = -1
        self.centroids[story.row] = 0.0
        self.free_rows.append(story.row)
        for name in story.entity_counts:
            ids = self.by_entity.get(name)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del self.by_entity[name]

    def _idf(self, df: Counter, key: str) -> float:
        n = len(self.recent)
        return math.log(1.0 + n / max(df[key], 1))

    # -- scoring -----------------------------------------------------------------------------
    def candidates(self, feat: Features) -> list[tuple[Story, float]]:
        active = self.row_story >= 0
        if not active.any():
            return []
        sims = self.centroids @ feat.vector
        sims[~active] = -2.0
        k = min(self.top_k, int(active.sum()))
        rows = np.argpartition(-sims, k - 1)[:k]
        chosen = {int(self.row_story[r]): float(sims[r]) for r in rows}
        for name in feat.entities:
            ids = self.by_entity.get(name)
            if ids and len(ids) <= self.rare_entity_stories:
                for sid in ids:
                    if sid not in chosen:
                        chosen[sid] = float(sims[self.stories[sid].row])
        horizon = feat.published - self.window
        return [(self.stories[sid], sim) for sid, sim in chosen.items()
                if self.stories[sid].last_seen >= horizon]

    def score(self, feat: Features, story: Story, cosine: float,
              rarity: tuple[dict[str, float], dict[str, float]] | None = None) -> dict[str, float]:
        """The named parts of the article's score against one story (`rarity`: the IDF of the
        article's names and figures, when the caller has computed them once for all stories)."""
        w = self.weights
        names, numbers = rarity or self.rarity(feat)
        floor, unshared = w.embedding_floor, w.unshared
        if feat.language and story.languages and feat.language not in story.languages:
            floor, unshared = floor - w.cross_language_offset, 0.0
        parts = {"embedding": w.embedding * (cosine - floor) / w.embedding_span}
        shared, total = overlap(names, story.entity_counts)
        parts["entities"] = w.entities * (shared - unshared * (total - shared)) / (total + w.smoothing)
        shared, total = overlap(numbers, story.figure_counts)
        parts["figures"] = w.figures * shared / (total + w.smoothing)
        parts["title"] = w.title * max((jaccard(feat.title_words, t) for t in story.titles), default=0.0)
        if story.first_seen <= feat.published <= story.last_seen:
            gap = 0.0
        else:
            gap = min(abs((feat.published - story.first_seen).total_seconds()),
                      abs((feat.published - story.last_seen).total_seconds())) / 3600
        parts["time"] = w.time * (0.5 ** (gap / w.time_scale_hours) - 0.5)
        return parts

    def rarity(self, feat: Features) -> tuple[dict[str, float], dict[str, float]]:
        return ({k: self._idf(self.entity_df, k) for k in feat.entities},
                {k: self._idf(self.figure_df, k) for k in feat.figures})

    # -- adding ------------------------------------------------------------------------------
    def _count(self, feat: Features) -> None:
        self._advance(feat.published)
        self.recent.append((feat.published, feat))
        self.entity_df.update(feat.entities)
        self.figure_df.update(feat.figures)

    def restore(self, article_id: str, feat: Features, key: object) -> int:
        """Put an article back into the story known outside as `key`, without scoring it:
        a run over stored stories replays their articles (and so the editor's merges and
        splits) in publication order, interleaved with the new articles it `add`s."""
        self._count(feat)
        story = self.stories.get(self.keys.get(key, -1))
        if story is None:
            story = self._new_story(feat.published)
            self.name(story.id, key)
        self._join(story, article_id, feat)
        return story.id

    def name(self, story_id: int, key: object) -> None:
        """Give a story its outside key (a database id, say)."""
        self.keys[key] = story_id
        self.stories[story_id].key = key

    def add(self, article_id: str, feat: Features) -> Assignment:
        self._count(feat)
        best: tuple[float, Story | None, dict[str, float]] = (-math.inf, None, {})
        rarity = self.rarity(feat)
        for story, cosine in self.candidates(feat):
            parts = self.score(feat, story, cosine, rarity)
            total = sum(parts.values())
            if total > best[0]:
                best = (total, story, parts)
        total, story, parts = best
        created = story is None or total < self.weights.threshold
        if created:
            story = self._new_story(feat.published)
        self._join(story, article_id, feat)
        return Assignment(article_id, story.id, created, round(total, 4) if parts else 0.0,
                          {name: round(value, 4) for name, value in parts.items()})

    def _new_story(self, when: datetime) -> Story:
        if not self.free_rows:
            self._grow()
        story = Story(id=self.next_id, row=self.free_rows.pop(), first_seen=when, last_seen=when)
        self.next_id += 1
        self.stories[story.id] = story
        self.row_story[story.row] = story.id
        return story

    def _grow(self) -> None:
        size = len(self.row_story)
        self.centroids = np.vstack([self.centroids, np.zeros_like(self.centroids)])
        self.row_story = np.concatenate([self.row_story, np.full(size, -1, dtype=np.int64)])
        self.free_rows.extend(range(2 * size - 1, size - 1, -1))

    def _join(self, story: Story, article_id: str, feat: Features) -> None:
        story.members.append(article_id)
        story.vector_sum = feat.vector.copy() if story.vector_sum is None else story.vector_sum + feat.vector
        self.centroids[story.row] = story.vector_sum / len(story.members)
        story.entity_counts.update(feat.entities)
        story.figure_counts.update(feat.figures)
        story.titles.append(feat.title_words)
        if feat.language:
            story.languages.add(feat.language)
        story.first_seen = min(story.first_seen, feat.published)
        story.last_seen = max(story.last_seen, feat.published)
        for name in feat.entities:
            self.by_entity.setdefault(name, set()).add(story.id)


def overlap(mine: dict[str, float], theirs: Counter) -> tuple[float, float]:
    """Weight of the article's keys that the story shares, and of all of them."""
    shared = sum(weight for key, weight in mine.items() if key in theirs)
    return shared, sum(mine.values())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def cluster(items: list[tuple[str, Features]], weights: Weights = Weights(),
            window: timedelta = timedelta(days=7)) -> list[Assignment]:
    """Cluster a batch in publication order; returns one assignment per article."""
    clusterer = Clusterer(weights, window)
    ordered = sorted(items, key=lambda item: (item[1].published, item[0]))
    return [clusterer.add(article_id, feat) for article_id, feat in ordered]
