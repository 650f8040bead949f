"""The sitemap lists the home, the archive, published issues only and the offer pages, on SITE_URL."""

import xml.etree.ElementTree as ET

import pytest

from demain.audience.models import OfferPage
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_it_lists_published_issues_the_main_pages_and_the_offers(client, settings):
    settings.SITE_URL = "https://demain.example"
    OfferPage.objects.all().delete()
    OfferPage.objects.create(slug="conference", title="La conférence")
    OfferPage.objects.create(slug="contact", title="Contact", in_menu=False)
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
        "https://demain.example/offres/conference/",
        "https://demain.example/offres/contact/",
    ])
    issues = [url for url in root.findall("sm:url", NS) if "/offres/" not in url.find("sm:loc", NS).text]
    assert all(url.find("sm:lastmod", NS) is not None for url in issues)
