"""The parsed structure of one issue in the house format."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class HouseFormatError(ValueError):
    """The text is not in the house format; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"ligne {line} : {message}")


@dataclass
class ParsedSource:
    label: str
    url: str = ""

    def to_dict(self) -> dict:
        return {"label": self.label, "url": self.url}


@dataclass
class ParsedArticle:
    title: str
    facts: list[str] = field(default_factory=list)
    turn: list[str] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    closing: str = ""
    sources: list[ParsedSource] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "facts": self.facts,
            "turn": self.turn,
            "analysis": self.analysis,
            "closing": self.closing,
            "sources": [source.to_dict() for source in self.sources],
            "line": self.line,
        }


@dataclass
class ParsedAppReview:
    name: str
    intro: list[str] = field(default_factory=list)
    good: str = ""
    bad: str = ""
    verdict: str = ""
    source: ParsedSource | None = None
    line: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "intro": self.intro,
            "good": self.good,
            "bad": self.bad,
            "verdict": self.verdict,
            "source": self.source.to_dict() if self.source else None,
            "line": self.line,
        }


@dataclass
class ParsedIssue:
    number: int | None = None
    date: datetime.date | None = None
    editorial: list[str] = field(default_factory=list)
    punchline: str = ""
    articles: list[ParsedArticle] = field(default_factory=list)
    app_review: ParsedAppReview | None = None
    skipped: list[tuple[int, str]] = field(default_factory=list, compare=False)

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "editorial": self.editorial,
            "punchline": self.punchline,
            "articles": [article.to_dict() for article in self.articles],
            "app_review": self.app_review.to_dict() if self.app_review else None,
            "skipped": [{"line": line, "text": text} for line, text in self.skipped],
        }
