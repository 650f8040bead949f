"""RSS and Atom feeds of published issues, read back with feedparser."""

import datetime

import feedparser
import pytest

from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def issues(settings):
    settings.SITE_URL = "https://demain.example"
    return [make_issue(1), make_issue(2, published=False, title="Brouillon"), make_issue(3)]


@pytest.mark.parametrize("path, version", [("/flux/rss/", "rss20"), ("/flux/atom/", "atom10")])
def test_it_publishes_a_valid_feed_of_published_issues(client, issues, path, version):
    response = client.get(path)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == "Le monde de demAIn"
    assert feed.feed.link == "https://demain.example/"
    assert [entry.title for entry in feed.entries] == ["N° 3 — Titre du numéro 3", "N° 1 — Titre du numéro 1"]


@pytest.mark.parametrize("path", ["/flux/rss/", "/flux/atom/"])
def test_it_gives_absolute_links_dates_and_the_full_content(client, issues, path):
    feed = feedparser.parse(client.get(path).content)
    entry = feed.entries[0]
    newest = issues[2]
    assert entry.link == "https://demain.example/numeros/3/"
    assert entry.id == "https://demain.example/numeros/3/"
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.timezone.utc)
    assert published == newest.published_at.replace(microsecond=0)
    content = entry.content[0].value
    assert "Enjeux et perspectives" in content
    assert "Article 2 du numéro 3" in content
    assert 'href="https://exemple.org/source-3-1"' in content
    assert "App sous le radar" in content
    assert entry.summary.startswith("Ouverture de l’éditorial 3.")


def test_it_links_each_feed_to_itself(client, issues):
    rss = client.get("/flux/rss/").content.decode()
    atom = feedparser.parse(client.get("/flux/atom/").content)
    assert 'href="https://demain.example/flux/rss/" rel="self"' in rss
    assert any(link.href == "https://demain.example/flux/atom/" and link.rel == "self" for link in atom.feed.links)
