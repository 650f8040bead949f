"""A validated draft as house-format plain text, and the house linter's findings on it."""

from __future__ import annotations

from demain.lib.houseformat import ParsedAppReview, ParsedArticle, ParsedIssue, ParsedSource, lint
from demain.lib.houseformat.export import app_review_blocks, article_blocks
from demain.lib.houseformat.lint import Finding

TURN = "Sauf que."


def to_parsed(kind: str, draft: dict) -> ParsedArticle | ParsedAppReview:
    if kind == "app_review":
        source = draft["source"]
        return ParsedAppReview(name=draft["name"], intro=list(draft.get("intro") or []), good=draft["good"],
                               bad=draft["bad"], verdict=draft["verdict"],
                               source=ParsedSource(source["label"], source["url"]))
    turn = list(draft.get("sauf_que") or [])
    if turn and not turn[0].strip().lower().startswith("sauf que"):
        turn = [TURN, *turn]
    return ParsedArticle(title=draft["title"], facts=list(draft["facts"]), turn=turn,
                         analysis=list(draft["enjeux"]), closing=draft["closing"],
                         sources=[ParsedSource(s["label"], s["url"]) for s in draft["sources"]])


def render(kind: str, draft: dict) -> tuple[str, list[Finding]]:
    """(the draft in the house format, the house linter's findings on it)."""
    parsed = to_parsed(kind, draft)
    if kind == "app_review":
        blocks = app_review_blocks(parsed)
        issue = ParsedIssue(editorial=["-"], punchline="-", articles=[], app_review=parsed)
        scope = "app_review"
    else:
        blocks = article_blocks(parsed)
        issue = ParsedIssue(editorial=["-"], punchline="-", articles=[parsed])
        scope = "article"
    findings = [finding for finding in lint(issue) if finding.scope == scope]
    return "\n\n".join(blocks) + "\n", findings
