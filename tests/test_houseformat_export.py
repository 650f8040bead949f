from dataclasses import replace

from demain.lib.houseformat import export, parse
from tests.houseformat_samples import FULL_ISSUE, SAMPLE


def test_it_round_trips_the_seed(seed_issue_path):
    first = parse(seed_issue_path.read_text(encoding="utf-8"))
    text = export(first)
    second = parse(text)
    assert second == replace(first, skipped=[])
    assert second.skipped == []
    assert export(second) == text


def test_it_round_trips_sources_with_urls():
    first = parse(SAMPLE)
    text = export(first)
    assert "- Rapport de la fédération — https://example.org/rapport-2027" in text
    assert "N° 7 — 3 mars 2027" in text
    assert parse(text) == first
    assert parse(text).articles[0].sources[1].url == "https://example.org/entretien?id=4"


def test_it_writes_a_bare_source_word_back_as_is(seed_issue_path):
    text = export(parse(seed_issue_path.read_text(encoding="utf-8")))
    assert "\n\nSources\n\n" in text and "\n\nSource\n\n" in text


def test_it_round_trips_a_whole_issue_dropping_the_skipped_text():
    first = parse(FULL_ISSUE)
    text = export(first)
    second = parse(text)
    assert second == replace(first, skipped=[])
    assert "Formations et ateliers" not in text
    assert export(second) == text


def test_it_writes_bare_source_words_back_as_they_were():
    text = export(parse(FULL_ISSUE))
    assert "\n\nSources\n\n" in text and "\n\nSource\n\n" in text
