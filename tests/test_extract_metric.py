"""The benchmark metric (4-token shingles), on examples worked out by hand."""

from __future__ import annotations

import pytest

from demain.lib.extract.metric import PageScore, aggregate, score_page, shingles


def test_it_cuts_text_into_overlapping_four_token_shingles():
    assert shingles("one two, three-four five!") == {
        ("one", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }


def test_it_keeps_a_short_text_as_one_shingle_and_ignores_an_empty_one():
    assert shingles("deux mots") == {("deux", "mots"): 1}
    assert shingles("") == {}
    assert shingles(None) == {}
    assert shingles(" ,;! ") == {}


def test_it_counts_repeated_shingles():
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_it_scores_a_perfect_page():
    page = score_page("the quick brown fox jumps", "the quick brown fox jumps")
    assert (page.tp, page.fp, page.fn) == (1.0, 0.0, 0.0)
    assert page.precision == page.recall == 1.0


def test_it_normalises_counts_per_page():
    # expected: abcd bcde cdef; predicted: abcd bcde cdex dexy exyz xyzw → tp 2, fp 4, fn 1, of 7
    page = score_page("a b c d e f", "a b c d e x y z w")
    assert page.tp == pytest.approx(2 / 7)
    assert page.fp == pytest.approx(4 / 7)
    assert page.fn == pytest.approx(1 / 7)
    assert page.precision == pytest.approx(2 / 6)
    assert page.recall == pytest.approx(2 / 3)


def test_it_is_case_sensitive_and_ignores_punctuation():
    assert score_page("Le chat dort ici.", "le chat dort ici").recall == 0.0
    assert score_page("Le chat, dort ici.", "Le chat dort — ici").recall == 1.0


def test_it_leaves_pages_without_prediction_out_of_precision():
    nothing = score_page("a b c d e", "")
    assert nothing.precision is None
    assert nothing.recall == 0.0
    unexpected = score_page("", "a b c d")
    assert unexpected.recall is None
    assert unexpected.precision == 0.0


def test_it_averages_precision_and_recall_over_pages_then_takes_their_harmonic_mean():
    pages = [
        score_page("a b c d e", "a b c d e"),  # P 1, R 1
        score_page("a b c d e f", "a b c d e x y z w"),  # P 1/3, R 2/3
        score_page("a b c d e", ""),  # P left out, R 0
    ]
    score = aggregate(pages)
    precision = (1 + 1 / 3) / 2
    recall = (1 + 2 / 3 + 0) / 3
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert score.pages == 3


def test_it_gives_zero_when_nothing_matches():
    assert aggregate([PageScore(0.0, 0.5, 0.5)]).f1 == 0.0
    assert aggregate([]).f1 == 0.0
