"""Client IPs come from a configured trusted proxy only, never from a header anyone can send."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from demain.audience import abuse
from demain.audience.models import Subscriber
from demain.lib.proxies import client_ip, parse_networks
from demain.site.proxy import TrustedProxyMiddleware
from tests.audience.conftest import human

LOCAL = parse_networks(["127.0.0.1", "::1", "10.0.0.0/8"])


def test_it_takes_the_peer_when_no_proxy_is_trusted():
    assert client_ip("203.0.113.7", "198.51.100.1", []) == "203.0.113.7"
    assert client_ip("203.0.113.7", "198.51.100.1", LOCAL) == "203.0.113.7"  # peer is not a proxy


def test_it_takes_the_right_most_untrusted_hop_behind_trusted_proxies():
    assert client_ip("127.0.0.1", "203.0.113.7", LOCAL) == "203.0.113.7"
    # a client that writes its own X-Forwarded-For: the proxy appends the real address on the right
    assert client_ip("127.0.0.1", "1.2.3.4, 203.0.113.7", LOCAL) == "203.0.113.7"
    # two proxies: the inner one's address is trusted too
    assert client_ip("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.2.3", LOCAL) == "203.0.113.7"
    assert client_ip("::1", "2001:db8::5", LOCAL) == "2001:db8::5"
    assert client_ip("127.0.0.1", "", LOCAL) == "127.0.0.1"
    assert client_ip("127.0.0.1", "1.2.3.4, pas-une-adresse", LOCAL) == "127.0.0.1"  # no guess past garbage


def test_it_refuses_a_bad_trusted_proxy_setting():
    from demain import conf

    with pytest.raises(conf.SettingError, match="TRUSTED_PROXIES.*10.0.0.300"):
        conf.load({"TRUSTED_PROXIES": "127.0.0.1, 10.0.0.300"})
    assert conf.load({"TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"})["TRUSTED_PROXIES"] == ["127.0.0.1", "10.0.0.0/8"]


def hash_through_middleware(remote: str, forwarded: str = "", proto: str = "") -> tuple[str, bool]:
    seen = {}

    def view(request):
        seen["hash"], seen["secure"] = abuse.ip_hash(request), request.is_secure()
        return None

    headers = {"HTTP_X_FORWARDED_FOR": forwarded, "HTTP_X_FORWARDED_PROTO": proto}
    TrustedProxyMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))
    return seen["hash"], seen["secure"]


def test_it_ignores_forwarding_headers_from_an_untrusted_peer(settings):
    settings.TRUSTED_PROXIES = []
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # even if set by mistake
    plain, _ = hash_through_middleware("203.0.113.7")
    forged, secure = hash_through_middleware("203.0.113.7", forwarded="198.51.100.1", proto="https")
    assert forged == plain and secure is False


def test_it_believes_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    direct, _ = hash_through_middleware("203.0.113.7")
    proxied, secure = hash_through_middleware("127.0.0.1", forwarded="6.6.6.6, 203.0.113.7", proto="https")
    assert proxied == direct and secure is True


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.parametrize("trusted", [[], ["127.0.0.1"]])
def test_it_rate_limits_a_client_that_rotates_a_forged_x_forwarded_for(client, settings, trusted):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TRUSTED_PROXIES, settings.FORM_RATE_PER_IP = trusted, 2
    cache.clear()

    def post(number: int, forged: str, real: str = "203.0.113.7"):
        # behind the proxy, the proxy appends the real address; without one, the peer is the client
        forwarded = f"{forged}, {real}" if trusted else forged
        remote = "127.0.0.1" if trusted else real
        return client.post("/inscription/", human(email=f"r{number}@example.org", consent="on"),
                           REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [post(i, f"198.51.100.{i}") for i in range(4)] == [302, 302, 429, 429]
    assert post(9, "198.51.100.9", real="203.0.113.8") == 302  # another real client is unaffected
    assert Subscriber.objects.count() == 3


@pytest.mark.django_db
def test_it_redirects_to_https_unless_a_trusted_proxy_says_the_request_was_https(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS = True, 31536000
    forged = client.get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301 and forged["Location"].startswith("https://")
    proxied = client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200 and proxied["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301
