"""What a page says about itself in its <head>: canonical link and meta tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)


@dataclass
class PageMeta:
    canonical: str | None = None
    language: str = ""  # <html lang>, primary subtag, lower-case
    meta: dict[str, str] = field(default_factory=dict)  # lower-case name → content


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = PageMeta()
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "html" and values.get("lang"):
            self.found.language = values["lang"].strip().split("-")[0].split("_")[0].lower()[:10]
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split() and values.get("href"):
            self.found.canonical = self.found.canonical or values["href"].strip()
        elif tag == "meta":
            name = (values.get("name") or values.get("property") or values.get("http-equiv") or "").lower()
            if name and "content" in values:
                self.found.meta.setdefault(name, values["content"].strip())
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "head":
            self.done = True


def page_meta(html: str, base_url: str | None = None) -> PageMeta:
    """Parse the head only (stops at <body>); never raises on broken markup."""
    parser = _HeadParser()
    end = HEAD_END.search(html, 0, 500_000)  # the parser would read on to the end: stop it at the body
    try:
        parser.feed(html[:end.end() if end else 500_000])
        parser.close()
    except Exception:  # html.parser is lenient; a pathological page just yields what was found
        pass
    found = parser.found
    if found.canonical and base_url:
        found.canonical = urljoin(base_url, found.canonical)
    return found
