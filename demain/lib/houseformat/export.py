"""Write a ParsedIssue back in the house format (see parse.py); parse(export(x)) == x."""

from __future__ import annotations

from .dates import format_date
from .markers import APP_LABELS
from .model import ParsedAppReview, ParsedArticle, ParsedIssue
from .sources import format_sources

MASTHEAD = "Le monde\nde demAIn"


def export(issue: ParsedIssue) -> str:
    blocks = [MASTHEAD]
    meta = header_line(issue)
    if meta:
        blocks.append(meta)
    blocks += issue.editorial
    if issue.punchline:
        blocks.append(issue.punchline)
    for article in issue.articles:
        blocks += article_blocks(article)
    if issue.app_review:
        blocks += app_review_blocks(issue.app_review)
    return "\n\n".join(blocks) + "\n"


def header_line(issue: ParsedIssue) -> str:
    date = format_date(issue.date) if issue.date else ""
    if issue.number is None:
        return date
    return f"N° {issue.number} — {date}" if date else f"N° {issue.number}"


def article_blocks(article: ParsedArticle) -> list[str]:
    blocks = [article.title, *article.facts, *article.turn]
    if article.analysis or article.closing:
        blocks += ["Enjeux et perspectives", *article.analysis]
    if article.closing:
        blocks.append(article.closing)
    if article.sources:
        blocks.append(format_sources(article.sources))
    return blocks


def app_review_blocks(review: ParsedAppReview) -> list[str]:
    blocks = [f"App sous le radar : {review.name}".rstrip(), *review.intro]
    for name, label in APP_LABELS.items():
        value = getattr(review, name)
        if value:
            blocks.append(f"{label} : {value}")
    if review.source:
        blocks.append(format_sources([review.source]))
    return blocks
