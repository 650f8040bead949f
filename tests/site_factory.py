"""Issues built directly in the database for the public site's tests (no parser involved)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from demain.issues.models import AppReview, Article, ArticleSource, Issue


def make_issue(number: int, *, published: bool = True, title: str | None = None, articles: int = 2) -> Issue:
    issue = Issue.objects.create(
        number=number,
        date=datetime.date(2025, 1, 1) + datetime.timedelta(weeks=number),
        title=title or f"Titre du numéro {number}",
        status=Issue.Status.PUBLISHED if published else Issue.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(days=100 - number) if published else None,
        editorial=f"Ouverture de l’éditorial {number}.\n\nDeuxième paragraphe.\n\nChute de l’éditorial {number}.",
    )
    for position in range(1, articles + 1):
        article = Article.objects.create(
            issue=issue,
            position=position,
            title=f"Article {position} du numéro {number}",
            facts=f"Fait un de l’article {position}.\n\nFait deux.",
            turn="Sauf que. Rien ne se passe comme prévu." if position == 1 else "",
            analysis="Analyse un.\n\nAnalyse deux.",
            closing=f"Chute de l’article {position}.",
        )
        ArticleSource.objects.create(article=article, position=1, label=f"Source liée {position}",
                                     url=f"https://exemple.org/source-{number}-{position}")
        ArticleSource.objects.create(article=article, position=2, label=f"Source sans lien {position}")
    AppReview.objects.create(
        issue=issue, name=f"Appli{number}", intro="Présentation.", good="Rapide.", bad="Chère.",
        verdict="À essayer.", source_label="Site de l’appli", source_url="https://appli.exemple.com/",
    )
    return issue
