"""The bounce webhook: authentication, payload shapes, bad input, idempotency, effects."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import override_settings

from demain.audience.models import Subscriber, Suppression
from demain.delivery.bounces import record, sns
from demain.delivery.models import BounceEvent
from tests import bounce_samples as samples
from tests import sns_signing

URL = "/webhooks/bounces/"
SECRET = "s3cret-webhook-token"
AUTH = {"HTTP_X_DEMAIN_SECRET": SECRET}

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.BOUNCE_WEBHOOK_SECRET = SECRET


@pytest.fixture(autouse=True)
def sns_certificate(monkeypatch):
    """The samples are signed with the tests' key: its certificate stands for Amazon's."""
    monkeypatch.setattr(sns, "fetch_certificate", lambda url: sns_signing.certificate_pem())


@pytest.fixture
def paul():
    return Subscriber.objects.create(email="paul@example.org", status=Subscriber.Status.CONFIRMED)


def post(client, payload, content_type="application/json", **extra):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post(URL, body, content_type=content_type, **{**AUTH, **extra})


def generic_bounce(email="paul@example.org", permanent=True, **more):
    return {"type": "bounce", "email": email, "permanent": permanent, "reason": "550 5.1.1", **more}


# --- authentication -----------------------------------------------------------

def test_it_is_disabled_without_a_secret_setting(client, settings):
    settings.BOUNCE_WEBHOOK_SECRET = ""
    assert post(client, generic_bounce()).status_code == 404
    assert BounceEvent.objects.count() == 0


def test_it_rejects_a_missing_secret(client):
    response = client.post(URL, json.dumps(generic_bounce()), content_type="application/json")
    assert response.status_code == 401
    assert "Basic" in response["WWW-Authenticate"]
    assert BounceEvent.objects.count() == 0


@pytest.mark.parametrize("how", [
    {"HTTP_X_DEMAIN_SECRET": "nope"},
    {"HTTP_X_DEMAIN_SECRET": SECRET[:-1]},
    {"HTTP_X_DEMAIN_SECRET": ""},
    {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(b"sns:wrong").decode()},
    {"HTTP_AUTHORIZATION": "Basic !!!not-base64"},
])
def test_it_rejects_a_wrong_secret(client, how):
    response = client.post(URL, json.dumps(generic_bounce()), content_type="application/json", **how)
    assert response.status_code == 403
    assert BounceEvent.objects.count() == 0


def test_it_rejects_a_wrong_secret_in_the_query(client):
    response = client.post(URL + "?secret=nope", json.dumps(generic_bounce()), content_type="application/json")
    assert response.status_code == 403


@pytest.mark.parametrize("path, how", [
    (URL, {"HTTP_X_DEMAIN_SECRET": SECRET}),
    (URL, {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"sns:{SECRET}".encode()).decode()}),
    (URL + f"?secret={SECRET}", {}),
])
def test_it_accepts_the_right_secret_three_ways(client, paul, path, how):
    response = client.post(path, json.dumps(generic_bounce()), content_type="application/json", **how)
    assert response.status_code == 200, response.content
    assert response.json()["stored"] == 1


def test_it_answers_only_post(client):
    assert client.get(URL, **AUTH).status_code == 405
    assert client.put(URL, "{}", **AUTH).status_code == 405


# --- payload shapes and their effects -------------------------------------------

def test_it_suppresses_a_generic_hard_bounce(client, paul):
    response = post(client, generic_bounce())
    assert response.json() == {
        "provider": "generic", "stored": 1, "duplicates": 0, "failed": 0,
        "events": [{"id": BounceEvent.objects.get().pk, "kind": "hard", "email": "paul@example.org"}],
    }
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.BOUNCED
    assert Suppression.covers("Paul@Example.org")
    assert Suppression.objects.get().reason == Suppression.Reason.BOUNCED
    event = BounceEvent.objects.get()
    assert event.processed and json.loads(event.raw) == generic_bounce()


def test_it_unsubscribes_on_a_generic_complaint(client, paul):
    post(client, {"type": "complaint", "email": "paul@example.org", "reason": "abuse"})
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.UNSUBSCRIBED and paul.unsubscribed_at
    assert Suppression.objects.get().reason == Suppression.Reason.COMPLAINT


def test_it_takes_a_list_of_generic_events(client, paul):
    response = post(client, [generic_bounce(), generic_bounce("zoe@example.org", permanent=False)])
    assert response.json()["stored"] == 2
    assert Suppression.covers("paul@example.org") and not Suppression.covers("zoe@example.org")


def test_it_only_records_a_soft_bounce(client, paul):
    post(client, generic_bounce(permanent=False))
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.CONFIRMED
    assert not Suppression.covers("paul@example.org")
    assert BounceEvent.objects.get().kind == BounceEvent.Kind.SOFT


def test_it_suppresses_after_the_soft_bounce_limit(client, paul, settings):
    settings.BOUNCE_SOFT_LIMIT = 3
    for n in range(2):
        post(client, generic_bounce(permanent=False, id=f"soft-{n}"))
    assert not Suppression.covers("paul@example.org")
    post(client, generic_bounce(permanent=False, id="soft-2"))
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.BOUNCED
    assert Suppression.covers("paul@example.org")


def test_it_forgets_soft_bounces_older_than_the_window(client, paul, settings):
    settings.BOUNCE_SOFT_LIMIT, settings.BOUNCE_SOFT_WINDOW_DAYS = 2, 30
    post(client, generic_bounce(permanent=False, id="old"))
    BounceEvent.objects.update(received_at="2000-01-01T00:00:00Z")
    post(client, generic_bounce(permanent=False, id="new"))
    assert not Suppression.covers("paul@example.org")


@pytest.mark.parametrize("payload, provider", [
    (samples.ses_bounce("paul@example.org"), "ses"),
    (json.loads(samples.ses_bounce("paul@example.org")["Message"]), "ses"),  # posted without SNS
    (samples.postmark_bounce("paul@example.org"), "postmark"),
])
def test_it_suppresses_a_provider_hard_bounce(client, paul, payload, provider):
    assert post(client, payload).json()["provider"] == provider
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.BOUNCED
    assert Suppression.objects.get(email_hash=paul_hash()).reason == Suppression.Reason.BOUNCED
    assert "5.1.1" in BounceEvent.objects.get().reason


@pytest.mark.parametrize("payload", [
    samples.ses_bounce("paul@example.org", bounce_type="Transient"),
    samples.ses_bounce("paul@example.org", bounce_type="Undetermined"),
    samples.postmark_bounce("paul@example.org", type_name="SoftBounce"),
    samples.postmark_bounce("paul@example.org", type_name="DnsError"),
])
def test_it_records_a_provider_soft_bounce_only(client, paul, payload):
    post(client, payload)
    assert BounceEvent.objects.get().kind == "soft"
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.CONFIRMED
    assert not Suppression.covers("paul@example.org")


@pytest.mark.parametrize("payload", [
    samples.ses_complaint("paul@example.org"),
    samples.postmark_complaint("paul@example.org"),
])
def test_it_unsubscribes_on_a_provider_complaint(client, paul, payload):
    post(client, payload)
    paul.refresh_from_db()
    assert paul.status == Subscriber.Status.UNSUBSCRIBED and paul.unsubscribed_at
    assert Suppression.objects.get(email_hash=paul_hash()).reason == Suppression.Reason.COMPLAINT


def test_it_records_an_sns_subscription_confirmation_without_fetching(client, monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("fetched a URL"))
    response = post(client, samples.SNS_SUBSCRIPTION, content_type="text/plain; charset=UTF-8")
    assert response.status_code == 200
    event = BounceEvent.objects.get()
    assert event.kind == BounceEvent.Kind.NOTICE and event.processed
    assert "ConfirmSubscription" in event.reason and "Token" in event.raw
    assert Suppression.objects.count() == 0


def test_it_leaves_other_subscribers_alone(client, paul):
    zoe = Subscriber.objects.create(email="zoe@example.org", status=Subscriber.Status.CONFIRMED)
    post(client, samples.postmark_bounce("paul@example.org"))
    zoe.refresh_from_db()
    assert zoe.status == Subscriber.Status.CONFIRMED and not Suppression.covers(zoe.email)


# --- idempotency ----------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    generic_bounce(permanent=False),
    samples.ses_bounce("paul@example.org", bounce_type="Transient"),
    samples.postmark_bounce("paul@example.org", type_name="SoftBounce"),
])
def test_it_counts_the_same_event_once(client, paul, settings, payload):
    settings.BOUNCE_SOFT_LIMIT = 2
    first, second = post(client, payload).json(), post(client, payload).json()
    assert (first["stored"], second["stored"], second["duplicates"]) == (1, 0, 1)
    assert BounceEvent.objects.count() == 1
    assert not Suppression.covers("paul@example.org")


def test_it_applies_a_complaint_once(client, paul):
    post(client, samples.ses_complaint("paul@example.org"))
    paul.refresh_from_db()
    first_time = paul.unsubscribed_at
    post(client, samples.ses_complaint("paul@example.org"))
    paul.refresh_from_db()
    assert paul.unsubscribed_at == first_time
    assert Suppression.objects.count() == 1 and BounceEvent.objects.count() == 1


def test_it_never_processes_an_event_twice():
    created, _ = record.store("generic", "{}", [record.Event("hard", "a@example.org", "", "k")])
    assert record.process(created[0]) is True
    assert record.process(created[0]) is False


# --- bad input --------------------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not valid JSON"),
    (b"", "not valid JSON"),
    (b'"a string"', "unknown payload shape"),
    (b'{"hello": "world"}', "unknown payload shape"),
    (b"[]", "unknown payload shape"),
    (b'{"type": "bounce", "email": "paul@example.org"}', "permanent"),
    (b'{"type": "bounce", "email": "not-an-address", "permanent": true}', "email"),
    (b'{"type": "open", "email": "paul@example.org"}', "type"),
    (json.dumps(sns_signing.signed({"Type": "Notification", "Message": "{broken", "MessageId": "m", "Timestamp": "t",
                                    "TopicArn": "arn:aws:sns:eu-west-3:1:demain"})).encode(), "Message"),
    (b'{"notificationType": "Bounce", "bounce": {"bounceType": "Permanent"}}', "bouncedRecipients"),
    (b'{"RecordType": "Bounce", "Type": "HardBounce"}', "Email"),
])
def test_it_rejects_malformed_bodies_clearly(client, body, message):
    response = post(client, body)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert BounceEvent.objects.count() == 0


def test_it_rejects_an_oversized_body(client):
    payload = generic_bounce(reason="x" * (300 * 1024))
    response = post(client, payload)
    assert response.status_code == 413
    assert BounceEvent.objects.count() == 0


def test_it_rejects_a_body_longer_than_it_declares_too_large(client, rf):
    from demain.delivery.bounces import views

    request = rf.post(URL, b"x" * (views.MAX_BODY + 10), content_type="application/json")
    request.META["CONTENT_LENGTH"] = ""  # as with chunked transfer
    assert views.read_body(request) is None


def test_it_keeps_events_whose_processing_failed_for_a_retry(client, paul, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(record, "suppress", broken)
    response = post(client, generic_bounce())
    assert response.status_code == 200 and response.json()["failed"] == 1
    event = BounceEvent.objects.get()
    assert not event.processed and "database hiccup" in event.error
    monkeypatch.undo()
    assert record.retry_pending() == (1, 0)
    assert Suppression.covers("paul@example.org")


def paul_hash():
    from demain.audience.models import email_hash

    return email_hash("paul@example.org")


@override_settings(BOUNCE_WEBHOOK_SECRET=SECRET)
def test_it_is_routed_from_the_delivery_urls():
    from django.urls import reverse

    assert reverse("bounce-webhook") == URL
