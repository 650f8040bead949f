from unittest import mock

import pytest
from django.core import signing

from demain.audience import links, tokens
from demain.audience.models import Subscriber
from tests.audience.conftest import path_of


def test_it_builds_absolute_https_links_from_site_url(subscriber):
    for url in (links.preferences_url(subscriber), links.unsubscribe_url(subscriber),
                links.one_click_unsubscribe_url(subscriber)):
        assert url.startswith("https://demain.example/")


def test_it_builds_rfc8058_headers(subscriber):
    with mock.patch("time.time", return_value=1_800_000_000):
        headers = links.list_unsubscribe_headers(subscriber)
        assert headers["List-Unsubscribe"] == f"<{links.one_click_unsubscribe_url(subscriber)}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_keeps_one_purpose_from_opening_another(client, subscriber):
    unsubscribe_token = path_of(links.unsubscribe_url(subscriber)).split("/")[2]
    response = client.get(f"/preferences/{unsubscribe_token}/")
    assert response.status_code == 404


def test_it_refuses_an_edited_token(client, subscriber):
    url = path_of(links.preferences_url(subscriber))
    token = url.split("/")[2]
    forged = signing.dumps([subscriber.pk + 1, subscriber.key], salt="wrong")
    assert client.get(url).status_code == 200
    assert client.get(url.replace(token, token[:-2] + "xx")).status_code == 404
    assert client.get(f"/preferences/{forged}/").status_code == 404


def test_it_revokes_links_when_the_key_changes(client, subscriber):
    url = path_of(links.preferences_url(subscriber))
    Subscriber.objects.filter(pk=subscriber.pk).update(key="another-key")
    assert client.get(url).status_code == 404


def test_it_reads_back_what_it_signs():
    token = tokens.make(tokens.DOWNLOAD, 42, "nonce")
    assert tokens.read(tokens.DOWNLOAD, token) == (42, "nonce")
    with pytest.raises(tokens.BadToken):
        tokens.read(tokens.CONFIRM, token)


def test_it_builds_the_same_personal_links_as_the_single_link_functions(client, subscriber):
    with mock.patch("time.time", return_value=1_800_000_000):
        personal = links.personal_links(subscriber)
        assert personal.preferences == links.preferences_url(subscriber)
        assert personal.unsubscribe == links.unsubscribe_url(subscriber)
        assert personal.one_click == links.one_click_unsubscribe_url(subscriber)
        assert personal.headers == links.list_unsubscribe_headers(subscriber)
    assert client.get(path_of(personal.preferences)).status_code == 200
    assert client.get(path_of(personal.unsubscribe)).status_code == 200
