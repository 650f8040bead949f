"""The newsletter's house format, as pure code (no Django).

parse(text) reads a plain-text issue, export(issue) writes one back,
lint(issue) lists what breaks the house rules, typography.fix(text) repairs
French typography. See each module's docstring for the format's details.
"""

from .export import export
from .lint import Finding, lint
from .model import HouseFormatError, ParsedAppReview, ParsedArticle, ParsedIssue, ParsedSource
from .parse import parse

__all__ = [
    "Finding",
    "HouseFormatError",
    "ParsedAppReview",
    "ParsedArticle",
    "ParsedIssue",
    "ParsedSource",
    "export",
    "lint",
    "parse",
]
