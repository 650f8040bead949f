"""Legal pages (issue 7, item 10): editable, seeded with a true privacy text, linked everywhere."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from demain.delivery.render import render_issue
from demain.site.models import LegalPage
from tests.audience.conftest import human
from tests.site_factory import make_issue

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("demo_offers")]
NOTICE_URL = "https://demain.example/mentions-legales/"
PRIVACY_URL = "https://demain.example/confidentialite/"


@pytest.fixture(autouse=True)
def legal_pages(db):
    """The pages of the data migration, even after a flushing test."""
    import_module("demain.site.migrations.0001_legal_pages").seed(apps, None)


def test_it_serves_both_pages_linked_from_the_footer(client):
    home = client.get("/").content.decode()
    assert 'href="/mentions-legales/">Mentions légales</a>' in home
    assert 'href="/confidentialite/">Politique de confidentialité</a>' in home
    for path, title in [("/mentions-legales/", "Mentions légales"), ("/confidentialite/", "Politique de confidentialité")]:
        page = client.get(path).content.decode()
        assert f"<h1>{title}</h1>" in page and "<h2>" in page and "<li>" in page


def test_it_says_what_is_really_stored_and_for_how_long():
    text = LegalPage.objects.get(slug="confidentialite").body
    for stored in ("texte exact que vous avez accepté", "sa version", "la date et l’heure", "empreinte de votre adresse IP",
                   "HMAC-SHA-256", "n’est jamais enregistrée", "centres d’intérêt", "réponse du serveur de messagerie"):
        assert stored in text
    for kept in ("une heure", "72 heures", "7 jours", "tant que vous êtes abonné", "SHA-256", "sans limite de durée"):
        assert kept in text


def test_it_lets_the_editor_rewrite_a_page_in_the_admin(admin_client, client):
    page = LegalPage.objects.get(slug="mentions-legales")
    response = admin_client.post(reverse("admin:public_site_legalpage_change", args=[page.pk]), {
        "title": "Mentions légales", "body": "## Éditeur\n\nÉditions Exemple, 3 rue du Test.\n\n- Hébergeur : Exemple SAS"})
    assert response.status_code == 302
    html = client.get("/mentions-legales/").content.decode()
    assert "<h2>Éditeur</h2>" in html and "<p>Éditions Exemple, 3 rue du Test.</p>" in html
    assert "<li>Hébergeur\u202f: Exemple SAS</li>" in html
    assert LegalPage.objects.get(pk=page.pk).slug == "mentions-legales"  # the address cannot be changed


@pytest.mark.parametrize("path", ["/inscription/", "/offres/contact/", "/offres/formations/"])
def test_it_links_the_privacy_policy_on_every_form(client, path):
    page = client.get(path).content.decode()
    form = page[page.index("<form"):page.index("</form>")]
    assert 'href="/confidentialite/">politique de confidentialité</a>' in form


def test_it_links_both_pages_in_every_email(client, settings):
    client.post("/inscription/", human(email="lea@example.org", consent="on"), REMOTE_ADDR="203.0.113.9")
    client.post("/offres/contact/", human(name="Léa", email="lea@example.org", message="Bonjour"))
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert NOTICE_URL in message.body and PRIVACY_URL in message.body
        assert f'href="{NOTICE_URL}"' in html and f'href="{PRIVACY_URL}"' in html
    html, text = render_issue(make_issue(1))
    assert f'href="{NOTICE_URL}"' in html and f'href="{PRIVACY_URL}"' in html
    assert NOTICE_URL in text and PRIVACY_URL in text
