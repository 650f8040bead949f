"""Real worker processes against a real SMTP sink: crashes, pauses, 4xx and 5xx answers.

Each test runs on the SQLite file test database, and again on PostgreSQL
(marked ``postgres``) where the workers claim with FOR UPDATE SKIP LOCKED.
"""

from __future__ import annotations

import signal

import pytest

from demain.audience.models import Subscriber, Suppression
from demain.delivery import campaigns
from demain.delivery.models import Campaign, Delivery
from demain.lib.smtpsink import Sink
from tests.delivery_helpers import finish, published_issue, start_worker, subscribers, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
S = Delivery.Status


def statuses(campaign) -> dict[str, int]:
    counts = campaigns.progress(campaign.pk)
    return {status: n for status, n in counts.items() if n and status in S.values}


def test_it_sends_exactly_once_when_a_worker_is_killed_mid_campaign():
    subscribers(2000)
    campaign = campaigns.create_campaign(published_issue())
    with Sink() as sink:
        workers = [start_worker(sink.port) for _ in range(3)]
        wait_for(lambda: sink.handler.total >= 600)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        workers.append(start_worker(sink.port))
        finish(workers[1:])
        counts = dict(sink.handler.counts)
    rows = list(Delivery.objects.filter(campaign=campaign).values_list("email", "status"))
    uncertain = [email for email, status in rows if status == S.UNCERTAIN]
    print("uncertain rows:", uncertain)
    assert len(rows) == 2000
    assert {status for _, status in rows} <= {S.SENT, S.UNCERTAIN}
    assert len(uncertain) <= 1
    assert all(counts.get(email) == 1 for email, status in rows if status == S.SENT)
    assert all(counts.get(email, 0) <= 1 for email in uncertain)
    assert sum(counts.values()) >= 1999
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.DONE


def test_it_pauses_and_resumes_without_duplicates():
    subscribers(400)
    campaign = campaigns.create_campaign(published_issue())
    with Sink() as sink:
        workers = [start_worker(sink.port, DELIVERY_RATE_PER_SECOND=100) for _ in range(2)]
        wait_for(lambda: sink.handler.total >= 60)
        campaigns.pause(campaign)
        finish(workers)  # --until-idle: a paused campaign is not work; they give their rows back and exit
        paused_total = sink.handler.total
        assert not Delivery.objects.filter(campaign=campaign, status=S.SENDING).exists()
        assert paused_total < 400
        assert Delivery.objects.filter(campaign=campaign, status=S.SENT).count() == paused_total
        campaigns.resume(campaign)
        finish([start_worker(sink.port) for _ in range(2)])
        counts = dict(sink.handler.counts)
    assert statuses(campaign) == {S.SENT: 400}
    assert sorted(counts.values()) == [1] * 400


def test_it_delivers_everything_when_every_third_message_gets_a_4xx():
    subscribers(60)
    campaign = campaigns.create_campaign(published_issue())
    with Sink(fail_every=3) as sink:
        finish([start_worker(sink.port)])
        counts = dict(sink.handler.counts)
        failures = sink.handler.data_seen - sink.handler.total
    assert statuses(campaign) == {S.SENT: 60}
    assert sorted(counts.values()) == [1] * 60
    assert failures >= 20
    assert Delivery.objects.filter(campaign=campaign, attempts__gt=1).count() >= failures // 2
    assert sum(Delivery.objects.filter(campaign=campaign).values_list("attempts", flat=True)) == 60 + failures


def test_it_suppresses_exactly_the_addresses_answered_with_5xx():
    subscribers(40)
    refused = {f"lecteur{i}@example.org" for i in (3, 17, 28)}
    campaign = campaigns.create_campaign(published_issue())
    with Sink(reject=refused) as sink:
        finish([start_worker(sink.port)])
        counts = dict(sink.handler.counts)
    bounced = set(Delivery.objects.filter(campaign=campaign, status=S.BOUNCED).values_list("email", flat=True))
    assert bounced == refused
    assert statuses(campaign) == {S.SENT: 37, S.BOUNCED: 3}
    assert set(counts) == {f"lecteur{i}@example.org" for i in range(40)} - refused
    assert set(Subscriber.objects.filter(status=Subscriber.Status.BOUNCED).values_list("email", flat=True)) == refused
    assert all(Suppression.covers(email) for email in refused)
    assert Suppression.objects.count() == 3
    later = campaigns.create_campaign(published_issue(number=8))
    assert Delivery.objects.filter(campaign=later, status=S.QUEUED).count() == 37


def test_it_stops_cleanly_on_sigterm_and_gives_back_its_rows():
    subscribers(300)
    campaign = campaigns.create_campaign(published_issue())
    with Sink() as sink:
        worker = start_worker(sink.port, DELIVERY_RATE_PER_SECOND=100)
        wait_for(lambda: sink.handler.total >= 20)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=20) == 0
        sent = sink.handler.total
    assert 20 <= sent < 300
    assert statuses(campaign) == {S.SENT: sent, S.QUEUED: 300 - sent}
    assert "signal" in worker.stderr.read().decode()
