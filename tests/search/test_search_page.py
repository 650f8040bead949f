"""/recherche/: the public search page, in French, without JavaScript."""

import re

import pytest
from django.utils.html import escape

from tests.search.archive_helpers import issue_with

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ENERGY = ("Le coût d’une requête", "Google chiffre l’énergie d’une requête à son assistant : 0,24 wattheure.")


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_it_lists_the_passages_found_with_their_count_and_links(client):
    issue_with(4, [ENERGY, ("Autre chose", "Les serres chauffées par un centre de données.")])
    issue_with(5, [], editorial="Les énergies du futur seront sobres, ou ne seront pas.")
    response = client.get("/recherche/", {"q": "energies"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "2 passages trouvés pour" in text_of(response)
    assert 'href="/numeros/4/#article-1:~:text=' in body
    assert 'href="/numeros/5/#edito:~:text=' in body
    assert "<mark>énergie</mark>" in body and "<mark>énergies</mark>" in body
    assert 'value="energies"' in body  # the field keeps the query
    assert '<meta name="robots" content="noindex">' in body
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script" not in body


def test_it_says_so_when_nothing_matches_or_nothing_is_asked(client):
    issue_with(4, [ENERGY])
    empty = client.get("/recherche/")
    assert empty.status_code == 200 and "la recherche parcourt tous les numéros publiés" in text_of(empty)
    nothing = client.get("/recherche/", {"q": "photosynthèse"})
    assert nothing.status_code == 200
    assert "Aucun passage des archives ne contient tous les mots de « photosynthèse »" in text_of(nothing)
    assert "Passages qui en contiennent certains" not in text_of(nothing)
    some = client.get("/recherche/", {"q": "wattheure photosynthèse"})
    assert "Aucun passage des archives ne contient tous les mots" in text_of(some)
    assert "Passages qui en contiennent certains" in text_of(some)
    assert 'href="/numeros/4/#article-1:~:text=' in some.content.decode()
    assert "<h3 class=\"search-hit__title\">" in some.content.decode()
    stopwords = client.get("/recherche/", {"q": "le la les"})
    assert "Aucun mot à chercher" in text_of(stopwords)


@pytest.mark.parametrize("query", ['"énergie', "NEAR(a b) OR *", "<script>alert(1)</script>", "x" * 5000, "\x00"])
def test_it_answers_hostile_queries_with_a_page_not_an_error(client, query):
    issue_with(4, [ENERGY])
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    if len(query) > 300:
        assert "seuls ses 300 premiers caractères sont pris en compte" in text_of(response)


def test_it_pages_through_many_results(client):
    issue_with(6, [(f"Article {n}", f"La sobriété énergétique, épisode {n} d’une longue série.") for n in range(1, 24)])
    first = client.get("/recherche/", {"q": "sobriété"})
    assert "23 passages trouvés" in text_of(first)
    assert first.content.decode().count('class="search-hit"') == 10
    assert 'href="?q=sobri%C3%A9t%C3%A9&amp;page=2"' in first.content.decode()
    last = client.get("/recherche/", {"q": "sobriété", "page": 3})
    assert last.content.decode().count('class="search-hit"') == 3
    assert "Page 3 sur 3" in text_of(last)
    assert client.get("/recherche/", {"q": "sobriété", "page": 4}).status_code == 404
    assert client.get("/recherche/", {"q": "sobriété", "page": "x"}).status_code == 404


def test_it_never_shows_an_issue_that_is_not_published(client):
    issue = issue_with(4, [ENERGY])
    issue.status = issue.Status.REVIEW
    issue.save()
    response = client.get("/recherche/", {"q": "wattheure"})
    assert "Aucun passage" in text_of(response)
    assert escape("/numeros/4/") not in response.content.decode()
