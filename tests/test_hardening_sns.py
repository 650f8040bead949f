"""SNS bounce messages are authenticated by their signature, the certificate URL restricted to Amazon's hosts."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.cache import cache

from demain.delivery.bounces import sns
from demain.delivery.models import BounceEvent
from demain.lib import sns as pure
from tests import bounce_samples as samples
from tests import sns_signing

URL = "/webhooks/bounces/"
SECRET = "s3cret-webhook-token"


def test_it_builds_the_canonical_string_of_each_message_type():
    notification = {"Type": "Notification", "MessageId": "id-1", "TopicArn": "arn:t", "Message": "corps",
                    "Timestamp": "2025-03-04T06:12:09.000Z", "UnsubscribeURL": "https://x", "Subject": None}
    assert pure.canonical_string(notification) == (
        b"Message\ncorps\nMessageId\nid-1\nTimestamp\n2025-03-04T06:12:09.000Z\nTopicArn\narn:t\nType\nNotification\n")
    assert b"Subject\nObjet\nTimestamp" in pure.canonical_string({**notification, "Subject": "Objet"})
    confirmation = pure.canonical_string(samples.SNS_SUBSCRIPTION)
    assert confirmation.startswith(b"Message\nYou have chosen") and b"\nSubscribeURL\nhttps://" in confirmation
    assert b"\nToken\n2336" in confirmation and confirmation.endswith(b"Type\nSubscriptionConfirmation\n")


@pytest.mark.parametrize("version", ["1", "2"])
def test_it_accepts_a_valid_signature_of_either_version(version):
    message = sns_signing.signed({**samples.ses_bounce("paul@example.org")}, version=version)
    pure.verify(message, sns_signing.certificate_pem())


@pytest.mark.parametrize("change, reason", [
    ({"Message": json.dumps({"notificationType": "Bounce"})}, "does not match"),
    ({"TopicArn": "arn:aws:sns:eu-west-3:999999999999:autre"}, "does not match"),
    ({"Subject": "ajouté"}, "does not match"),
    ({"SignatureVersion": "2"}, "does not match"),  # a v1 signature checked as v2
    ({"SignatureVersion": "3"}, "SignatureVersion"),
    ({"Signature": "pas du base64 !"}, "base64"),
])
def test_it_rejects_a_tampered_message(change, reason):
    message = {**samples.ses_bounce("paul@example.org"), **change}
    with pytest.raises(pure.SignatureError, match=reason):
        pure.verify(message, sns_signing.certificate_pem())


def test_it_rejects_a_message_signed_with_another_key():
    forged = sns_signing.signed(dict(samples.ses_bounce("paul@example.org")), key_name="attaquant.example")
    with pytest.raises(pure.SignatureError, match="does not match"):
        pure.verify(forged, sns_signing.certificate_pem())


def test_it_rejects_an_expired_certificate():
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=400)
    with pytest.raises(pure.SignatureError, match="expired"):
        pure.verify(samples.ses_bounce("paul@example.org"), sns_signing.certificate_pem(), now=later)


@pytest.mark.parametrize("url", [
    "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-abc.pem",
    "https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
])
def test_it_accepts_amazon_sns_certificate_urls(url):
    assert pure.check_certificate_url(url) == url


@pytest.mark.parametrize("url, reason", [
    ("http://sns.eu-west-3.amazonaws.com/SimpleNotificationService-abc.pem", "https"),
    ("https://evil.example/SimpleNotificationService-abc.pem", "not an Amazon SNS host"),
    ("https://sns.eu-west-3.amazonaws.com.evil.example/cert.pem", "not an Amazon SNS host"),
    ("https://sns.eu-west-3.amazonaws.com@evil.example/cert.pem", "not an Amazon SNS host"),
    ("https://evil.example/sns.eu-west-3.amazonaws.com/cert.pem", "not an Amazon SNS host"),
    ("https://s3.eu-west-3.amazonaws.com/bucket/cert.pem", "not an Amazon SNS host"),
    ("https://sns.eu-west-3.amazonaws.com:8443/cert.pem", "not an Amazon SNS host"),
    ("https://sns.eu-west-3.amazonaws.com/cert.txt", ".pem"),
    ("https://sns.eu-west-3.amazonaws.com/cert.pem?x=1", ".pem"),
    (None, "missing"),
])
def test_it_refuses_certificate_urls_outside_amazon_sns(url, reason):
    with pytest.raises(pure.SignatureError, match=reason):
        pure.check_certificate_url(url)


# --- through the webhook --------------------------------------------------------

@pytest.fixture
def fetched(settings, monkeypatch):
    """The certificate fetch, faked: the URLs asked for, and the test certificate as the answer."""
    settings.BOUNCE_WEBHOOK_SECRET = SECRET
    cache.clear()
    urls: list[str] = []
    monkeypatch.setattr(sns, "fetch_certificate", lambda url: urls.append(url) or sns_signing.certificate_pem())
    yield urls
    cache.clear()


def post(client, payload):
    return client.post(URL, json.dumps(payload), content_type="text/plain; charset=UTF-8",
                       HTTP_X_DEMAIN_SECRET=SECRET)


@pytest.mark.django_db
@pytest.mark.postgres
def test_it_accepts_a_signed_notification_and_fetches_the_certificate_once(client, fetched):
    assert post(client, samples.ses_bounce("paul@example.org", feedback_id="a")).status_code == 200
    assert post(client, samples.ses_complaint("zoe@example.org", feedback_id="b")).status_code == 200
    assert BounceEvent.objects.count() == 2
    assert fetched == [sns_signing.CERT_URL]  # cached after the first message


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.parametrize("change, reason", [
    ({"Message": json.dumps({**json.loads(samples.ses_bounce("x@example.org")["Message"])})}, "does not match"),
    ({"SigningCertURL": "https://evil.example/SimpleNotificationService-x.pem"}, "not an Amazon SNS host"),
    ({"SigningCertURL": sns_signing.CERT_URL.replace("https://", "http://")}, "https"),
])
def test_it_refuses_a_tampered_or_misdirected_notification_and_stores_nothing(client, fetched, change, reason):
    response = post(client, {**samples.ses_bounce("paul@example.org"), **change})
    assert response.status_code == 403 and reason in response.json()["error"]
    assert BounceEvent.objects.count() == 0
    if "SigningCertURL" in change:
        assert fetched == []  # never fetched from a host that is not Amazon's


@pytest.mark.django_db
def test_it_refuses_an_unsigned_subscription_confirmation(client, fetched):
    unsigned = {key: value for key, value in samples.SNS_SUBSCRIPTION.items() if key != "Signature"}
    response = post(client, unsigned)
    assert response.status_code == 403 and BounceEvent.objects.count() == 0


@pytest.mark.django_db
def test_it_asks_for_a_retry_when_the_certificate_cannot_be_fetched(client, settings, monkeypatch):
    settings.BOUNCE_WEBHOOK_SECRET = SECRET
    cache.clear()

    def unreachable(url):
        raise OSError("connexion refusée")

    monkeypatch.setattr(sns, "fetch_certificate", unreachable)
    response = post(client, samples.ses_bounce("paul@example.org"))
    assert response.status_code == 503 and "could not be fetched" in response.json()["error"]
    assert response["Retry-After"] == "60"  # SNS tries again later: nothing is lost
    assert BounceEvent.objects.count() == 0
