import pytest

from demain.audience import links
from demain.audience.models import ConsentRecord, Subscriber
from tests.audience.conftest import path_of

S = Subscriber.Status


def one_click(client, subscriber):
    return client.post(path_of(links.one_click_unsubscribe_url(subscriber)),
                       data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")


@pytest.mark.postgres
def test_it_unsubscribes_in_one_post_without_cookie_or_csrf(subscriber):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = one_click(client, subscriber)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == S.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_it_is_idempotent(client, subscriber):
    assert one_click(client, subscriber).status_code == 200
    assert one_click(client, subscriber).status_code == 200
    assert subscriber.consents.filter(action=ConsentRecord.Action.WITHDRAWN).count() == 1


@pytest.mark.parametrize("method", ["get", "head", "put"])
def test_it_refuses_anything_but_post_for_one_click(client, subscriber, method):
    response = getattr(client, method)(path_of(links.one_click_unsubscribe_url(subscriber)))
    assert response.status_code == 405
    subscriber.refresh_from_db()
    assert subscriber.status == S.CONFIRMED


def test_it_answers_404_to_a_forged_one_click(client, subscriber):
    assert client.post("/desinscription/not-a-token/un-clic/").status_code == 404


def test_it_changes_nothing_on_a_get_of_the_visible_link(client, subscriber):
    response = client.get(path_of(links.unsubscribe_url(subscriber)))
    assert response.status_code == 200
    assert "Confirmer la désinscription" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == S.CONFIRMED


def test_it_unsubscribes_from_the_visible_link_with_one_post(client, subscriber):
    response = client.post(path_of(links.unsubscribe_url(subscriber)))
    assert response.status_code == 200
    assert "désinscrit" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == S.UNSUBSCRIBED
