"""Emailed absolute links are built on SITE_URL, never on the request's Host header.

Every email path is driven through HTTP with a forged Host (and X-Forwarded-Host), on a site
misconfigured to accept any host: no message may carry the forged name, and every web link
in it starts with SITE_URL.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from demain.audience.models import Resource, Subscriber
from demain.delivery import campaigns
from demain.delivery.models import Campaign
from demain.delivery.worker import personal_message, prepared_email
from tests.audience.conftest import demo_offers, human  # noqa: F401  (fixture)
from tests.delivery_helpers import published_issue

SITE = "https://lettre.demain.example"
FORGED = {"HTTP_HOST": "evil.example", "HTTP_X_FORWARDED_HOST": "evil-proxy.example",
          "HTTP_X_FORWARDED_PROTO": "http", "REMOTE_ADDR": "203.0.113.7"}
ISSUE_SOURCES = ("https://example.org/annonce",)  # the article's source in tests.delivery_helpers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forged_host_accepted(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]  # a careless configuration: the Host header is taken as is
    settings.USE_X_FORWARDED_HOST = True  # and so is X-Forwarded-Host
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.FORM_MIN_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def assert_built_on_site_url(raw: str, sources: tuple[str, ...] = ()) -> list[str]:
    """The message's links to the site; ``sources``: the issue's links to other sites, kept as written."""
    assert "evil" not in raw
    urls = re.findall(r"https?://[^\s\"'<>]+", raw)
    web = [url for url in urls if "w3.org" not in url and not url.startswith(sources)]
    assert web, "the message has no link to check"
    assert all(url.startswith(SITE) for url in web), [url for url in web if not url.startswith(SITE)]
    return web


def sent() -> list[str]:
    """Each message of the locmem outbox, whole (headers, text and HTML), decoded."""
    return [message.message().as_bytes().decode("utf-8", "replace") for message in mail.outbox]


def test_it_builds_sign_up_confirmation_and_welcome_links_on_site_url(client):
    response = client.post("/inscription/", human(email="lea@atelier.example", consent="on"), **FORGED)
    assert response.status_code == 302
    [confirm] = sent()
    [link] = {url for url in assert_built_on_site_url(confirm) if "/inscription/confirmer/" in url}
    client.post(link.removeprefix(SITE), **FORGED)
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    welcome = sent()[1]
    links = assert_built_on_site_url(welcome)
    assert any("/preferences/" in url for url in links) and re.search(r"List-Unsubscribe:\s+<" + re.escape(SITE), welcome)


def test_it_builds_download_links_on_site_url(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    resource = Resource.objects.create(slug="extrait", title="L’extrait", description="Le chapitre 1.",
                                       file=SimpleUploadedFile("chapitre-1.pdf", b"%PDF-1.4\n%%EOF\n"))
    client.post(resource.get_absolute_url(), human(email="zoe@studio.example"), **FORGED)
    [message] = sent()
    assert any("/telechargement/" in url for url in assert_built_on_site_url(message))


@pytest.mark.usefixtures("demo_offers")
def test_it_builds_the_inquiry_notifications_admin_link_on_site_url(client):
    client.post("/offres/contact/", human(name="Ana", email="ana@example.org", message="Bonjour"), **FORGED)
    [notification] = sent()
    assert any("/admin/audience/inquiry/" in url for url in assert_built_on_site_url(notification))


def test_it_builds_the_newsletter_and_the_test_send_on_site_url(client):
    Subscriber.objects.create(email="paul@garage.example", status=Subscriber.Status.CONFIRMED)
    issue = published_issue()
    editor = get_user_model().objects.create_superuser("redac", "redac@example.org", "x")
    client.force_login(editor)
    client.post(f"/admin/delivery/campaign/apercu/{issue.pk}/test/", **FORGED)
    [test_send] = sent()
    assert any("/numeros/7/" in url for url in assert_built_on_site_url(test_send, sources=ISSUE_SOURCES))

    client.post("/admin/delivery/campaign/add/", {"issue": issue.pk, "_confirmed": "1"}, **FORGED)
    campaign = Campaign.objects.get()
    if not campaign.deliveries.exists():  # the task is queued on commit, which a test never reaches
        campaigns.prepare(campaign)
    [row] = campaign.deliveries.all()
    newsletter = personal_message(prepared_email(campaign), row, "<test@demain.example>").decode("utf-8", "replace")
    links = assert_built_on_site_url(newsletter, sources=ISSUE_SOURCES)
    assert any("/desinscription/" in url for url in links) and any("/preferences/" in url for url in links)
