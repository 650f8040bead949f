"""What the editor does to an issue: import it, export it, lint it, move it through the workflow.

Workflow: draft → review → approved → published. From review or approved an
issue may go back to draft. Approving and publishing are refused while the
linter reports errors, or a check of PUBLISH_CHECKS does (PublishBlocked lists them). Every move writes a
StatusChange row.
"""

from __future__ import annotations

import datetime
import re
from contextlib import ExitStack, contextmanager
from typing import Callable, ContextManager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from demain.lib.houseformat import Finding, ParsedAppReview, ParsedArticle, ParsedIssue, ParsedSource, lint
from demain.lib.houseformat.lint import errors
from demain.lib.houseformat.typography import fix, plural

from .models import AppReview, Article, ArticleSource, Issue, StatusChange, paragraphs

Status = Issue.Status
ALLOWED = {
    Status.DRAFT: {Status.REVIEW},
    Status.REVIEW: {Status.APPROVED, Status.DRAFT},
    Status.APPROVED: {Status.PUBLISHED, Status.DRAFT},
    Status.PUBLISHED: set(),
}
BLOCKED_BY_ERRORS = {Status.APPROVED: "Approbation", Status.PUBLISHED: "Publication"}
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# Other stages' reasons to refuse approving or publishing an issue, as error Findings: each
# callable takes the issue. The drafts app registers its own (a draft not approved, or an article
# changed since its approval) in its AppConfig.ready().
PUBLISH_CHECKS: list[Callable[[Issue], list[Finding]]] = []

# Other stages' scopes around one edit of an issue made of several saves (the admin form and its
# inlines, the typography fix, an import): each callable returns a context manager. The archive
# registers one (site app) that indexes each changed issue once, when the edit ends.
EDIT_SCOPES: list[Callable[[], ContextManager]] = []


@contextmanager
def editing():
    """One edit of an issue, however many rows it saves."""
    with ExitStack() as stack:
        for scope in EDIT_SCOPES:
            stack.enter_context(scope())
        yield


class ImportRejected(ValueError):
    """The parsed issue does not fit the database (number taken, text too long, bad URL…)."""


class TransitionNotAllowed(ValueError):
    pass


class PublishBlocked(Exception):
    """Approving or publishing refused: the linter still reports errors."""

    def __init__(self, findings: list[Finding], target: str = Status.PUBLISHED):
        self.findings, self.target = findings, Status(target)
        self.action = BLOCKED_BY_ERRORS[self.target]
        lines = [f"- {finding.location} : {finding.message}" for finding in findings]
        super().__init__(f"{self.action} refusée : {plural(len(findings), 'erreur')} à corriger.\n" + "\n".join(lines))


# --- import -------------------------------------------------------------------

def next_number() -> int:
    return (Issue.objects.aggregate(top=models.Max("number"))["top"] or 0) + 1


def issue_in_preparation() -> Issue:
    """The latest draft issue, or, when every issue has gone further, the next one opened as a draft:
    the next number, dated a week after the latest issue (today at the earliest)."""
    issue = Issue.objects.filter(status=Issue.Status.DRAFT).order_by("-number").first()
    if issue is not None:
        return issue
    latest = Issue.objects.order_by("-number").first()
    today = timezone.localdate()
    day = max(today, latest.date + datetime.timedelta(days=7)) if latest else today
    number = next_number()
    # get_or_create: two editors starting at once both land in the one new issue
    issue, _ = Issue.objects.get_or_create(number=number, defaults={"date": day, "title": f"Numéro {number}"})
    return issue


def default_title(parsed: ParsedIssue, number: int) -> str:
    if not parsed.editorial:
        return f"Numéro {number}"
    return SENTENCE_END.split(parsed.editorial[0], maxsplit=1)[0][:200]


def save_parsed_issue(parsed: ParsedIssue, number: int, date: datetime.date, title: str | None = None) -> Issue:
    """Store a parsed issue, all or nothing."""
    try:
        with editing(), transaction.atomic():
            return _save(parsed, number, date, title or default_title(parsed, number))
    except IntegrityError as error:
        raise ImportRejected(f"le numéro {number} n’a pas pu être enregistré ({error})") from error


