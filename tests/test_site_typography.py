"""French typography on the site's own pages and in its emails: one tag, the house rules."""

import re

import pytest

from demain.audience import mail as audience_mail
from demain.audience.models import Resource
from demain.lib.houseformat.typography import NNBSP, space
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db]

# A space, or nothing, where French wants a narrow no-break space; ignoring URLs and times.
MISSING = re.compile(r"(?<=\w)[ \u00a0]?[;:!?»%](?!//)|«[ \u00a0]?\w")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]*>", "", html)


def mistakes(text: str) -> list[str]:
    return [m.group(0) for m in MISSING.finditer(text) if space(m.group(0)) != m.group(0)
            and not re.match(r"\d:\d", text[m.start() - 1:m.end() + 1])]


@pytest.mark.parametrize("path", ["/", "/numeros/", "/inscription/", "/numeros/1/"])
def test_it_spaces_the_sites_own_texts_the_french_way(client, path):
    make_issue(1)
    html = client.get(path).content.decode()
    text = visible_text(html)
    assert mistakes(text) == []
    assert re.search(r'href="[^"]*"', html)  # attributes are left as written


def test_it_spaces_the_subscribe_lead_but_not_its_attributes(client):
    html = client.get("/inscription/").content.decode()
    assert f"Chaque numéro{NNBSP}: l’actualité" in html
    assert 'content="light dark"' in html and 'rel="stylesheet"' in html


def test_it_spaces_transactional_emails_in_text_and_html(settings):
    settings.SITE_URL = "https://demain.example"
    message = audience_mail.build("confirm", "zoe@studio.example", "Confirmez",
                                  {"confirm_url": "https://demain.example/inscription/confirmer/a:b/", "hours": 48})
    text = message.body
    html = message.alternatives[0][0]
    assert f"Le bouton ne marche pas{NNBSP}?" in html
    assert f"Vous n’avez rien demandé{NNBSP}? Ignorez ce message{NNBSP}:" in text
    assert "https://demain.example/inscription/confirmer/a:b/" in text
    assert 'href="https://demain.example/inscription/confirmer/a:b/"' in html


def test_it_never_nests_guillemets_around_a_quoted_title(settings):
    resource = Resource(slug="extrait", title="Le chapitre « L’Ère de l’IA »")
    message = audience_mail.build("download", "zoe@studio.example", "Votre document",
                                  {"resource": resource, "download_url": "https://demain.example/t/x/", "days": 7,
                                   "uses": 3})
    for body in (message.body, message.alternatives[0][0]):
        assert f"«{NNBSP}Le chapitre “L’Ère de l’IA”{NNBSP}»" in body
        assert "«" not in body.split("«", 1)[1].split("»", 1)[0]


@pytest.mark.parametrize("count, expected", [(0, "0 numéro publié"), (1, "1 numéro publié"),
                                             (2, "2 numéros publiés")])
def test_it_counts_issues_in_french_in_the_archive(client, count, expected):
    for number in range(1, count + 1):
        make_issue(number)
    if count == 0:
        make_issue(1, published=False)
    html = client.get("/numeros/").content.decode()
    if count:
        assert expected in html
    else:
        assert "Aucun numéro n’est encore publié" in html
