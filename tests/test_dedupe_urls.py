"""URL normalisation (demain.lib.dedupe.normalize_url): pure tests, no database."""

import pytest

from demain.lib.dedupe import InvalidURL, normalize_url

SAME = [
    # scheme, host case, default ports, www., trailing slash, fragment
    ("http://example.com/a", "https://example.com/a"),
    ("HTTPS://EXAMPLE.COM/a", "https://example.com/a"),
    ("https://www.example.com/a/", "https://example.com/a"),
    ("http://example.com:80/a", "https://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com/?", "https://example.com/"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("//example.com/a", "https://example.com/a"),
    ("https://example.com./a", "https://example.com/a"),
    ("https://user:pw@example.com/a", "https://example.com/a"),
    # tracking parameters
    ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
    ("https://example.com/a?UTM_Campaign=x", "https://example.com/a"),
    ("https://example.com/a?fbclid=IwAR0", "https://example.com/a"),
    ("https://example.com/a?gclid=1&msclkid=2", "https://example.com/a"),
    ("https://example.com/a?mc_cid=1&mc_eid=2", "https://example.com/a"),
    ("https://example.com/a?igshid=abc", "https://example.com/a"),
    ("https://example.com/a?ref=hn", "https://example.com/a"),
    ("https://lemonde.fr/a?xtor=RSS-3208", "https://lemonde.fr/a"),
    ("https://example.com/a?_ga=2.1.2&_gl=1*x", "https://example.com/a"),
    ("https://example.com/a?id=7&utm_source=x", "https://example.com/a?id=7"),
    # sorted query
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://example.com/a?a=2&a=1", "https://example.com/a?a=1&a=2"),
    # AMP variants
    ("https://example.com/2025/03/story/amp/", "https://example.com/2025/03/story"),
    ("https://example.com/2025/03/story/amp", "https://example.com/2025/03/story"),
    ("https://example.com/amp/2025/03/story", "https://example.com/2025/03/story"),
    ("https://example.com/story?amp=1", "https://example.com/story"),
    ("https://example.com/story?amp", "https://example.com/story"),
    ("https://example.com/story?outputType=amp", "https://example.com/story"),
    ("https://amp.example.com/story", "https://example.com/story"),
    ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
    ("https://bbc.co.uk/news/technology-123.amp", "https://bbc.co.uk/news/technology-123"),
    (
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story/amp/",
        "https://example.com/story",
    ),
    ("https://example-com.cdn.ampproject.org/c/example.com/story", "https://example.com/story"),
    ("https://example-com.cdn.ampproject.org/v/s/example.com/story?amp=1", "https://example.com/story"),
    ("https://www.google.com/amp/s/www.example.com/story.amp.html", "https://example.com/story.html"),
    # percent-encoding
    ("https://example.com/%7Euser", "https://example.com/~user"),
    ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
    ("https://example.com/café", "https://example.com/caf%C3%A9"),
    ("https://example.com/a%20b", "https://example.com/a%20b"),
    ("https://example.com/a b", "https://example.com/a%20b"),
    ("https://example.com/s?q=a+b", "https://example.com/s?q=a%20b"),
    ("https://example.com/s?q=a%20b", "https://example.com/s?q=a%20b"),
    ("https://example.com/s?q=%41", "https://example.com/s?q=A"),
    # dot segments and empty segments
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://example.com//a///b", "https://example.com/a/b"),
    # internationalised host
    ("https://exämple.com/a", "https://xn--exmple-cua.com/a"),
]


@pytest.mark.parametrize("url,expected", SAME)
def test_it_normalises_url(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url,expected", SAME)
def test_it_is_idempotent(url, expected):
    assert normalize_url(normalize_url(url)) == normalize_url(url)


DIFFERENT = [
    # Each pair names two different resources and must stay apart.
    ("https://example.com/a?id=1", "https://example.com/a?id=2"),
    ("https://example.com/a", "https://example.com/b"),
    ("https://example.com:8080/a", "https://example.com/a"),
    ("https://m.example.com/a", "https://example.com/a"),
    ("https://blog.example.com/a", "https://example.com/a"),
    ("https://example.com/A", "https://example.com/a"),
    ("https://example.com/a%2Fb", "https://example.com/a/b"),
    ("https://example.com/s?q=a%2Bb", "https://example.com/s?q=a%20b"),
    ("https://example.com/s?q=a%26b=c", "https://example.com/s?q=a&b=c"),
    ("https://example.com/example", "https://example.com/"),
]


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_it_keeps_different_urls_apart(a, b):
    assert normalize_url(a) != normalize_url(b)


def test_it_keeps_non_default_ports():
    assert normalize_url("http://127.0.0.1:8001/feed.xml") == "https://127.0.0.1:8001/feed.xml"


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "example.com/a", "ftp://example.com/a", "mailto:a@example.com",
     "javascript:alert(1)", "https:///a", "https://exa mple.com/a", "http://example.com:99999/"],
)
def test_it_refuses_what_is_not_an_http_url(bad):
    with pytest.raises(InvalidURL):
        normalize_url(bad)


def test_it_refuses_non_text():
    with pytest.raises(InvalidURL, match="must be text"):
        normalize_url(None)
