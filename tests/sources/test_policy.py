"""Retry-After, poll intervals, backoff, robots.txt and TDMRep rules (pure code)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from demain.lib.fetch import policy
from demain.lib.fetch.htmlmeta import page_meta
from demain.lib.fetch.robots import Robots, product_token
from demain.lib.fetch.tdm import HEADER, META, WELL_KNOWN, location_matches, parse_tdmrep, tdm_status

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)
FLOOR = timedelta(minutes=15)
UA = "demain/0.1 (+https://demain.example/robot)"


def test_it_reads_retry_after_in_seconds_and_as_a_date():
    assert policy.retry_after("120", NOW) == NOW + timedelta(seconds=120)
    assert policy.retry_after("Mon, 01 Jun 2026 13:30:00 GMT", NOW) == NOW + timedelta(minutes=90)
    assert policy.retry_after("Mon, 01 Jun 2026 11:00:00 GMT", NOW) == NOW  # a past date: now
    assert policy.retry_after("soon", NOW) is None
    assert policy.retry_after(None, NOW) is None


@pytest.mark.parametrize("headers, ttl, expected", [
    ({}, None, FLOOR),
    ({"cache-control": "public, max-age=60"}, None, FLOOR),  # the floor wins over a short max-age
    ({"cache-control": "public, max-age=3600"}, None, timedelta(hours=1)),
    ({"expires": "Mon, 01 Jun 2026 14:00:00 GMT", "date": "Mon, 01 Jun 2026 12:00:00 GMT"}, None, timedelta(hours=2)),
    ({"cache-control": "max-age=1800"}, 90, timedelta(minutes=90)),  # the longest of all wins
    ({"cache-control": "max-age=31536000"}, None, timedelta(days=1)),  # but at most a day
    ({"cache-control": "max-age=oops"}, None, FLOOR),
])
def test_it_computes_the_poll_interval(headers, ttl, expected):
    assert policy.poll_interval(headers, ttl, FLOOR, NOW) == expected


def test_it_backs_off_exponentially_up_to_a_day():
    assert [policy.backoff(n, FLOOR) for n in (1, 2, 3, 4)] == [FLOOR, 2 * FLOOR, 4 * FLOOR, 8 * FLOOR]
    assert policy.backoff(30, FLOOR) == timedelta(days=1)


def test_it_reads_robots_txt_as_rfc_9309_says():
    robots = Robots(200, "User-agent: *\nDisallow: /private/\n\nUser-agent: demain\nDisallow: /no-demain/\n"
                         "Crawl-delay: 3\n")
    assert product_token(UA) == "demain"
    assert robots.allows("https://x.example/pages/a.html", UA)
    assert not robots.allows("https://x.example/no-demain/a.html", UA)
    assert robots.allows("https://x.example/private/a.html", UA)  # the demain group replaces *
    assert robots.crawl_delay(UA) == 3
    assert Robots(404).allows("https://x.example/anything", UA)  # no robots.txt: allowed
    assert not Robots(503).allows("https://x.example/anything", UA)  # unreachable: disallowed
    assert not Robots(None).allows("https://x.example/anything", UA)


def test_it_reads_the_page_head():
    meta = page_meta('<html lang="fr-FR"><head><link rel="Canonical" href="/a/b"><meta name="TDM-Reservation" '
                     'content="1"><meta property="og:title" content="T"></head><body><meta name="x" content="y">',
                     "https://x.example/a/b?utm_source=z")
    assert meta.canonical == "https://x.example/a/b"
    assert meta.language == "fr"
    assert meta.meta == {"tdm-reservation": "1", "og:title": "T"}  # nothing from the body


def test_it_finds_the_tdm_reservation_where_the_publisher_put_it():
    rules = parse_tdmrep('[{"location": "/news/*", "tdm-reservation": 1, "tdm-policy": "https://x.example/p"},'
                         ' {"location": "/news/open/", "tdm-reservation": 0}, "junk"]')
    url = "https://x.example/news/a.html"
    assert tdm_status(url, {"tdm-reservation": "1"}, {}, []).source == HEADER
    assert tdm_status(url, {}, {"tdm-reservation": "1"}, []).source == META
    found = tdm_status(url, {}, {}, rules)
    assert (found.reserved, found.source, found.policy) == (True, WELL_KNOWN, "https://x.example/p")
    assert tdm_status("https://x.example/news/open/b.html", {}, {}, rules).reserved is False  # most precise rule
    assert tdm_status(url, {"tdm-reservation": "0"}, {"tdm-reservation": "1"}, rules).reserved is False  # header first
    assert tdm_status("https://x.example/other", {}, {}, rules).source == ""
    assert parse_tdmrep("not json") == [] and parse_tdmrep('{"a": 1}') == []


def test_it_matches_tdmrep_locations_like_robots_txt():
    assert location_matches("/", "/anything")
    assert location_matches("/a/*.pdf$", "/a/b/c.pdf") and not location_matches("/a/*.pdf$", "/a/c.pdf.html")
    assert not location_matches("/a/", "/b/a/")
