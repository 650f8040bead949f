import datetime

import pytest

from demain.lib.houseformat import HouseFormatError, ParsedSource, parse
from tests.houseformat_samples import FULL_ISSUE, FULL_ISSUE_TITLES, SAMPLE

SEED_TITLES_FIRST_LAST = ("Non mais allô quoi ?", "La mélodie du bonheur")


@pytest.fixture
def seed(seed_issue_path):
    return parse(seed_issue_path.read_text(encoding="utf-8"))


def test_it_finds_the_seed_editorial(seed):
    assert seed.editorial[0].startswith("Meta a encore faim.")
    assert len(seed.editorial) == 4
    assert seed.punchline and len(seed.punchline) < 40


def test_it_finds_the_seven_seed_articles(seed):
    titles = [article.title for article in seed.articles]
    assert len(titles) == 7
    assert (titles[0], titles[-1]) == SEED_TITLES_FIRST_LAST
    for article in seed.articles:
        assert article.facts and article.analysis and article.closing
        assert [source.label for source in article.sources] in (["Source"], ["Sources"])
        assert all(source.url == "" for source in article.sources)


def test_it_detects_the_turn_in_the_seed(seed):
    first = seed.articles[0]
    assert first.turn[0] == "Sauf que."
    assert len(first.turn) == 3
    assert not any(fact.startswith("Sauf que") for article in seed.articles for fact in article.facts)
    assert [bool(article.turn) for article in seed.articles] == [True, True, True, False, False, False, False]


def test_it_finds_the_seed_app_review(seed):
    review = seed.app_review
    assert review.name == "NanoBanana"
    assert review.good and review.bad and review.verdict
    assert len(review.intro) == 1
    assert review.source == ParsedSource("Source", "")


def test_it_skips_the_seed_website_text(seed):
    skipped = dict(seed.skipped)
    assert any(text.startswith("Dev. et Impl") for text in skipped.values())
    assert all(line > seed.app_review.line for line in skipped)
    assert len(seed.skipped) == 8
    assert "Dev." not in seed.app_review.verdict and "Dev." not in seed.articles[-1].closing


# The same behaviours on the project's own whole issue (they run without ../shared).

@pytest.fixture
def full():
    return parse(FULL_ISSUE)


def test_it_finds_the_editorial_and_its_punchline_without_a_metadata_line(full):
    assert full.number is None and full.date is None
    assert full.editorial[0].startswith("Les robots conversationnels ont envahi")
    assert len(full.editorial) == 4
    assert full.punchline == "La politesse, elle, reste gratuite."


def test_it_finds_every_article_with_bare_source_labels(full):
    assert [article.title for article in full.articles] == FULL_ISSUE_TITLES  # « … bot ? » is a title
    for article in full.articles:
        assert article.facts and article.analysis and article.closing
    assert [[source.label for source in article.sources] for article in full.articles] == [
        ["Source"], ["Sources"], ["Source"], ["Sources"]]
    assert all(source.url == "" for article in full.articles for source in article.sources)
    assert full.articles[0].closing.startswith("Le grand méchant bot")


def test_it_detects_a_lone_turn_and_a_turn_opening_a_sentence(full):
    first, second = full.articles[:2]
    assert first.turn[0] == "Sauf que." and len(first.turn) == 3
    assert second.turn[0].startswith("Sauf que la facture") and len(second.turn) == 2
    assert not any(fact.startswith("Sauf que") for article in full.articles for fact in article.facts)
    assert [bool(article.turn) for article in full.articles] == [True, True, False, False]


def test_it_finds_the_app_review_with_a_bare_source(full):
    review = full.app_review
    assert review.name == "Devisio"
    assert review.good.startswith("Rapide") and review.bad.startswith("Pas encore") and review.verdict
    assert len(review.intro) == 1
    assert review.source == ParsedSource("Source", "")


def test_it_skips_web_page_text_pasted_after_the_app_review(full):
    skipped = dict(full.skipped)
    assert len(full.skipped) == 5
    assert all(line > full.app_review.line for line in skipped)
    assert list(skipped.values())[0] == "Formations et ateliers"
    assert "Merci, votre demande est enregistrée\nVérifiez" in list(skipped.values())[3]  # a two-line block, whole
    assert "Formations" not in full.app_review.verdict and "Formations" not in full.articles[-1].closing


def test_it_reads_metadata_and_sources_with_urls():
    issue = parse(SAMPLE)
    assert issue.number == 7
    assert issue.date == datetime.date(2027, 3, 3)
    assert issue.punchline == "Le pétrin, lui, ne dit rien."
    first, second = issue.articles
    assert first.sources == [ParsedSource("Rapport de la fédération", "https://example.org/rapport-2027"),
                             ParsedSource("Entretien avec la gérante", "https://example.org/entretien?id=4")]
    assert second.sources == [ParsedSource("Communiqué du fabricant", "https://example.org/communique")]
    assert second.turn == [] and second.facts and second.closing == "Le cadenas à clé a encore de beaux jours."
    assert issue.app_review.source.url == "https://example.org/carnet"
    assert issue.skipped == []


def test_it_is_robust_to_crlf_spaces_and_blank_lines():
    messy = SAMPLE.replace("\n\n", "\n  \n\u00a0\n\n").replace("\n", "   \r\n")
    assert parse(messy) == parse(SAMPLE)


def test_it_rejects_empty_text():
    with pytest.raises(HouseFormatError) as error:
        parse("  \n\n")
    assert error.value.line == 1


def test_it_rejects_text_without_article():
    with pytest.raises(HouseFormatError, match="aucun article"):
        parse("Bonjour à tous.\n\nÀ la semaine prochaine.\n")


def test_it_names_the_line_of_an_article_without_title():
    text = SAMPLE.replace("Qui va à la chasse perd sa clé\n\n", "")
    with pytest.raises(HouseFormatError) as error:
        parse(text)
    assert error.value.line == text.splitlines().index(
        "Un fabricant de serrures connectées publie une mise à jour qui verrouille les portes de ses clients.") + 1
    assert f"ligne {error.value.line}" in str(error.value)


def test_it_rejects_two_analyses_in_one_article():
    text = SAMPLE.replace("Source : Communiqué du fabricant — https://example.org/communique\n\n", "")
    text = text.replace("App sous le radar", "Titre de trop\n\nUn fait.\n\nEnjeux et perspectives\n\nA.\n\nB.\n\nApp sous le radar")
    with pytest.raises(HouseFormatError, match="second « Enjeux et perspectives »"):
        parse(text)


def test_it_rejects_an_unreadable_date():
    with pytest.raises(HouseFormatError, match="date illisible") as error:
        parse(SAMPLE.replace("3 mars 2027", "31 février 2027"))
    assert error.value.line == 4
