"""EMAIL_BACKEND=outbox (the embedded default of make demo): newsletters land in the local outbox."""

import email
from email import policy

import pytest

from demain.delivery import campaigns
from demain.delivery.models import Delivery, OutboxMessage
from demain.delivery.worker import SendWorker
from tests.delivery_helpers import published_issue, subscribers


@pytest.mark.django_db(transaction=True)
def test_it_keeps_every_newsletter_in_the_outbox_when_the_backend_is_outbox(settings):
    settings.EMAIL_BACKEND = "demain.delivery.outbox.OutboxBackend"
    subscribers(3)
    campaign = campaigns.create_campaign(published_issue())
    SendWorker(name="demo-worker").run(until_idle=True, campaign_id=campaign.pk)
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    kept = OutboxMessage.objects.order_by("to")
    assert [m.to for m in kept] == ["lecteur0@example.org", "lecteur1@example.org", "lecteur2@example.org"]
    message = email.message_from_string(kept[0].raw, policy=policy.default)
    assert kept[0].subject == campaign.subject
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_body(("plain",)).get_content().count("Sauf que") == 1
    assert kept[0].message_id == message["Message-ID"] != kept[1].message_id
