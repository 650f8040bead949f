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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_records_an_outcome_and_marks_the_next_row_in_one_step():
    """The hot path of the worker (one statement on PostgreSQL): the previous row is recorded as sent and
    the next marked as reaching DATA; a next row taken back meanwhile is refused, the outcome still kept."""
    from demain.delivery.smtp import Outcome
    from demain.delivery.worker import Result, claim

    subscribers(3)
    campaigns.create_campaign(published_issue())  # sending at once: no date given
    worker = SendWorker(name="unit-worker")
    first, second, third = Delivery.objects.filter(pk__in=claim("unit-worker", 3)).order_by("pk")
    assert worker.record([Result(first, Outcome("sent", 250, "OK"), "<1@demain>")], data_row=second) is True
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, first.smtp_code, first.message_id) == (Delivery.Status.SENT, 250, "<1@demain>")
    assert first.sent_at is not None and second.phase == Delivery.Phase.DATA and worker.sent == 1
    Delivery.objects.filter(pk=third.pk).update(worker="another-worker")  # taken back meanwhile
    assert worker.record([Result(second, Outcome("sent", 250, "OK"), "<2@demain>")], data_row=third) is False
    second.refresh_from_db(), third.refresh_from_db()
    assert second.status == Delivery.Status.SENT and third.phase == Delivery.Phase.CLAIMED
    worker.connection.close()
