"""Ranking stories: a score explained as a sum of named parts.

    sources   independent outlets, each counted once at its weight (two feeds of one outlet are
              one source), with diminishing returns: `sources` x log2(1 + sum of weights);
    recency   `recency` x 0.5 ** (hours since the story's last article / `half_life_hours`);
    topics    the editor's topics and keywords found in the story's titles and text, each at
              its own weight, capped at `topics_cap`;
    novelty   minus `novelty` x how close the story is to an article already published:
              0 below `novelty_floor` cosine similarity, the whole penalty at 1.

Every part comes with a detail saying where it came from, so the newsroom can show why a
story ranks where it does. Pure code: the stories app feeds it plain values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from demain.lib.clustering.text import fold
from demain.lib.houseformat.typography import plural


@dataclass(frozen=True)
class RankingWeights:
    sources: float = 1.0
    recency: float = 1.5
    half_life_hours: float = 24.0
    topics_cap: float = 2.0
    novelty: float = 2.0
    novelty_floor: float = 0.85


@dataclass(frozen=True)
class StoryFacts:
    """What ranking needs to know about one story."""

    id: object
    outlets: dict[str, float]  # outlet -> the highest weight among its feeds in this story
    last_seen: datetime
    text: str  # titles and texts of its articles
    vector: np.ndarray | None = None  # L2-normalised centroid of its articles


@dataclass(frozen=True)
class Part:
    name: str
    value: float
    detail: str


# How each part is named to the editor (the admin, `demain stories`); `name` stays the key in JSON.
PART_LABELS = {"sources": "sources", "recency": "fraîcheur", "topics": "thèmes", "novelty": "nouveauté"}


@dataclass
class Ranked:
    story: StoryFacts
    parts: list[Part] = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(sum(part.value for part in self.parts), 4)

    def explain(self) -> dict[str, float]:
        return {part.name: part.value for part in self.parts}


def rank(stories: list[StoryFacts], now: datetime, interests: dict[str, float] | None = None,
         published: np.ndarray | None = None, published_labels: list[str] | None = None,
         weights: RankingWeights = RankingWeights()) -> list[Ranked]:
    """Stories by score, best first; `interests` maps a topic or keyword to its weight,
    `published` holds one L2-normalised vector per article already published."""
    interests = {fold(k).strip(): float(v) for k, v in (interests or {}).items() if k.strip()}
    ranked = [Ranked(s, [source_part(s, weights), recency_part(s, now, weights),
                         topics_part(s, interests, weights),
                         novelty_part(s, published, published_labels, weights)]) for s in stories]
    ranked.sort(key=lambda r: (-r.score, str(r.story.id)))
    return ranked


def source_part(story: StoryFacts, w: RankingWeights) -> Part:
    total = sum(max(weight, 0.0) for weight in story.outlets.values())
    named = ", ".join(f"{name} ({weight:g})" for name, weight in sorted(story.outlets.items()))
    return Part("sources", round(w.sources * math.log2(1 + total), 4),
                f"{plural(len(story.outlets), 'source indépendante', 'sources indépendantes')} : {named}")


def recency_part(story: StoryFacts, now: datetime, w: RankingWeights) -> Part:
    hours = max((now - story.last_seen).total_seconds() / 3600, 0.0)
    return Part("recency", round(w.recency * 0.5 ** (hours / w.half_life_hours), 4),
                f"dernier article il y a {hours:.0f} h, demi-vie {w.half_life_hours:g} h")


def topics_part(story: StoryFacts, interests: dict[str, float], w: RankingWeights) -> Part:
    text = f" {' '.join(fold(story.text).split())} "
    matched = {k: v for k, v in interests.items() if f" {k} " in text or (len(k) > 4 and k in text)}
    value = max(min(sum(matched.values()), w.topics_cap), -w.topics_cap)
    detail = ", ".join(f"{k} ({v:+g})" for k, v in sorted(matched.items())) or "aucun thème ni mot-clé suivi"
    return Part("topics", round(value, 4), detail)


def novelty_part(story: StoryFacts, published: np.ndarray | None, labels: list[str] | None,
                 w: RankingWeights) -> Part:
    if story.vector is None or published is None or len(published) == 0:
        return Part("novelty", 0.0, "rien de publié à comparer")
    similarities = published @ story.vector
    best = int(np.argmax(similarities))
    closest = float(similarities[best])
    overlap = min(max((closest - w.novelty_floor) / (1 - w.novelty_floor), 0.0), 1.0)
    label = labels[best] if labels else f"#{best}"
    return Part("novelty", round(-w.novelty * overlap, 4), f"le plus proche déjà publié : {label} (similarité {closest:.2f})")
