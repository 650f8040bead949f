import copy

import pytest

from demain.lib.houseformat import ParsedSource, lint, parse
from demain.lib.houseformat.lint import PARAGRAPH_MAX_CHARS, errors
from tests.houseformat_samples import FULL_ISSUE, NB, SAMPLE


@pytest.fixture
def clean():
    return parse(SAMPLE)


def rules(issue, rule):
    return [finding for finding in lint(issue) if finding.rule == rule]


def test_it_finds_nothing_in_a_clean_issue(clean):
    assert lint(clean) == []


@pytest.mark.parametrize("field, empty, rule", [
    ("title", "", "title-missing"),
    ("facts", [], "facts-missing"),
    ("analysis", [], "analysis-missing"),
    ("closing", "", "closing-missing"),
    ("sources", [], "source-missing"),
])
def test_it_reports_a_missing_article_part_as_an_error(clean, field, empty, rule):
    assert rules(clean, rule) == []
    setattr(clean.articles[1], field, empty)
    [finding] = rules(clean, rule)
    assert finding.severity == "error"
    assert (finding.scope, finding.article, finding.field) == ("article", 1, field)
    assert finding.location.startswith("article 2")


def test_it_reports_missing_editorial_and_articles(clean):
    assert rules(clean, "editorial-missing") == rules(clean, "articles-missing") == []
    clean.editorial, clean.articles = [], []
    assert [f.severity for f in rules(clean, "editorial-missing") + rules(clean, "articles-missing")] == ["error", "error"]


def test_it_reports_a_missing_app_review_part(clean):
    assert rules(clean, "app-part-missing") == []
    clean.app_review.bad = ""
    [finding] = rules(clean, "app-part-missing")
    assert (finding.scope, finding.field, finding.severity) == ("app_review", "bad", "error")


def test_it_warns_about_a_source_without_url(clean):
    assert rules(clean, "source-url-missing") == []
    clean.articles[0].sources[1] = ParsedSource("Entretien avec la gérante", "")
    [finding] = rules(clean, "source-url-missing")
    assert finding.severity == "warning" and finding.location.endswith("source 2")


def test_it_warns_about_the_seed_bare_sources_without_blocking(seed_issue_path):
    seed = parse(seed_issue_path.read_text(encoding="utf-8"))
    assert len(rules(seed, "source-url-missing")) == 8
    assert errors(lint(seed)) == []


def test_it_warns_about_every_bare_source_without_blocking():
    full = parse(FULL_ISSUE)
    missing = rules(full, "source-url-missing")
    assert len(missing) == 5 and {finding.severity for finding in missing} == {"warning"}
    assert missing[-1].scope == "app_review"
    assert errors(lint(full)) == []


def test_it_warns_about_an_over_long_paragraph(clean):
    clean.articles[0].analysis[0] = "Un mot " * (PARAGRAPH_MAX_CHARS // 7)
    assert rules(clean, "paragraph-too-long") == []
    clean.articles[0].analysis[0] += "de trop."
    [finding] = rules(clean, "paragraph-too-long")
    assert finding.location.endswith("analyse, paragraphe 1") and finding.field == "analysis"


@pytest.mark.parametrize("text, problem", [
    (f"Il a dit «{NB}oui{NB}» puis «{NB}non{NB}».", False),
    (f"Il a dit «{NB}oui puis non.", True),
    (f"Il a dit oui{NB}» puis non.", True),
])
def test_it_reports_unbalanced_quotes_as_an_error(clean, text, problem):
    clean.articles[0].facts[0] = text
    found = rules(clean, "quotes-unbalanced")
    assert bool(found) is problem
    assert all(finding.severity == "error" for finding in found)


@pytest.mark.parametrize("text, problem", [
    (f"Une question{NB}? Une réponse{NB}: oui{NB}; enfin{NB}!", False),
    ("Le format 16:9 à 10:30, voir https://example.org/a?b=1:2;c", False),
    (f"Une citation\u00a0«{NB}ici{NB}».", False),
    ("Une question ? Oui.", True),
    ("Une réponse: oui.", True),
    (f"Une citation «{NB}ici ».", True),
    (f"Une citation «ici{NB}».", True),
    ("Une exclamation\u00a0!", True),
])
def test_it_checks_french_spacing(clean, text, problem):
    clean.articles[0].facts[0] = text
    found = rules(clean, "spacing")
    assert bool(found) is problem
    assert all(finding.severity == "warning" for finding in found)


@pytest.mark.parametrize("text, problem", [
    (f"L’entreprise dit «{NB}non{NB}».", False),
    ("Voir https://example.org/l'article", False),
    ("L'entreprise refuse.", True),
    ('Elle dit "non".', True),
])
def test_it_warns_about_straight_quotes(clean, text, problem):
    clean.articles[0].closing = text
    found = rules(clean, "straight-quotes")
    assert bool(found) is problem
    assert all(finding.field == "closing" for finding in found)


@pytest.mark.parametrize("text, problem", [
    ("Le modèle apprend vite.", False),
    ("Nous nous trompons parfois.", False),
    ("Le le modèle apprend vite.", True),
    ("Il apprend vite, très très vite.", True),
])
def test_it_warns_about_repeated_words(clean, text, problem):
    clean.editorial[0] = text
    found = rules(clean, "repeated-word")
    assert bool(found) is problem
    assert all(finding.field == "editorial" and finding.scope == "issue" for finding in found)


def test_it_gives_json_ready_findings_in_french(clean):
    broken = copy.deepcopy(clean)
    broken.articles[0].title = ""
    [finding] = rules(broken, "title-missing")
    assert finding.to_dict() == {"rule": "title-missing", "severity": "error", "location": "article 1 › titre",
                                 "field": "title", "message": "L’article n’a pas de titre.", "scope": "article",
                                 "article": 0}
