"""The one HTTP function, against the real sample server on loopback."""

from __future__ import annotations

import socket

import pytest

from demain.lib.fetch import FetchConfig, FetchError, fetch
from demain.lib.fetch.charset import decode
from demain.lib.fetch.netguard import RefusedDestination, check_destination, is_public
from demain.sources.sample.server import SampleServer, redirect
from tests.sources.conftest import SITE

UA = "demain/0.1 (+https://demain.example/robot)"


@pytest.fixture
def server():
    with SampleServer(SITE, routes={
        "/hop/1": redirect("/hop/2"), "/hop/2": redirect("/hop/3"), "/hop/3": redirect("/pages/fr-ecole.html"),
        "/to-localhost": None,  # filled below, needs the port
    }) as running:
        running.routes["/to-localhost"] = redirect(f"http://localhost:{running.httpd.server_address[1]}/robots.txt")
        yield running


def config(server, **overrides) -> FetchConfig:
    values = {"user_agent": UA, "connect_timeout": 2, "read_timeout": 1, "total_timeout": 5,
              "max_bytes": 1024 * 1024, "allowed_hosts": frozenset({server.host})}
    values.update(overrides)
    return FetchConfig(**values)


def test_it_names_itself_honestly_and_asks_for_compression(server):
    fetch(server.url("/robots.txt"), config(server))
    headers = server.seen[-1]["headers"]
    assert headers["User-Agent"] == UA
    assert "Mozilla" not in headers["User-Agent"]
    assert headers["Accept-Encoding"] == "gzip, br"


def test_it_decodes_gzip_and_brotli(server):
    page = fetch(server.url("/pages/fr-ecole.html"), config(server))
    assert page.headers["content-encoding"] == "gzip"
    assert "assistant qui aide les élèves" in page.text()
    feed = fetch(server.url("/feeds/feed.json"), config(server))
    assert feed.headers["content-encoding"] == "br"
    assert feed.body.startswith(b"{")


def test_it_sends_conditional_headers_unchanged_and_gets_304(server):
    first = fetch(server.url("/feeds/rss20.rss"), config(server))
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    second = fetch(server.url("/feeds/rss20.rss"), config(server), etag=etag, last_modified=modified)
    assert second.status == 304 and second.not_modified and second.body == b""
    sent = server.seen[-1]
    assert sent["headers"]["If-None-Match"] == etag
    assert sent["headers"]["If-Modified-Since"] == modified
    assert sent["path"] == "/feeds/rss20.rss"  # no cache-busting query string


def test_it_follows_redirects_up_to_the_limit(server):
    response = fetch(server.url("/hop/1"), config(server))
    assert response.status == 200 and response.url.endswith("/pages/fr-ecole.html")
    assert len(response.redirects) == 3
    with pytest.raises(FetchError) as error:
        fetch(server.url("/hop/1"), config(server, max_redirects=2))
    assert error.value.kind == "too_many_redirects"


def test_it_stops_a_redirect_loop(server):
    with pytest.raises(FetchError, match="redirect loop") as error:
        fetch(server.url("/hostile/loop-a.html"), config(server, max_redirects=20))
    assert error.value.kind == "redirect_loop"


def test_it_gives_up_on_a_page_that_never_answers(server):
    with pytest.raises(FetchError) as error:
        fetch(server.url("/hostile/never-answers.html"), config(server, read_timeout=0.5))
    assert error.value.kind == "timeout"


def test_it_stops_a_giant_page_at_the_size_cap(server):
    with pytest.raises(FetchError, match="too large") as error:
        fetch(server.url("/hostile/giant.html"), config(server, max_bytes=256 * 1024))
    assert error.value.kind == "too_large"


def test_it_refuses_an_announced_size_over_the_cap(server):
    with pytest.raises(FetchError, match="announced"):
        fetch(server.url("/hostile/binary.html"), config(server, max_bytes=1000))


def test_it_refuses_loopback_unless_the_host_is_allowed(server):
    with pytest.raises(FetchError, match="loopback") as error:
        fetch(server.url("/robots.txt"), config(server, allowed_hosts=frozenset()))
    assert error.value.kind == "refused_address"
    assert server.seen == []  # refused before any connection


