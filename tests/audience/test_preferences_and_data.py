import json
import time
from unittest import mock

import pytest
from django.utils import timezone

from demain.audience import links
from demain.audience.models import DownloadLead, Inquiry, Resource, Subscriber, Suppression, email_hash
from tests.audience.conftest import path_of


def test_it_saves_interests_frequency_and_pause(client, subscriber):
    url = path_of(links.preferences_url(subscriber))
    page = client.get(url)
    assert subscriber.email in page.content.decode()
    response = client.post(url, {"interests": ["health", "ethics"], "frequency": "monthly", "pause": "30"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.interests == ["health", "ethics"]
    assert subscriber.frequency == "monthly"
    assert (subscriber.paused_until - timezone.localdate()).days == 30
    assert not Subscriber.objects.mailable().filter(pk=subscriber.pk).exists()
    client.post(url, {"interests": [], "frequency": "every", "pause": "resume"})
    subscriber.refresh_from_db()
    assert subscriber.paused_until is None
    assert Subscriber.objects.mailable().filter(pk=subscriber.pk).exists()


def test_it_rejects_unknown_interest_values(client, subscriber):
    response = client.post(path_of(links.preferences_url(subscriber)),
                           {"interests": ["nope"], "frequency": "every"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.interests == ["artisans"]


def test_it_exports_my_data_as_json(client, subscriber):
    response = client.get(path_of(links.export_url(subscriber)))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == subscriber.email and data["interests"] == ["artisans"]


def test_it_refuses_an_export_link_older_than_a_week(client, subscriber):
    with mock.patch("time.time", return_value=time.time() - 8 * 86400):
        url = path_of(links.export_url(subscriber))
    assert client.get(url).status_code == 404


@pytest.mark.postgres
def test_it_erases_everything_but_a_suppression_hash(client, subscriber, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    resource = Resource.objects.create(slug="r", title="R", file="resources/x/r.pdf")
    DownloadLead.objects.create(resource=resource, email=subscriber.email)
    Inquiry.objects.create(kind="contact", name="Léa", email=subscriber.email, message="Bonjour")
    url = path_of(links.erase_url(subscriber))
    assert client.get(url).status_code == 200 and Subscriber.objects.exists()  # GET only asks
    response = client.post(url)
    assert "effacées" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not DownloadLead.objects.exists() and not Inquiry.objects.exists()
    assert Suppression.covers(subscriber.email)
    assert client.post(url).status_code == 404  # the link died with the data
    client.post("/inscription/", {"email": subscriber.email, "consent": "on"})
    assert not Subscriber.objects.exists() or Subscriber.objects.get().status != "confirmed"


@pytest.mark.postgres
def test_it_erases_the_address_from_the_sending_journal_too(client, subscriber, settings):
    from django.core.mail import EmailMessage

    from demain.delivery.models import BounceEvent, Campaign, Delivery, OutboxMessage
    from tests.site_factory import make_issue

    campaign = Campaign.objects.create(issue=make_issue(1))
    Delivery.objects.create(campaign=campaign, subscriber=subscriber, email=subscriber.email, status="bounced",
                            smtp_reply=f"550 {subscriber.email} unknown")
    BounceEvent.objects.create(provider="file", kind="hard", email=subscriber.email, event_key="k",
                               email_hash=email_hash(subscriber.email), raw=f"Final-Recipient: {subscriber.email}")
    settings.EMAIL_BACKEND = "demain.delivery.outbox.OutboxBackend"
    EmailMessage("Bonjour", "Texte", "lettre@demain.example", [subscriber.email]).send()
    assert OutboxMessage.objects.count() == 1
    client.post(path_of(links.erase_url(subscriber)))
    for model in (Delivery, BounceEvent, OutboxMessage):
        for row in model.objects.all():
            assert subscriber.email not in str([getattr(row, f.attname) for f in model._meta.fields])
    assert Delivery.objects.get().status == "bounced"  # the campaign's figures stay true
