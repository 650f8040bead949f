"""Preview before sending: staff see any issue on the site, the email at 375 and 600 px, and send themselves a test."""

from __future__ import annotations

import email
from email import policy

import pytest
from django.contrib.auth import get_user_model

from demain.delivery.models import Campaign, Delivery
from demain.delivery.render import PLACEHOLDERS
from demain.lib.smtpsink import Sink
from tests.conftest import axe_violations
from tests.delivery_helpers import published_issue, subscribers

ARTICLE = "Quand le chat n’est pas là, les modèles dansent"


def staff(client, email_address: str = "redaction@example.org"):
    user = get_user_model().objects.create_superuser("redac", email_address, "mot-de-passe-de-test")
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["draft", "review", "approved"])
def test_it_shows_an_unpublished_issue_to_staff_only(client, status):
    published_issue(status=status)
    assert client.get("/numeros/7/").status_code == 404
    staff(client)
    response = client.get("/numeros/7/")
    page = response.content.decode()
    assert response.status_code == 200 and ARTICLE in page
    assert "Aperçu réservé à la rédaction" in page and 'content="noindex"' in page
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_shows_a_published_issue_to_staff_without_the_preview_banner(client):
    published_issue()
    staff(client)
    assert "Aperçu réservé" not in client.get("/numeros/7/").content.decode()


@pytest.mark.django_db
def test_it_previews_the_email_of_a_draft_in_html_and_text_at_two_widths(client):
    issue = published_issue(status="draft")
    assert client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/").status_code == 302  # login first
    staff(client)
    page = client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/").content.decode()
    assert 'width="375"' in page and 'width="600"' in page and page.count("<iframe") == 2
    assert ARTICLE.upper() in page and "Sauf que." in page  # the text part, on the page
    html = client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/html/")
    assert html["X-Frame-Options"] == "SAMEORIGIN"
    body = html.content.decode()
    assert ARTICLE in body and "Transcrivo" in body
    assert not any(placeholder in body or placeholder in page for placeholder in PLACEHOLDERS)
    editor = client.get(f"/admin/issues/issue/{issue.pk}/change/").content.decode()
    assert f"/admin/delivery/campaign/apercu/{issue.pk}/" in editor


@pytest.mark.django_db
def test_it_sends_a_test_to_the_editor_only_through_the_configured_backend(client, settings):
    subscribers(3)
    issue = published_issue(status="approved")
    user = staff(client)
    with Sink(keep=True) as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        assert client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/test/").status_code == 405
        response = client.post(f"/admin/delivery/campaign/apercu/{issue.pk}/test/", follow=True)
        assert "E-mail de test du N° 7 envoyé à redaction@example.org" in response.content.decode()
        user.email = ""
        user.save()
        refused = client.post(f"/admin/delivery/campaign/apercu/{issue.pk}/test/", follow=True).content.decode()
        assert "n’a pas d’adresse e-mail" in refused
    assert dict(sink.handler.counts) == {"redaction@example.org": 1}
    message = email.message_from_bytes(sink.handler.messages[0], policy=policy.default)
    assert message["Subject"].strip().startswith("[TEST] Le monde de demAIn n° 7")
    assert ARTICLE in message.get_body(("html",)).get_content()
    assert "Sauf que." in message.get_body(("plain",)).get_content()
    assert not Campaign.objects.exists() and not Delivery.objects.exists()


# --- In real Chromium, with axe-core ---------------------------------------------------------------

def violations(page) -> list:
    """axe-core's serious and critical findings, with where they are."""
    return [(found["id"], [node["target"] for node in found["nodes"]]) for found in axe_violations(page)]


def browser_login(page, live_server, client):
    staff(client)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_the_email_at_375_and_600_px_in_chromium(page, live_server, client):
    issue = published_issue(status="review")
    browser_login(page, live_server, client)
    page.goto(f"{live_server.url}/admin/delivery/campaign/apercu/{issue.pk}/")
    frames = page.locator("iframe")
    assert frames.count() == 2
    assert [round(frames.nth(i).bounding_box()["width"]) for i in range(2)] == [375 + 2, 600 + 2]  # with borders
    for i in range(2):
        inner = page.frame_locator("iframe").nth(i)
        assert ARTICLE in inner.locator("body").inner_text(timeout=10_000)
    phone = page.frames[1]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(page) == []
    page.goto(f"{live_server.url}/numeros/7/")
    assert "Aperçu réservé à la rédaction" in page.locator(".preview-banner").inner_text()
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_confirms_the_recipient_count_before_sending_in_chromium(page, live_server, client):
    subscribers(2, interests=["tools"])
    subscribers(1, prefix="sante", interests=["health"])
    issue = published_issue()
    browser_login(page, live_server, client)
    page.goto(f"{live_server.url}/admin/delivery/campaign/add/")
    page.get_by_label("numéro").select_option(str(issue.pk))
    page.get_by_label("Outils et applications (2 lecteurs)").check()
    assert violations(page) == []
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    assert page.locator(".confirm-question").inner_text() == "Envoyer le N° 7 à 2 lecteurs\u202f?"
    assert not Campaign.objects.exists()
    assert violations(page) == []
    page.get_by_role("button", name="Oui, envoyer à 2 lecteurs").click()
    page.wait_for_url("**/admin/delivery/campaign/")
    campaign = Campaign.objects.get()
    assert campaign.interests == ["tools"] and campaign.issue == issue
