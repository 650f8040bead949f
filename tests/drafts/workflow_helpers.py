"""Stories stored in the database for the drafting workflow's tests (texts from tests/drafts/stories.py)."""

from __future__ import annotations

import datetime
import hashlib

from django.contrib.auth.models import User

from demain.issues.models import Issue
from demain.lib.drafting import SourceArticle
from demain.sources.models import Article, Outlet
from demain.stories.models import Story, StoryArticle
from tests.drafts.stories import ARTICLE_A, ARTICLE_B, DISAGREEMENT

DISAGREEMENT_ROW = {"source_a": ARTICLE_A.source, "a": "12 mégawatts", "source_b": ARTICLE_B.source,
                    "b": "18 mégawatts", "status": "different", "shared": ["MW"]}


def stored_article(source: SourceArticle, when: datetime.datetime) -> Article:
    outlet, _ = Outlet.objects.get_or_create(name=source.source)
    return Article.objects.create(
        canonical_url=source.url, url=source.url, outlet=outlet, title=source.text.split(". ")[0][:120],
        text=source.text, language=source.language, published_at=when, tdm_reserved=source.tdm_reserved,
        tdm_source="header" if source.tdm_reserved else "", raw=Article.compress(source.text.encode()),
        content_hash=hashlib.sha256(source.text.encode()).hexdigest())


def stored_story(*sources: SourceArticle, disagreements=(DISAGREEMENT_ROW,), title: str = "") -> Story:
    sources = sources or (ARTICLE_A, ARTICLE_B)
    start = datetime.datetime(2026, 11, 20, 8, tzinfo=datetime.timezone.utc)
    story = Story.objects.create(title=title or "Un centre de données gourmand en eau près de Lyon", score=1.0,
                                 disagreements=list(disagreements), sources_count=len(sources))
    for n, source in enumerate(sources):
        StoryArticle.objects.create(story=story, article=stored_article(source, start + datetime.timedelta(hours=n)))
    return story


def draft_issue(number: int = 3) -> Issue:
    return Issue.objects.create(number=number, date=datetime.date(2026, 11, 30), title=f"N° {number}",
                                editorial="Un éditorial écrit pour les tests.\n\nEt sa chute.",
                                editorial_punchline="La chute.")


def editor(name: str = "redaction") -> User:
    return User.objects.create_superuser(name, f"{name}@demain.example", "mot-de-passe-de-test")


__all__ = ["DISAGREEMENT", "DISAGREEMENT_ROW", "draft_issue", "editor", "stored_article", "stored_story"]
