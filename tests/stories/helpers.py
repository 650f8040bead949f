"""Stored articles made from the sample corpus's pages, as ingestion would store them."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from demain.lib.extract import extract
from demain.sources.models import Article, Outlet, Source
from tests.conftest import ROOT

SAMPLE_PAGES = ROOT / "demain" / "sources" / "sample" / "pages"


def store(name: str, weight: float = 1.0) -> Article:
    raw = (SAMPLE_PAGES / name).read_bytes()
    found = extract(raw)
    outlet_slug = name.split("--")[0]
    outlet, _ = Outlet.objects.get_or_create(name=outlet_slug)
    source, _ = Source.objects.get_or_create(url=f"http://{outlet_slug}.example/feed.xml",
                                             defaults={"name": outlet_slug, "outlet": outlet, "weight": weight})
    date = datetime.fromisoformat(found.date).replace(hour=12, tzinfo=timezone.utc)
    url = f"http://{outlet_slug}.example/{name}"
    article = Article.objects.create(
        canonical_url=url, url=url, outlet=outlet, title=found.title or "", text=found.text,
        author=found.author or "", published_at=date, language=found.language or "",
        content_hash=hashlib.sha256(found.text.encode()).hexdigest(), raw=Article.compress(raw))
    article.sightings.create(source=source, url=url, title=article.title)
    return article
