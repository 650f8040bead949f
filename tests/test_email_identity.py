"""One visual identity: the site, the transactional emails and the newsletter share the masthead
(« demAIn » with a red « AI »), the accent colour and the serif type; the newsletter email opens on
its title, a contents list and a preheader."""

import re

import pytest

from demain.audience import mail as audience_mail
from demain.delivery import campaigns
from demain.delivery.render import render_issue
from tests.conftest import ROOT
from tests.delivery_helpers import published_issue

pytestmark = pytest.mark.django_db

ACCENT = "#b23a1e"
SERIF = "Georgia"


def red_ai(html: str) -> bool:
    return bool(re.search(rf'dem<span class="ai" style="[^"]*color: ?{ACCENT}[^"]*">AI</span>n', html))


def test_it_gives_the_site_and_every_email_the_same_masthead_and_accent(settings):
    settings.SITE_URL = "https://demain.example"
    css = (ROOT / "demain/site/static/site/site.css").read_text()
    assert f"--accent: {ACCENT};" in css
    confirm = audience_mail.build("confirm", "zoe@studio.example", "Confirmez",
                                  {"confirm_url": "https://demain.example/c/", "hours": 48}).alternatives[0][0]
    newsletter, _ = render_issue(published_issue())
    for html in (confirm, newsletter):
        assert red_ai(html)
        assert 'href="https://demain.example/"' in html
        assert SERIF in html
        assert "#1d3a8a" not in html and "#0b57a4" not in html  # the old blue accents are gone


def test_it_opens_the_newsletter_on_its_title_contents_and_preheader(settings):
    settings.SITE_URL = "https://demain.example"
    issue = published_issue()
    html, text = render_issue(issue)
    preheader = re.search(r'<div class="preheader"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert html.index('class="preheader"') < html.index('class="brand"')
    assert "Quand le chat n’est pas là, les modèles dansent" in preheader and "Transcrivo" in preheader
    assert re.search(r'<h1 class="issue-title"[^>]*><a href="https://demain.example/numeros/7/"[^>]*>'
                     r'Des robots et des hommes</a></h1>', html)
    contents = re.search(r'<ol[^>]*>(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'href="([^"]+)"', contents) == ["https://demain.example/numeros/7/#" + issue.articles.get().anchor,
                                                      "https://demain.example/numeros/7/#app-sous-le-radar"]
    assert "Des robots et des hommes" in text.split("Lire en ligne")[0]
    assert "AU SOMMAIRE\n1. Quand le chat n’est pas là, les modèles dansent\n" in text


def test_it_keeps_the_preheader_short(settings):
    issue = published_issue()
    issue.articles.update(title="Un titre d’article vraiment très long " * 8)
    campaign = campaigns.create_campaign(issue)
    preheader = re.search(r'<div class="preheader"[^>]*>(.*?)</div>', campaign.html, re.S).group(1)
    assert len(preheader) <= 150 and preheader.endswith("…")