def _save(parsed: ParsedIssue, number: int, date: datetime.date, title: str) -> Issue:
    if Issue.objects.filter(number=number).exists():
        raise ImportRejected(f"le numéro {number} existe déjà (choisissez-en un autre avec --number)")
    issue = checked(Issue(number=number, date=date, title=title, editorial="\n\n".join(parsed.editorial),
                          editorial_punchline=parsed.punchline), "numéro")
    for position, item in enumerate(parsed.articles, start=1):
        where = f"article {position} « {item.title} »"
        article = checked(Article(issue=issue, position=position, title=item.title, facts="\n\n".join(item.facts),
                                  turn="\n\n".join(item.turn), analysis="\n\n".join(item.analysis),
                                  closing=item.closing), where)
        save_sources(article, item.sources, where)
    if parsed.app_review:
        review = parsed.app_review
        source = review.source or ParsedSource("", "")
        checked(AppReview(issue=issue, name=review.name, intro="\n\n".join(review.intro), good=review.good,
                          bad=review.bad, verdict=review.verdict, source_label=source.label,
                          source_url=source.url), "app sous le radar")
    return issue


def save_sources(article: Article, sources: list[ParsedSource], where: str = "sources") -> None:
    """Replace an article's sources with these, in this order."""
    article.sources.all().delete()
    for position, source in enumerate(sources, start=1):
        checked(ArticleSource(article=article, position=position, label=source.label, url=source.url),
                f"{where} › source {position}")


def checked(instance: models.Model, where: str) -> models.Model:
    try:
        instance.full_clean(validate_unique=False)
    except ValidationError as error:
        details = "; ".join(f"{field} : {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise ImportRejected(f"{where} : {details}") from error
    instance.save()
    return instance


# --- export and lint ------------------------------------------------------------

def issue_to_parsed(issue: Issue) -> ParsedIssue:
    parsed = ParsedIssue(number=issue.number, date=issue.date, editorial=paragraphs(issue.editorial),
                         punchline=issue.editorial_punchline.strip())
    for article in issue.articles.prefetch_related("sources").order_by("position", "id"):
        parsed.articles.append(article_to_parsed(article))
    review = AppReview.objects.filter(issue=issue).first()
    if review:
        source = ParsedSource(review.source_label, review.source_url) if review.source_label or review.source_url else None
        parsed.app_review = ParsedAppReview(name=review.name, intro=paragraphs(review.intro), good=review.good.strip(),
                                            bad=review.bad.strip(), verdict=review.verdict.strip(), source=source)
    return parsed


def article_to_parsed(article: Article) -> ParsedArticle:
    return ParsedArticle(
        title=article.title.strip(), facts=paragraphs(article.facts), turn=paragraphs(article.turn),
        analysis=paragraphs(article.analysis), closing=" ".join(paragraphs(article.closing)),
        sources=[ParsedSource(source.label, source.url) for source in article.sources.all()])


def lint_issue(issue: Issue) -> list[Finding]:
    return lint(issue_to_parsed(issue))


def fix_issue_typography(issue: Issue) -> int:
    """Correct the typography of every text field; return how many fields changed."""
    changed = 0
    with editing(), transaction.atomic():
        records = [(issue, ["title", "editorial", "editorial_punchline"])]
        records += [(article, ["title", "facts", "turn", "analysis", "closing"]) for article in issue.articles.all()]
        records += [(review, ["name", "intro", "good", "bad", "verdict"]) for review in AppReview.objects.filter(issue=issue)]
        for record, fields in records:
            dirty = [name for name in fields if fix(getattr(record, name)) != getattr(record, name)]
            for name in dirty:
                setattr(record, name, fix(getattr(record, name)))
            if dirty:
                record.save(update_fields=dirty)
            changed += len(dirty)
    return changed


# --- workflow -------------------------------------------------------------------

def transition(issue: Issue, to_status: str, by=None, note: str = "") -> StatusChange:
    """Move the issue to ``to_status``; refuse moves the workflow does not allow."""
    with transaction.atomic():
        locked = Issue.objects.select_for_update().get(pk=issue.pk)
        current = Status(locked.status)
        if to_status not in Status.values:
            raise TransitionNotAllowed(f"Statut inconnu « {to_status} » (attendu : {', '.join(Status.values)}).")
        target = Status(to_status)
        if target not in ALLOWED[current]:
            raise TransitionNotAllowed(f"Le numéro {locked.number} est « {current.label} » : "
                                       f"il ne peut pas passer à « {target.label} ».")
        if target in BLOCKED_BY_ERRORS:
            blocking = errors(lint_issue(locked)) + [found for check in PUBLISH_CHECKS for found in check(locked)]
            if blocking:
                raise PublishBlocked(blocking, target)
        if target == Status.PUBLISHED:
            locked.published_at = timezone.now()
        locked.status = target
        locked.save(update_fields=["status", "published_at", "updated_at"])
        change = StatusChange.objects.create(issue=locked, from_status=current, to_status=target, by=by, note=note[:300])
    issue.status, issue.published_at = locked.status, locked.published_at
    return change
