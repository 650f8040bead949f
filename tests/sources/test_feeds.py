"""Feed formats, hostile feeds and OPML, parsed by demain.lib.feeds (no network)."""

from __future__ import annotations

import pytest

from demain.lib.feeds import FeedError, OpmlError, Outline, detect_kind, parse_feed, read_opml, write_opml
from tests.sources.conftest import SITE

BASE = b"http://corpus.test"


def feed_bytes(name: str) -> bytes:
    return (SITE / "feeds" / name).read_bytes().replace(b"{{BASE}}", BASE)


@pytest.mark.parametrize("name, kind, version, urls", [
    ("rss20.rss", "rss", "rss20", ["/pages/en-datacenter.html", "/pages/en-chips.html"]),
    ("rss10.rdf", "rss", "rss10", ["/pages/fr-ecole.html"]),
    ("rss091.xml", "rss", "rss091u", ["/pages/fr-levee.html"]),
    ("atom.atom", "atom", "atom10", ["/pages/fr-levee.html", "/pages/syndicated-datacenter.html"]),
    ("feed.json", "jsonfeed", "json11", ["/pages/fr-ecole.html", "/pages/en-chips.html"]),
    ("feed10.json", "jsonfeed", "json10", ["/pages/en-datacenter.html"]),
])
def test_it_reads_each_feed_format(name, kind, version, urls):
    body = feed_bytes(name)
    assert detect_kind(body) == kind
    feed = parse_feed(body)
    assert (feed.kind, feed.version) == (kind, version)
    assert [entry.url for entry in feed.entries] == [BASE.decode() + url for url in urls]
    assert all(entry.title for entry in feed.entries)


def test_it_reads_dates_titles_ttl_and_authors():
    rss = parse_feed(feed_bytes("rss20.rss"))
    assert rss.ttl == 60
    assert rss.entries[0].published.isoformat() == "2026-06-01T08:00:00+00:00"
    atom = parse_feed(feed_bytes("atom.atom"))
    assert atom.entries[0].updated.isoformat() == "2026-06-02T08:00:00+00:00"
    json11 = parse_feed(feed_bytes("feed.json"))
    assert json11.entries[0].author == "Quelqu’un"
    assert json11.entries[0].published.isoformat() == "2026-06-04T08:00:00+00:00"
    assert parse_feed(feed_bytes("feed10.json")).entries[0].author == "Quelqu’un"


def test_it_decodes_a_latin1_feed():
    feed = parse_feed(feed_bytes("rss091.xml"))
    assert feed.entries[0].title == "Une jeune pousse lève 300 millions d'euros"


def test_it_refuses_an_entity_expansion_bomb():
    with pytest.raises(FeedError, match="entities"):
        parse_feed(feed_bytes("bomb.rss"))


def test_it_refuses_an_external_entity_even_without_the_word_entity_in_caps():
    body = b'<?xml version="1.0"?><!DOCTYPE r [<!eNtItY x SYSTEM "file:///etc/passwd">]><rss><channel>&x;</channel></rss>'
    with pytest.raises(FeedError, match="refused"):
        parse_feed(body)


def test_it_refuses_malformed_xml_with_its_position():
    with pytest.raises(FeedError, match=r"malformed XML: mismatched tag: line 1"):
        parse_feed(feed_bytes("malformed.rss"))


@pytest.mark.parametrize("body, message", [
    (b"", "empty"),
    (b"<!doctype html><html><body>hello</body></html>", "not a feed"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "items"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "not a feed"),
    (bytes(range(256)), "not a feed"),
])
def test_it_refuses_what_is_not_a_feed(body, message):
    with pytest.raises(FeedError, match=message):
        parse_feed(body)


def test_it_skips_json_feed_items_without_a_url():
    body = (b'{"version": "https://jsonfeed.org/version/1", "items": [{"id": "1", "title": "no url"},'
            b' {"id": "2", "url": "https://a.example/x"}, "junk"]}')
    assert [entry.url for entry in parse_feed(body).entries] == ["https://a.example/x"]


def test_it_writes_and_reads_back_opml():
    outlines = [
        Outline(url="https://a.example/feed.xml", name="A — tech", outlet="A", site_url="https://a.example/",
                kind="rss", language="fr", weight=2.5),
        Outline(url="https://b.example/feed.json", name="B", outlet="B & co", kind="jsonfeed", language="en",
                weight=1.0, active=False),
    ]
    data = write_opml(outlines)
    assert data.startswith(b"<?xml")
    assert read_opml(data) == outlines


def test_it_reads_nested_opml_from_other_readers():
    data = b"""<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
      <outline text="Le Journal"><outline text="Tech" type="rss" xmlUrl="https://j.example/tech.rss"/>
        <outline text="Eco" type="rss" xmlUrl="https://j.example/eco.rss" htmlUrl="https://j.example/"/></outline>
      <outline text="Solo" type="rss" xmlUrl="https://solo.example/rss"/></body></opml>"""
    found = read_opml(data)
    assert [(o.name, o.outlet, o.url) for o in found] == [
        ("Tech", "Le Journal", "https://j.example/tech.rss"), ("Eco", "Le Journal", "https://j.example/eco.rss"),
        ("Solo", "", "https://solo.example/rss")]


@pytest.mark.parametrize("data, message", [
    (b"<opml><body><outline", "malformed"),
    (b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "b">]><opml><body/></opml>', "refused"),
    (b"<rss><channel/></rss>", "not OPML"),
    (b'<opml><body><outline xmlUrl="https://x.example/" weight="heavy"/></body></opml>', "weight"),
])
def test_it_refuses_bad_opml(data, message):
    with pytest.raises(OpmlError, match=message):
        read_opml(data)
