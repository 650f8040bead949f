"""The sitemap lists the home, the archive and published issues only, on SITE_URL."""

import xml.etree.ElementTree as ET

import pytest

from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_it_lists_published_issues_and_the_main_pages(client, settings):
    settings.SITE_URL = "https://demain.example"
    make_issue(1)
    make_issue(2, published=False)
    make_issue(3)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert sorted(locations) == sorted([
        "https://demain.example/",
        "https://demain.example/numeros/",
        "https://demain.example/numeros/3/",
        "https://demain.example/numeros/1/",
    ])
    assert all(url.find("sm:lastmod", NS) is not None for url in root.findall("sm:url", NS))
