"""The public pages through Django's test client, against the real database."""

import re

import pytest

from demain.issues.models import Issue
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_shows_the_latest_published_issue_in_full_on_the_home_page(client):
    make_issue(1)
    make_issue(2, title="Le plus récent")
    make_issue(3, published=False, title="Brouillon caché")
    html = client.get("/").content.decode()
    assert "Le plus récent" in html
    assert "Brouillon caché" not in html
    assert "Ouverture de l’éditorial 2." in html
    assert "Article 2 du numéro 2" in html and "Appli2" in html
    assert 'href="/numeros/"' in html


def test_it_says_so_when_nothing_is_published_yet(client):
    make_issue(1, published=False)
    response = client.get("/")
    assert response.status_code == 200
    assert "Aucun numéro n’est encore publié" in response.content.decode()


def test_it_lists_only_published_issues_in_the_archive_newest_first(client):
    make_issue(1, title="Premier")
    make_issue(2, published=False, title="Pas encore")
    make_issue(3, title="Troisième")
    html = client.get("/numeros/").content.decode()
    assert "Pas encore" not in html
    assert html.index("Troisième") < html.index("Premier")
    assert "Article 1 du numéro 3" in html
    assert 'href="/numeros/3/#article-1"' in html


def test_it_paginates_the_archive(client):
    for number in range(1, 15):
        make_issue(number, articles=1)
    first = client.get("/numeros/").content.decode()
    second = client.get("/numeros/?page=2").content.decode()
    assert "N° 14" in first and "N° 3" in first and "N° 2" not in first
    assert "N° 2" in second and "N° 1" in second and "N° 14" not in second
    assert "Page 2 sur 2" in second
    assert client.get("/numeros/?page=3").status_code == 404
    assert client.get("/numeros/?page=abc").status_code == 404


def test_it_renders_an_issue_with_anchors_a_table_of_contents_and_sources(client):
    make_issue(4)
    html = client.get("/numeros/4/").content.decode()
    assert 'id="article-1"' in html and 'id="article-2"' in html
    assert 'href="#article-1"' in html and 'href="#article-2"' in html
    assert '<a href="https://exemple.org/source-4-1" rel="noopener">Source liée 1</a>' in html
    assert "Source sans lien 1" in html
    assert not re.search(r"<a [^>]*>Source sans lien", html)
    assert "Enjeux et perspectives" in html
    assert '<strong class="turn__lead">Sauf que.</strong> Rien ne se passe comme prévu.' in html
    assert '<p class="punchline">Chute de l’éditorial 4.</p>' in html
    assert '<p class="closing">Chute de l’article 1.</p>' in html
    assert "Le moins bon" in html and "Le verdict" in html
    assert '<a href="https://appli.exemple.com/" rel="noopener">Site de l’appli</a>' in html


def test_it_uses_the_separate_punchline_field_when_there_is_one(client):
    issue = make_issue(5)
    issue.editorial_punchline = "Une chute à part."
    issue.save()
    html = client.get("/numeros/5/").content.decode()
    assert '<p class="punchline">Une chute à part.</p>' in html
    assert "<p>Chute de l’éditorial 5.</p>" in html


@pytest.mark.parametrize("status", [Issue.Status.DRAFT, Issue.Status.REVIEW, Issue.Status.APPROVED])
def test_it_hides_unpublished_issues_from_the_public(client, status):
    issue = make_issue(6, published=False)
    issue.status = status
    issue.save()
    response = client.get("/numeros/6/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_it_links_to_the_neighbouring_published_issues(client):
    make_issue(1)
    make_issue(2, published=False)
    make_issue(3)
    html = client.get("/numeros/3/").content.decode()
    assert 'href="/numeros/1/" rel="prev"' in html
    assert "/numeros/2/" not in html


def test_it_escapes_hostile_text(client):
    issue = make_issue(7)
    article = issue.articles.first()
    article.title = "<script>alert(1)</script>"
    article.turn = "Sauf que <img src=x onerror=alert(1)>."
    article.save()
    html = client.get("/numeros/7/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_it_advertises_the_feeds_and_a_canonical_url_in_the_head(client, settings):
    settings.SITE_URL = "https://demain.example"
    make_issue(1)
    html = client.get("/numeros/1/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert '<link rel="canonical" href="https://demain.example/numeros/1/">' in html


def test_it_serves_robots_txt_pointing_at_the_sitemap(client, settings):
    settings.SITE_URL = "https://demain.example"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: https://demain.example/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_it_answers_favicon_ico_with_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("site/favicon.svg")
    from django.contrib.staticfiles import finders

    assert finders.find("site/favicon.svg")  # the icon the redirect names exists
