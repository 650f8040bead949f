"""House-format linter: findings with a rule id, a severity, a location and a French message.

Severities: an **error** blocks publishing (the structure is incomplete, or a
quotation is left open); a **warning** does not (typography the fixer can
repair, a source without URL, a long paragraph, a repeated word that may be
intended, such as « nous nous »).

| rule | severity | what |
| --- | --- | --- |
| editorial-missing | error | the issue has no editorial |
| punchline-missing | warning | the editorial has no closing punchline |
| articles-missing | error | the issue has no article |
| title-missing, facts-missing, analysis-missing, closing-missing, source-missing | error | an article lacks that part |
| app-part-missing | error | the app review lacks its name, « Le bon », « Le moins bon » or « Le verdict » |
| source-url-missing | warning | a source has a label but no URL |
| paragraph-too-long | warning | a paragraph over PARAGRAPH_MAX_CHARS characters |
| quotes-unbalanced | error | « without », or » without « |
| spacing | warning | no narrow no-break space before ; : ! ? », before % after a number, or after « |
| straight-quotes | warning | ' or " where ’ or « » are expected |
| repeated-word | warning | the same word twice in a row (« le le ») |
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterator

from . import typography
from .typography import plural, quote
from .model import ParsedArticle, ParsedIssue, ParsedSource

ERROR, WARNING = "error", "warning"
PARAGRAPH_MAX_CHARS = 1000  # about 170 words: a phone screen and a half
REPEATED_WORD = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
REPEAT_ALLOWED = {"nous", "vous"}

ARTICLE_PARTS = {"title": "titre", "facts": "faits", "turn": "retournement", "analysis": "analyse",
                 "closing": "chute", "sources": "sources"}
APP_PARTS = {"name": "nom", "intro": "présentation", "good": "le bon", "bad": "le moins bon",
             "verdict": "le verdict", "source_label": "source", "source_url": "source"}


@dataclass
class Finding:
    rule: str
    severity: str
    location: str
    field: str
    message: str
    scope: str = "issue"  # "issue", "article" or "app_review"
    article: int | None = None  # index in issue.articles when scope == "article"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Text:
    """One piece of text to check, and where it lives."""

    scope: str
    article: int | None
    field: str
    location: str
    text: str
    is_paragraph: bool = True


def lint(issue: ParsedIssue) -> list[Finding]:
    findings = structure_findings(issue)
    for text in texts(issue):
        findings += text_findings(text)
    return findings


def errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == ERROR]


# --- structure ----------------------------------------------------------------

def structure_findings(issue: ParsedIssue) -> list[Finding]:
    found = []
    if not issue.editorial:
        found.append(Finding("editorial-missing", ERROR, "éditorial", "editorial", "L’éditorial est vide."))
    if not issue.punchline:
        found.append(Finding("punchline-missing", WARNING, "éditorial › chute", "editorial_punchline",
                             "L’éditorial n’a pas de chute (un dernier paragraphe court)."))
    if not issue.articles:
        found.append(Finding("articles-missing", ERROR, "numéro", "articles", "Le numéro n’a aucun article."))
    for index, article in enumerate(issue.articles):
        found += article_findings(index, article)
    if issue.app_review:
        found += app_review_findings(issue)
    return found


def article_place(index: int, article: ParsedArticle) -> str:
    return f"article {index + 1} « {article.title} »" if article.title else f"article {index + 1}"


def article_findings(index: int, article: ParsedArticle) -> list[Finding]:
    place = article_place(index, article)
    required = {
        "title": (article.title, "L’article n’a pas de titre."),
        "facts": (article.facts, "L’article n’a pas de faits avant « Enjeux et perspectives »."),
        "analysis": (article.analysis, "L’article n’a pas d’analyse « Enjeux et perspectives »."),
        "closing": (article.closing, "L’article n’a pas de chute (la dernière ligne avant les sources)."),
        "sources": (article.sources, "L’article n’a aucune source."),
    }
    found = []
    for field, (value, message) in required.items():
        if not value:
            rule = "source-missing" if field == "sources" else f"{field}-missing"
            found.append(Finding(rule, ERROR, f"{place} › {ARTICLE_PARTS[field]}", field, message, "article", index))
    for number, source in enumerate(article.sources, start=1):
        if not source.url:
            found.append(source_url_finding(f"{place} › source {number}", "sources", source, "article", index))
    return found


def source_url_finding(location: str, field: str, source: ParsedSource, scope: str, index: int | None) -> Finding:
    return Finding("source-url-missing", WARNING, location, field,
                   f"La source « {source.label} » n’a pas d’URL : le lecteur ne pourra pas la vérifier.",
                   scope, index)


def app_review_findings(issue: ParsedIssue) -> list[Finding]:
    review = issue.app_review
    place = f"app sous le radar « {review.name} »" if review.name else "app sous le radar"
    found = []
    for field in ("name", "good", "bad", "verdict"):
        if not getattr(review, field).strip():
            found.append(Finding("app-part-missing", ERROR, f"{place} › {APP_PARTS[field]}", field,
                                 f"L’app sous le radar n’a pas de partie « {APP_PARTS[field]} ».", "app_review"))
    if review.source is None:
        found.append(Finding("source-missing", ERROR, f"{place} › source", "source_label",
                             "L’app sous le radar n’a pas de source.", "app_review"))
    elif not review.source.url:
        found.append(source_url_finding(f"{place} › source", "source_url", review.source, "app_review", None))
    return found


# --- text ---------------------------------------------------------------------

def texts(issue: ParsedIssue) -> Iterator[Text]:
    yield from paragraphs("issue", None, "editorial", "éditorial", issue.editorial)
    if issue.punchline:
        yield Text("issue", None, "editorial_punchline", "éditorial › chute", issue.punchline)
    for index, article in enumerate(issue.articles):
        place = article_place(index, article)
        if article.title:
            yield Text("article", index, "title", f"{place} › titre", article.title, is_paragraph=False)
        for field in ("facts", "turn", "analysis"):
            yield from paragraphs("article", index, field, f"{place} › {ARTICLE_PARTS[field]}", getattr(article, field))
        if article.closing:
            yield Text("article", index, "closing", f"{place} › chute", article.closing)
    if issue.app_review:
        review = issue.app_review
        place = f"app sous le radar « {review.name} »"
        yield Text("app_review", None, "name", f"{place} › nom", review.name, is_paragraph=False)
        yield from paragraphs("app_review", None, "intro", f"{place} › présentation", review.intro)
        for field in ("good", "bad", "verdict"):
            yield from paragraphs("app_review", None, field, f"{place} › {APP_PARTS[field]}",
                                  [p for p in getattr(review, field).split("\n\n") if p.strip()])


def paragraphs(scope: str, index: int | None, field: str, place: str, values: list[str]) -> Iterator[Text]:
    for number, value in enumerate(values, start=1):
        location = f"{place}, paragraphe {number}" if len(values) > 1 else place
        yield Text(scope, index, field, location, value)


def text_findings(text: Text) -> list[Finding]:
    found = []
    for rule, severity, message in text_problems(text):
        found.append(Finding(rule, severity, text.location, text.field, message, text.scope, text.article))
    return found


def text_problems(text: Text) -> Iterator[tuple[str, str, str]]:
    value = text.text
    if text.is_paragraph and len(value) > PARAGRAPH_MAX_CHARS:
        yield ("paragraph-too-long", WARNING,
               f"Paragraphe de {len(value)} caractères (au-delà de {PARAGRAPH_MAX_CHARS}) : coupez-le en deux.")
    balance = quote_balance(value)
    if balance:
        yield "quotes-unbalanced", ERROR, balance
    mistakes = typography.spacing_mistakes(value)
    if mistakes:
        yield "spacing", WARNING, spacing_message(value, mistakes)
    quotes = typography.straight_quotes(value)
    if quotes:
        yield ("straight-quotes", WARNING,
               f"{plural(len(quotes), 'guillemet ou apostrophe droit', 'guillemets ou apostrophes droits')} "
               f"(' ou \") : utilisez ’ et « », par ex. {excerpt(value, quotes[0])}.")
    for match in REPEATED_WORD.finditer(value):
        if match.group(1).lower() not in REPEAT_ALLOWED:
            yield "repeated-word", WARNING, f"Mot répété « {match.group(0)} » : {excerpt(value, match.start())}."


def quote_balance(value: str) -> str:
    depth = 0
    for char in value:
        depth += {"«": 1, "»": -1}.get(char, 0)
        if depth < 0:
            return "Guillemet fermant » sans guillemet ouvrant « avant lui."
    return "Guillemet ouvrant « jamais refermé par »." if depth else ""


def spacing_message(value: str, mistakes: list) -> str:
    first = mistakes[0]
    found = describe_space(first.group(0).rstrip(";:!?»%").lstrip("«"))
    mark = first.group(0).strip(" \t\u00a0\u202f")
    where = {"«": "après le guillemet ouvrant", "»": "avant le guillemet fermant"}.get(mark, f"avant « {mark} »")
    return (f"Espace fine insécable attendue {where} "
            f"(trouvé : {found}) dans {excerpt(value, first.start())}"
            f"{f' — {len(mistakes)} cas dans ce paragraphe' if len(mistakes) > 1 else ''}. "
            "La correction automatique de la typographie s’en charge.")


def describe_space(space: str) -> str:
    if not space:
        return "aucune espace"
    if len(space) > 1:
        return "plusieurs espaces"
    return {" ": "une espace ordinaire", "\u00a0": "une espace insécable ordinaire"}.get(space, "une tabulation")


def excerpt(value: str, position: int, width: int = 25) -> str:
    start, end = max(0, position - width), min(len(value), position + width)
    return quote(f"{'…' if start else ''}{value[start:end].strip()}{'…' if end < len(value) else ''}")


