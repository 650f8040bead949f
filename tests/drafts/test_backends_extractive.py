"""The ``extractive`` backend: the sources' own sentences, never a figure no source wrote."""

from __future__ import annotations

import re

import pytest

from demain.lib.drafting import Disagreement, DraftingError, SourceArticle, Story, draft
from demain.lib.drafting.extractive import idioms, split_sentences, unsourced_numbers
from demain.lib.houseformat import parse
from tests.conftest import ROOT, SHARED
from tests.drafts.stories import ARTICLE_A, ARTICLE_B, ARTICLE_EN, RESERVED, STORY, settings
from tests.houseformat_samples import SAMPLE

NUMBER_WORDS = re.compile(r"\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|trente|quarante|"
                          r"cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|moitié|tiers|"
                          r"quart|double|triple|premier|première|zéro)\b", re.IGNORECASE)


def paragraphs(result) -> list[str]:
    data = result.draft
    return [*data["facts"], *data["sauf_que"], *data["enjeux"]]


def test_it_builds_the_house_structure_from_the_sources_sentences():
    result = draft(STORY, settings())
    data = result.draft
    assert result.backend == "extractive" and result.generations[0].backend == "extractive"
    assert data["title"] in {i["title"] for i in idioms()}
    assert data["closing"] == next(i["closing"] for i in idioms() if i["title"] == data["title"])
    sources_text = ARTICLE_A.text + ARTICLE_B.text
    for paragraph in paragraphs(result):
        assert " ".join(paragraph.split()) in " ".join(sources_text.split())
    assert "Le nouveau centre de données de la vallée du Rhône consommerait 18 mégawatts selon les riverains." \
        in data["sauf_que"]
    assert any("12 mégawatts" in fact for fact in data["facts"])
    assert data["sources"] == [{"label": ARTICLE_A.source, "url": ARTICLE_A.url},
                               {"label": ARTICLE_B.source, "url": ARTICLE_B.url}]
    assert "\n\nSauf que.\n\n" in result.text and "Enjeux et perspectives" in result.text
    assert [f for f in result.findings if f.severity == "error"] == []


def test_it_leaves_out_sauf_que_without_a_disagreement():
    result = draft(Story(title="Un centre de données près de Lyon", articles=(ARTICLE_A,)), settings())
    assert result.draft["sauf_que"] == [] and "Sauf que." not in result.text


def test_it_prefers_french_sentences_when_a_french_article_exists():
    result = draft(Story(title="Centre de données", articles=(ARTICLE_EN, ARTICLE_A)), settings())
    english = " ".join(ARTICLE_EN.text.split())
    assert not any(p in english for p in paragraphs(result))
    assert result.notes == [] and [s["url"] for s in result.draft["sources"]] == [ARTICLE_A.url]


def test_it_says_when_only_english_sentences_were_available():
    result = draft(Story(title="Data center near Lyon", articles=(ARTICLE_EN,)), settings())
    assert result.draft["facts"][0].startswith("A new data center near Lyon")
    assert any("anglais" in note and "ne traduit pas" in note for note in result.notes)


def test_it_may_quote_a_tdm_reserved_article_and_records_it():
    result = draft(Story(title="La girafe turquoise du quai Perrache", articles=(RESERVED,)), settings())
    assert "girafe turquoise" in result.text
    assert any("TDM" in note and RESERVED.source in note for note in result.notes)


def test_it_drafts_app_sous_le_radar():
    app = SourceArticle(source="Site de l’éditeur", url="https://carnet.example", text=(
        "Carnet range les factures d’une petite entreprise et les lit à sa place. "
        "L’application est simple et rapide à prendre en main pour un artisan. "
        "Elle ne propose pas encore d’export vers les logiciels comptables."))
    result = draft(Story(title="Carnet", articles=(app,), kind="app_review", app_name="Carnet"), settings())
    assert result.text.startswith("App sous le radar : Carnet\n\n")
    assert "Le bon : L’application est simple et rapide" in result.text
    assert "Le moins bon : Elle ne propose pas encore d’export" in result.text
    assert [f for f in result.findings if f.severity == "error"] == []


@pytest.mark.parametrize("story, code", [
    (Story(title="Vide", articles=()), "no_source"),
    (Story(title="Trop court", articles=(SourceArticle("X", "https://x.example", "Oui."),)), "no_usable_source"),
])
def test_it_refuses_a_story_it_cannot_draft(story, code):
    with pytest.raises(DraftingError) as caught:
        draft(story, settings())
    assert caught.value.code == code and caught.value.french and caught.value.english


def test_it_ships_idioms_with_no_figure_and_no_number_word():
    for idiom in idioms():
        for text in (idiom["title"], idiom["closing"]):
            assert not re.search(r"\d", text), text
            assert not NUMBER_WORDS.search(text), text
            assert not text.endswith(".") or text is idiom["closing"]
        assert not idiom["title"].endswith(".")


def test_it_guards_against_a_number_no_source_wrote():
    assert unsourced_numbers("Le site consomme 12 mégawatts, pas 15.", STORY) == {"15"}
    assert unsourced_numbers("Voir https://x.example/2031 : 12 et 18.", STORY) == set()


# --- property: over the project's own texts, no figure the sources did not write ---------

def project_articles() -> list[SourceArticle]:
    texts = [(ROOT / "demain" / "site" / "demo" / "issue.txt").read_text(encoding="utf-8"), SAMPLE]
    seed = SHARED / "seeds" / "000_186302cdc7413e06.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    found = []
    for text in texts:
        for number, article in enumerate(parse(text).articles):
            body = "\n\n".join([*article.facts, *article.turn[1:], *article.analysis, article.closing])
            url = article.sources[0].url if article.sources and article.sources[0].url else f"https://x.example/{number}"
            found.append(SourceArticle(source=article.title, url=url, text=body))
    return found


def project_stories() -> list[Story]:
    articles = project_articles()
    stories = [Story(title=a.source, articles=(a,)) for a in articles]
    for a, b in zip(articles, articles[1:]):
        first, second = split_sentences(a.text)[-1], split_sentences(b.text)[0]
        stories.append(Story(title=f"{a.source} / {b.source}", articles=(a, b),
                             disagreements=(Disagreement(summary="", sentences=(first, second)),)))
    return stories


def test_it_never_writes_a_figure_absent_from_the_sources_of_the_projects_texts():
    stories = project_stories()
    assert len(stories) >= 8
    drafted = 0
    for story in stories:
        try:
            result = draft(story, settings())
        except DraftingError as error:
            assert error.code == "no_usable_source"
            continue
        drafted += 1
        assert unsourced_numbers(result.text, story) == set(), story.title
        source_text = " ".join(" ".join(a.text.split()) for a in story.articles)
        for paragraph in paragraphs(result):
            assert paragraph in source_text or paragraph.startswith("Les sources n’en disent pas")
    assert drafted >= 6


def test_it_finds_the_sentences_behind_a_disagreement_given_only_as_a_summary():
    summary = Disagreement(summary="consommation du centre de données contestée par les riverains, mégawatts")
    result = draft(Story(title=STORY.title, articles=STORY.articles, disagreements=(summary,)), settings())
    assert result.draft["sauf_que"], result.text
    assert all(any(word in p for word in ("riverains", "conteste")) for p in result.draft["sauf_que"])
