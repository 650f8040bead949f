"""Ranking: each score is the sum of its named parts, and each part moves the way it should."""

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from demain.lib.ranking import RankingWeights, StoryFacts, rank

NOW = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)


def unit(*values):
    vector = np.zeros(8, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def story(id, outlets, hours_ago=0.0, text="", vector=None):
    return StoryFacts(id, outlets, NOW - timedelta(hours=hours_ago), text, vector)


def test_it_explains_each_score_as_the_sum_of_its_parts():
    ranked = rank([story("a", {"Harbor Wire": 1.0, "Écho Tech": 0.5}, 3, "Orlo Labs lance Orlo 4", unit(1))],
                  NOW, {"Orlo": 1.0}, np.stack([unit(0, 1)]), ["n° 1 — Les puces"])
    (only,) = ranked
    assert [p.name for p in only.parts] == ["sources", "recency", "topics", "novelty"]
    assert only.score == pytest.approx(sum(only.explain().values()), abs=1e-3)
    assert "2 sources indépendantes : Harbor Wire (1), Écho Tech (0.5)" in only.parts[0].detail
    assert only.explain()["topics"] == 1.0 and "orlo (+1)" in only.parts[2].detail
    assert only.explain()["novelty"] == 0.0 and "n° 1 — Les puces" in only.parts[3].detail


def test_it_ranks_more_independent_sources_first():
    ranked = rank([story("one", {"A": 1.0}), story("three", {"A": 1.0, "B": 1.0, "C": 1.0})], NOW)
    assert [r.story.id for r in ranked] == ["three", "one"]
    assert ranked[0].explain()["sources"] == pytest.approx(2.0)  # log2(1 + 3)


def test_it_halves_recency_every_half_life():
    weights = RankingWeights(half_life_hours=24)
    fresh, day_old = rank([story("fresh", {"A": 1}), story("old", {"A": 1}, hours_ago=24)], NOW, weights=weights)
    assert day_old.explain()["recency"] == pytest.approx(fresh.explain()["recency"] / 2)


def test_it_counts_the_editors_topics_and_keywords_folded():
    (ranked,) = rank([story("s", {"A": 1}, text="La Commission européenne et l'AI Act")], NOW,
                     {"commission europeenne": 1.5, "AI Act": 1.0, "nucléaire": 2.0})
    assert ranked.explain()["topics"] == 2.0  # 1.5 + 1.0, capped at topics_cap
    assert "nucleaire" not in ranked.parts[2].detail


def test_it_penalises_a_story_already_published():
    published = np.stack([unit(1, 0.05)])
    new, repeat = story("new", {"A": 1}, vector=unit(0, 1)), story("repeat", {"A": 1}, vector=unit(1))
    ranked = rank([repeat, new], NOW, published=published)
    assert [r.story.id for r in ranked] == ["new", "repeat"]
    assert ranked[1].explain()["novelty"] < -1.5 and ranked[0].explain()["novelty"] == 0.0
