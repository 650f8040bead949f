"""Rendering, campaign rows, crash recovery rules and the editor's controls."""

from __future__ import annotations

import email
import json
from email import policy

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from demain.audience import links
from demain.audience.models import Subscriber, Suppression, email_hash
from demain.delivery import campaigns
from demain.delivery.models import Campaign, Delivery, Worker
from demain.delivery.render import PLACEHOLDERS, NotPublished
from demain.delivery.worker import claim, personal_message, prepared_email, reclaim_stale
from tests.delivery_helpers import published_issue, subscribers

pytestmark = pytest.mark.django_db
S = Delivery.Status


def message_for(campaign: Campaign, row: Delivery) -> email.message.EmailMessage:
    prepared = prepared_email(campaign)
    raw = personal_message(prepared, row, prepared.message_id(f"demain.{campaign.pk}.{row.pk}"))
    return email.message_from_bytes(raw, policy=policy.default)


def stable(url: str) -> str:
    """A signed link without its time stamp and signature (they change every second)."""
    return url.rsplit(":", 2)[0]


def test_it_renders_the_issue_once_with_personal_parts_per_recipient(settings):
    settings.POSTAL_ADDRESS = "Société Exemple, 3 place du Test, 69000 Lyon"
    first, second = subscribers(2)
    campaign = campaigns.create_campaign(published_issue())
    assert "600" in campaign.html and 'style="' in campaign.html  # table layout, CSS inlined
    assert "Quand le chat n’est pas là, les modèles dansent".upper() in campaign.text
    messages = [message_for(campaign, row) for row in campaign.deliveries.order_by("pk")]
    for message, subscriber in zip(messages, [first, second]):
        assert message["To"] == subscriber.email
        assert stable(links.one_click_unsubscribe_url(subscriber)) in message["List-Unsubscribe"]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["List-Id"] == settings.LIST_ID
        assert message["Date"]
        assert message["Subject"].startswith("Le monde de demAIn n° 7")
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        for body in (text, html):
            assert "Sauf que." in body and "App sous le radar" in body.replace("APP SOUS LE RADAR", "App sous le radar")
            assert settings.POSTAL_ADDRESS in body
            assert not any(placeholder in body for placeholder in PLACEHOLDERS)
        assert stable(links.preferences_url(subscriber)) in text
        assert stable(links.unsubscribe_url(subscriber)) in html
        assert "Enjeux et perspectives" in text and "Enjeux et perspectives" in html
    assert messages[0]["Message-ID"] != messages[1]["Message-ID"]
    assert stable(links.preferences_url(first)) not in messages[1].as_string()


def test_it_refuses_to_send_an_issue_that_is_not_published():
    with pytest.raises(NotPublished):
        campaigns.create_campaign(published_issue(status="approved"))
    with pytest.raises(CommandError, match="pas publié"):
        call_command("send", "7")
    assert not Campaign.objects.exists()


def test_it_writes_every_send_row_before_sending_and_only_for_the_segment():
    subscribers(3, prefix="ia", interests=["tools"])
    subscribers(2, prefix="sante", interests=["health"])
    subscribers(2, prefix="attente", status=Subscriber.Status.PENDING)
    Suppression.objects.create(email_hash=email_hash("ia1@example.org"), reason=Suppression.Reason.COMPLAINT)
    everyone = campaigns.create_campaign(published_issue())
    assert campaigns.progress(everyone.pk)[S.QUEUED] == 4
    assert everyone.deliveries.get(email="ia1@example.org").status == S.SKIPPED
    tools = campaigns.create_campaign(published_issue(number=8), interests=["tools"])
    assert set(tools.deliveries.filter(status=S.QUEUED).values_list("email", flat=True)) == {
        "ia0@example.org", "ia2@example.org"}
    campaigns.prepare(tools)  # preparing twice never doubles a recipient
    assert tools.deliveries.count() == 3


def test_it_counts_a_dry_run_without_creating_anything(capsys):
    subscribers(5, interests=["tools"])
    published_issue()
    call_command("send", "7", "--dry-run", "--json", "--segment", "tools,health")
    assert json.loads(capsys.readouterr().out) == {"issue": 7, "dry_run": True, "segment": ["tools", "health"],
                                                   "recipients": 5, "suppressed": 0, "already_received": 0}
    assert not Campaign.objects.exists() and not Delivery.objects.exists()


def test_it_turns_a_dead_workers_rows_into_queued_or_uncertain():
    subscribers(3)
    campaign = campaigns.create_campaign(published_issue())
    Worker.objects.create(name="mort", heartbeat_at=timezone.now() - timezone.timedelta(minutes=5))
    ids = claim("mort", 3)
    Delivery.objects.filter(pk=ids[0]).update(phase=Delivery.Phase.DATA)
    assert reclaim_stale(lease=60) == (1, 2)
    assert campaigns.progress(campaign.pk)[S.UNCERTAIN] == 1
    assert campaigns.progress(campaign.pk)[S.QUEUED] == 2
    assert Worker.objects.get(name="mort").stopped_at is not None