def test_it_checks_the_address_again_after_a_redirect(server):
    with pytest.raises(FetchError, match="localhost resolves to") as error:
        fetch(server.url("/to-localhost"), config(server))
    assert error.value.kind == "refused_address"
    assert [hit["path"] for hit in server.seen] == ["/to-localhost"]


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "::1", "fe80::1", "fc00::1", "0.0.0.0", "224.0.0.1", "::ffff:127.0.0.1",
                                     "100.64.0.1"])
def test_it_knows_non_public_addresses(address):
    assert not is_public(address)


def test_it_knows_public_addresses():
    assert is_public("93.184.216.34") and is_public("2606:4700::1111")


def test_it_refuses_other_schemes_and_names_that_do_not_resolve():
    with pytest.raises(RefusedDestination, match="only http"):
        check_destination("file:///etc/passwd")
    with pytest.raises(RefusedDestination, match="cannot resolve"):
        check_destination("http://no-such-host.invalid/")


def test_it_refuses_a_name_resolving_to_a_private_address(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                                  ("10.0.0.7", 80))])
    with pytest.raises(RefusedDestination, match="10.0.0.7"):
        check_destination("http://intranet.example.com/")
    check_destination("http://intranet.example.com/", allowed_hosts={"intranet.example.com"})


@pytest.mark.parametrize("body, content_type, expected, text", [
    ("café".encode("cp1252"), "text/html; charset=windows-1252", "cp1252", "café"),
    (b'<html><head><meta charset="iso-8859-1"></head>caf\xe9', "text/html", "iso8859-1", "café"),
    (b'<?xml version="1.0" encoding="ISO-8859-15"?><r>\xa4</r>', "application/xml", "iso8859-15", "€"),
    ("\ufeffété".encode("utf-8"), "text/html", "utf-8", "été"),
    ("déjà vu".encode("utf-8"), "", "utf-8", "déjà vu"),
])
def test_it_detects_the_charset(body, content_type, expected, text):
    decoded, name = decode(body, content_type)
    assert name == expected and text in decoded


def test_it_guesses_an_undeclared_legacy_charset():
    body = ("L’été dernier, les élèves ont découvert à la fête de l’école où était né leur maître. " * 5).encode("cp1252")
    decoded, name = decode(body, "text/html")
    assert name != "utf-8" and "élèves" in decoded


def test_it_checks_the_address_again_when_it_connects_against_dns_rebinding(server, monkeypatch):
    """A name public when checked, then loopback when connecting, never reaches the local server."""
    real = socket.getaddrinfo
    answers = iter([("93.184.216.34", 80)])  # the first lookup (the URL's check): a public address

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        address = next(answers, ("127.0.0.1", port))  # every later lookup: loopback
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", address)]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = server.httpd.server_address[1]
    with pytest.raises(FetchError, match="rebind.example resolves to 127.0.0.1") as error:
        fetch(f"http://rebind.example:{port}/robots.txt", config(server))
    assert error.value.kind == "refused_address"
    assert server.seen == []  # no connection reached the local server


def test_it_connects_to_an_allowed_host_by_its_name(server):
    answer = fetch(server.url("/robots.txt"), config(server))
    assert answer.status == 200 and [hit["path"] for hit in server.seen] == ["/robots.txt"]


def test_it_lists_the_sample_corpus_at_its_root_for_a_person_clicking_the_demo_link():
    import httpx

    with SampleServer() as sample:
        root = httpx.get(sample.url("/"))
        assert root.status_code == 200 and root.headers["content-type"].startswith("text/html")
        assert 'href="/feeds/"' in root.text and 'href="/pages/"' in root.text and 'href="/sources.opml"' in root.text
        assert ".py" not in root.text and "headers.json" not in root.text  # the corpus's machinery stays hidden
        feeds = httpx.get(sample.url("/feeds/"))
        first = feeds.text.split('href="', 2)[1].split('"')[0]
        assert httpx.get(sample.url(first)).status_code == 200
        assert httpx.get(sample.url("/server.py")).status_code == 404
        assert httpx.get(sample.url("/headers.json")).status_code == 404
