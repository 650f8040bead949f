"""Full-text search and hybrid retrieval over the archive, on SQLite (FTS5) and PostgreSQL."""

import pytest

from demain.site.archive.retrieve import retrieve
from demain.site.archive.search import count, search
from tests.search.archive_helpers import issue_with

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ENERGY = ("Le coût d’une requête",
          "Google chiffre l’énergie d’une requête à son assistant : 0,24 wattheure, l’équivalent de neuf "
          "secondes de télévision.")
HEARTS = ("Au cœur du réseau", "Les opérateurs télécoms installent des modèles au cœur de leurs antennes.")
BAKERY = ("Pain sur la planche", "Une chaîne de boulangeries prévoit ses ventes du lendemain avec un modèle.")


@pytest.fixture
def archive():
    issue_with(1, [ENERGY, HEARTS])
    issue_with(2, [BAKERY], editorial="Les énergies renouvelables alimentent désormais les centres de données.",
               app=("Carnet", "Carnet range les factures d’une petite entreprise."))


def found(query: str) -> list[str]:
    return [hit.url for hit in search(query, 20)]


@pytest.mark.parametrize("query, expected", [
    ("énergies", {"/numeros/1/#article-1", "/numeros/2/#edito"}),   # plural finds the singular, and back
    ("énergie", {"/numeros/1/#article-1", "/numeros/2/#edito"}),
    ("ENERGIE", {"/numeros/1/#article-1", "/numeros/2/#edito"}),     # case and accents ignored
    ("requete", {"/numeros/1/#article-1"}),                           # « requête » without its accent
    ("requêtes", {"/numeros/1/#article-1"}),
    ("coeur", {"/numeros/1/#article-2"}),                             # the ligature œ
    ("boulangerie", {"/numeros/2/#article-1"}),
    ("l’énergie d’une requête", {"/numeros/1/#article-1"}),          # every word, stopwords aside
    ("factures", {"/numeros/2/#app-sous-le-radar"}),
])
def test_it_finds_words_whatever_their_ending_and_accents(archive, query, expected):
    assert set(found(query)) == expected
    assert count(query) == len(expected)


def test_it_wants_every_word_of_the_query(archive):
    assert found("énergie boulangerie") == []
    assert found("énergie Google") == ["/numeros/1/#article-1"]


@pytest.mark.parametrize("query", [
    "", "   ", '"', '"énergie', "énergie\"", "NEAR(énergie requête)", "énergie AND", "OR", "*", "énergie*",
    "-énergie", "^énergie", "title:énergie", "' OR 1=1 --", "énergie); DROP TABLE public_site_passage; --",
    "!!!", "(((", "\x00énergie", "x" * 100_000, "énergie " * 5_000, "le la les de", "🙂",
])
def test_it_answers_a_hostile_query_with_a_clear_result_never_an_error(archive, query):
    hits = search(query, 20)
    assert isinstance(hits, list)
    assert all(hit.url.startswith("/numeros/") for hit in hits)
    assert count(query) == len(hits)


def test_it_still_searches_after_hostile_queries(archive):
    search("énergie); DROP TABLE public_site_passage; --", 5)
    assert found("requete") == ["/numeros/1/#article-1"]


def test_it_highlights_the_matching_words_in_escaped_html(archive):
    issue_with(3, [("Balises", "Un modèle écrit <script>alert(1)</script> dans une page d’énergie.")])
    hit = next(h for h in search("énergie", 20) if h.passage.issue.number == 3)
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>énergie</mark>" in hit.snippet
    first = next(h for h in search("requete", 20))
    assert "<mark>requête</mark>" in first.snippet


def test_it_links_each_hit_to_the_element_that_holds_it(archive, client):
    for query, anchor in [("énergies", "edito"), ("boulangerie", "article-1"), ("factures", "app-sous-le-radar")]:
        hit = next(h for h in search(query, 20) if h.passage.issue.number == 2)
        assert hit.url == f"/numeros/2/#{anchor}"
        assert hit.link.startswith(f"/numeros/2/#{anchor}:~:text=")
        page = client.get(hit.url.split("#")[0]).content.decode()
        assert f'id="{anchor}"' in page


def test_it_retrieves_by_words_passages_not_yet_embedded(archive):
    hits = retrieve("Combien d'énergie consomme une requête ?", k=3)
    assert hits[0].url == "/numeros/1/#article-1"
    assert hits[0].text_rank == 1 and hits[0].vector_rank is None and hits[0].cosine is None
    assert hits[0].coverage == 0.5  # « énergie » and « requête », not « combien » nor « consomme »


def test_it_retrieves_by_meaning_across_languages(archive):
    from demain.site.archive.index import embed_pending

    embed_pending()
    hits = retrieve("How much power does a chatbot prompt use?", k=3)
    assert hits[0].url == "/numeros/1/#article-1"
    assert hits[0].vector_rank == 1 and hits[0].cosine > 0.8
    assert hits[0].text_rank is None  # no English word is in the archive: found by the embeddings alone
    assert hits == sorted(hits, key=lambda h: -h.score)