def test_it_leaves_a_live_workers_rows_alone():
    subscribers(2)
    campaigns.create_campaign(published_issue())
    Worker.objects.create(name="vivant", heartbeat_at=timezone.now())
    claim("vivant", 2)
    assert reclaim_stale(lease=60) == (0, 0)
    assert Delivery.objects.filter(status=S.SENDING).count() == 2


def test_it_claims_nothing_from_a_paused_or_scheduled_campaign():
    subscribers(2)
    campaign = campaigns.create_campaign(published_issue())
    campaigns.pause(campaign)
    assert claim("w", 10) == []
    later = campaigns.create_campaign(published_issue(number=8), send_at=timezone.now() + timezone.timedelta(hours=1))
    assert later.status == Campaign.Status.SCHEDULED
    assert claim("w", 10) == []
    campaigns.resume(campaign)
    assert len(claim("w", 10)) == 2


def test_it_lets_the_editor_decide_about_uncertain_rows():
    subscribers(2)
    campaign = campaigns.create_campaign(published_issue())
    campaign.deliveries.update(status=S.UNCERTAIN)
    first, second = campaign.deliveries.order_by("pk")
    assert campaigns.mark_sent(campaign.deliveries.filter(pk=first.pk)) == 1
    assert campaigns.requeue(campaign.deliveries.filter(pk=second.pk)) == 1
    assert dict(campaign.deliveries.values_list("pk", "status")) == {first.pk: S.SENT, second.pk: S.QUEUED}


def test_it_cancels_a_campaign_and_says_why_nothing_left():
    subscribers(3)
    campaign = campaigns.create_campaign(published_issue())
    campaigns.cancel(campaign)
    assert set(campaign.deliveries.values_list("status", "smtp_reply")) == {(S.SKIPPED, "campagne annulée")}
    assert claim("w", 10) == []


def test_it_signs_with_dkim_covering_the_list_unsubscribe_headers(settings, tmp_path):
    import dkim
    from dkim import dknewkey

    dknewkey.GenRSAKeys(str(tmp_path / "dkim.pem"), verbose=False)
    dknewkey.ExtractRSADnsPublicKey(str(tmp_path / "dkim.pem"), str(tmp_path / "dkim.dns"), verbose=False)
    record = (tmp_path / "dkim.dns").read_bytes()
    settings.DKIM_SELECTOR, settings.DKIM_DOMAIN = "lettre", "demain.example"
    settings.DKIM_PRIVATE_KEY_PATH = str(tmp_path / "dkim.pem")
    subscribers(1)
    campaign = campaigns.create_campaign(published_issue())
    prepared = prepared_email(campaign)
    wire = personal_message(prepared, campaign.deliveries.get(), "<x@demain.example>")
    raw = wire.replace(b"\r\n..", b"\r\n.")  # undo SMTP dot-stuffing, as the receiving server does
    assert raw.startswith(b"DKIM-Signature:")
    signed = raw.split(b"h=", 1)[1].split(b";", 1)[0].lower()
    assert b"list-unsubscribe" in signed and b"list-unsubscribe-post" in signed
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: record)
    assert not dkim.verify(raw.replace(b"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                                       b"List-Unsubscribe-Post: nothing"), dnsfunc=lambda name, timeout=5: record)


def test_it_shows_progress_and_uncertain_rows_in_the_admin(admin_client):
    subscribers(3)
    campaign = campaigns.create_campaign(published_issue())
    campaign.deliveries.filter(email="lecteur0@example.org").update(status=S.UNCERTAIN)
    Campaign.objects.filter(pk=campaign.pk).update(html="x" * (101 * 1024))
    page = admin_client.get("/admin/delivery/campaign/").content.decode()
    assert "1 à décider" in page and "coupé par Gmail" in page
    assert "1 / 3 traité, 0 envoyé" in page  # French counts: 0 and 1 are singular
    detail = admin_client.get(f"/admin/delivery/campaign/{campaign.pk}/change/", follow=True).content.decode()
    assert "Gmail coupe" in detail and "En attente : 2" in detail and "Incertain (à décider) : 1" in detail
    admin_client.post("/admin/delivery/campaign/", {"action": "pause", "_selected_action": [campaign.pk]})
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.PAUSED
    row = campaign.deliveries.get(status=S.UNCERTAIN)
    admin_client.post("/admin/delivery/delivery/", {"action": "requeue", "_selected_action": [row.pk]})
    assert campaign.deliveries.get(pk=row.pk).status == S.QUEUED


@pytest.mark.django_db(transaction=True)
def test_it_prepares_a_campaign_added_in_the_admin_through_a_task(admin_client):
    from django_tasks_db.models import DBTaskResult

    subscribers(2)
    issue = published_issue()
    confirm = admin_client.post("/admin/delivery/campaign/add/", {"issue": issue.pk})
    assert confirm.status_code == 200 and not Campaign.objects.exists()
    response = admin_client.post("/admin/delivery/campaign/add/", {"issue": issue.pk, "_confirmed": "1"})
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.status == Campaign.Status.PREPARING and not campaign.deliveries.exists()
    # (publishing the issue also queued the archive's embedding task)
    assert DBTaskResult.objects.filter(task_path="demain.delivery.tasks.prepare_campaign").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING
    assert campaign.deliveries.filter(status=S.QUEUED).count() == 2
