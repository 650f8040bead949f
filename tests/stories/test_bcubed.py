import pytest

from demain.lib.clustering.bcubed import bcubed


def test_it_scores_a_perfect_clustering_one():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "x", "c": "y"}, gold).f1 == 1.0


def test_it_scores_one_wrong_merge_by_hand():
    # gold {a,b} {c}; predicted {a,b,c}: precision = (2/3 + 2/3 + 1/3) / 3 = 5/9, recall = 1
    scores = bcubed({"a": 0, "b": 0, "c": 0}, {"a": "e1", "b": "e1", "c": "e2"})
    assert scores.precision == pytest.approx(5 / 9)
    assert scores.recall == 1.0
    assert scores.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_it_scores_one_split_by_hand():
    # gold {a,b,c,d}; predicted {a,b} {c} {d}: recall = (1/2 + 1/2 + 1/4 + 1/4) / 4 = 3/8
    scores = bcubed({"a": 1, "b": 1, "c": 2, "d": 3}, {k: "e" for k in "abcd"})
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx(3 / 8)


def test_it_scores_all_singletons_on_one_event():
    scores = bcubed({"a": 1, "b": 2}, {"a": "e", "b": "e"})
    assert (scores.precision, scores.recall) == (1.0, 0.5)


def test_it_refuses_clusterings_over_different_items():
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, {"a": 1, "b": 1})
    with pytest.raises(ValueError, match="empty"):
        bcubed({}, {})
