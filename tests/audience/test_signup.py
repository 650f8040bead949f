import time
from unittest import mock

import pytest
from django.core import mail

from demain.audience import links
from demain.audience.models import BlockedDomain, ConsentRecord, Subscriber, Suppression, email_hash
from tests.audience.conftest import human, links_in, path_of, stamp

S = Subscriber.Status


def sign_up(client, email="Lea.Martin@Atelier.example", **extra):
    data = human(email=email, consent="on", interests=["artisans", "tools"], **extra)
    return client.post("/inscription/", data, REMOTE_ADDR=extra.pop("ip", "203.0.113.7"))


def confirm_link(message) -> str:
    return path_of([url for url in links_in(message.body) if "/inscription/confirmer/" in url][0])


@pytest.mark.postgres
def test_it_signs_up_with_double_opt_in(client):
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/inscription/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lea.martin@atelier.example"
    assert subscriber.status == S.PENDING
    assert subscriber.interests == ["artisans", "tools"]
    record = subscriber.consents.get()
    assert record.action == ConsentRecord.Action.REQUESTED
    assert "J’accepte" in record.text and record.version == "2026-01"
    assert len(record.ip_hash) == 64 and "203.0.113.7" not in record.ip_hash
    [message] = mail.outbox
    assert message.to == ["lea.martin@atelier.example"]
    page = client.get(confirm_link(message))
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == S.PENDING  # a GET alone changes nothing
    done = client.post(confirm_link(message))
    assert "confirmée" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == S.CONFIRMED and subscriber.confirmed_at
    assert subscriber.consents.filter(action=ConsentRecord.Action.CONFIRMED).exists()
    assert "Bienvenue" in mail.outbox[1].subject
    assert mail.outbox[1].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_survives_a_scanner_that_gets_every_link(client):
    sign_up(client)
    for url in links_in(mail.outbox[0].body):
        client.get(path_of(url))
        client.head(path_of(url))
    assert Subscriber.objects.get().status == S.PENDING


def test_it_refuses_a_replayed_confirmation_after_unsubscribing(client):
    sign_up(client)
    link = confirm_link(mail.outbox[0])
    client.post(link)
    subscriber = Subscriber.objects.get()
    client.post(path_of(links.unsubscribe_url(subscriber)))
    response = client.post(link)
    assert "déjà servi" in response.content.decode()
    assert Subscriber.objects.get().status == S.UNSUBSCRIBED


def test_it_refuses_an_expired_confirmation(client, settings):
    with mock.patch("time.time", return_value=time.time() - (settings.CONFIRMATION_HOURS + 1) * 3600):
        sign_up(client)
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 410
    assert Subscriber.objects.get().status == S.PENDING


def test_it_lets_an_unsubscribed_reader_come_back(client, subscriber):
    client.post(path_of(links.unsubscribe_url(subscriber)))
    sign_up(client, email=subscriber.email)
    subscriber.refresh_from_db()
    assert subscriber.status == S.PENDING
    client.post(confirm_link(mail.outbox[0]))
    subscriber.refresh_from_db()
    assert subscriber.status == S.CONFIRMED


def test_it_answers_the_same_for_known_and_unknown_addresses(client, subscriber):
    Suppression.objects.create(email_hash=email_hash("erased@example.org"), reason="erased")
    answers = [sign_up(client, email=email) for email in (subscriber.email, "new@example.org", "erased@example.org")]
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, "/inscription/merci/")}
    pages = {client.get(a["Location"]).content for a in answers}
    assert len(pages) == 1
    assert [m.to for m in mail.outbox] == [["new@example.org"]]  # confirmed: left alone; suppressed: never mailed
    assert Subscriber.objects.get(email=subscriber.email).status == S.CONFIRMED


def test_it_sends_one_confirmation_per_hour_however_often_posted(client, settings):
    settings.FORM_RATE_PER_ADDRESS = 100
    for _ in range(4):
        sign_up(client)
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmation_sent_at=Subscriber.objects.get().created_at.replace(year=2000))
    sign_up(client)
    assert len(mail.outbox) == 2


def test_it_silently_drops_a_bot_filling_the_honeypot(client):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0 and mail.outbox == []


def test_it_asks_again_when_sent_too_fast(client):
    data = human(email="vite@example.org", consent="on")
    data["started"] = stamp(seconds_ago=0)
    response = client.post("/inscription/", data)
    assert response.status_code == 200
    assert "un peu vite" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_it_refuses_a_missing_or_forged_start_time(client):
    for started in ("", "forged:value"):
        data = human(email="x@example.org", consent="on")
        data["started"] = started
        assert client.post("/inscription/", data).status_code == 200
    assert Subscriber.objects.count() == 0


def test_it_limits_posts_per_ip(client, settings):
    settings.FORM_RATE_PER_IP = 3
    codes = [sign_up(client, email=f"r{i}@example.org").status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Subscriber.objects.count() == 3
    assert sign_up(client, email="other@example.org", ip="198.51.100.9").status_code == 302


def test_it_limits_posts_per_address(client, settings):
    settings.FORM_RATE_PER_ADDRESS = 2
    codes = [sign_up(client, ip=f"198.51.100.{i}").status_code for i in range(3)]
    assert codes == [302, 302, 429]


def test_it_refuses_blocked_domains_and_subdomains(client):
    BlockedDomain.objects.create(domain="@Jetable.example")
    for email in ("a@jetable.example", "b@mx.jetable.example"):
        response = sign_up(client, email=email)
        assert response.status_code == 200
        assert "ne sont pas acceptées" in response.content.decode()
    assert Subscriber.objects.count() == 0


@pytest.mark.parametrize("email", ["pas-une-adresse", "a@b", "a@@example.org", "x" * 300 + "@example.org"])
def test_it_refuses_malformed_addresses_with_a_clear_error(client, email):
    response = sign_up(client, email=email)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_it_requires_consent(client):
    response = client.post("/inscription/", human(email="a@example.org"))
    assert "Cochez cette case" in response.content.decode()
    assert Subscriber.objects.count() == 0
