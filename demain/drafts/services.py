"""The editor's drafting workflow: a story becomes a checked draft, then an approved article of the issue.

    draft = start(story, backend="extractive", user=editor)   # the issue's article + a queued Draft + its task
    run(draft.pk)                   # the task: draft, record the footprint, check against the sources
    edit(draft, text, user)         # the editor's text, checked again (acceptances kept for items still there)
    recheck(draft)                  # check again; an article edited since approval comes back into the draft
    accept(item, reason, user)      # an unsupported or contradicted item, accepted with a recorded reason
    approve(draft, user)            # writes the draft into the issue's article; refused while anything blocks

Nothing unsupported is published: ``publish_blockers`` (registered in
demain.issues.services.PUBLISH_CHECKS) refuses an issue while one of its
articles has a draft that is not approved, or an article that changed after
its approval without a new check.

Errors: DraftStartError (a merged or empty story, unknown backend), DraftStateError (a
step the draft's status does not allow), ApprovalBlocked (lists the reasons).
A drafting error (bad key, invalid answer twice, every article TDM-reserved…)
marks the draft failed with its French message; nothing of the draft is stored
but the footprint of the calls that were made.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from demain.issues.models import Article as IssueArticle, Issue
from demain.issues.services import ImportRejected, article_to_parsed, checked, save_sources
from demain.lib import drafting
from demain.lib.drafting import BACKENDS, Disagreement, DraftingError, SourceArticle
from demain.lib.drafting import Story as DraftStory
from demain.lib.drafting.extractive import split_sentences
from demain.lib.figures import guess_lang
from demain.lib.grounding import Report, Source, check
from demain.lib.houseformat import HouseFormatError, ParsedArticle, ParsedIssue, lint, parse
from demain.lib.houseformat.export import article_blocks
from demain.lib.houseformat.lint import ERROR, Finding
from demain.lib.houseformat.typography import plural
from demain.stories import services as stories
from demain.stories.models import Story

from . import ledger
from .models import CheckItem, Draft

Status = Draft.Status
EDITABLE_ISSUE = (Issue.Status.DRAFT, Issue.Status.REVIEW)


class DraftStartError(ValueError):
    """The draft cannot be started; the message says why, in French."""


class DraftStateError(ValueError):
    """The draft's status does not allow this step; the message says why, in French."""


class ApprovalBlocked(Exception):
    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("Approbation refusée : " + " ".join(reasons))


# --- a story as the drafting code reads it -----------------------------------------------------

def story_input(story: Story) -> DraftStory:
    """The story as plain data: its articles' main text, source names, URLs, languages, TDM flags,
    and the newsroom's disagreements with the sources' own sentences."""
    members = sorted(story.memberships.select_related("article__outlet"),
                     key=lambda m: (stories.when(m.article), m.pk))
    outlets = [m.article.outlet.name for m in members]
    names = source_names([(m.article.outlet.name, m.article.title) for m in members])
    articles = tuple(SourceArticle(source=name, url=m.article.url, text=m.article.text, title=m.article.title,
                                   language=language(m.article.language, m.article.text),
                                   tdm_reserved=m.article.tdm_reserved)
                     for name, m in zip(names, members))
    found = [disagreement(item, articles, outlets) for item in story.disagreements]
    return DraftStory(title=story.title, articles=articles, disagreements=tuple(d for d in found if d))


def language(declared: str, text: str) -> str:
    code = (declared or "").split("-")[0].lower()
    return code if code in ("fr", "en") else guess_lang(text)


def source_names(pairs: list[tuple[str, str]]) -> list[str]:
    """One name per article, unique: the outlet's, with the title when the outlet has several articles."""
    counts: dict[str, int] = {}
    for outlet, _ in pairs:
        counts[outlet] = counts.get(outlet, 0) + 1
    names: list[str] = []
    for outlet, title in pairs:
        name = outlet if counts[outlet] == 1 else f"{outlet} — {title}"[:200]
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def disagreement(item: dict, articles: tuple[SourceArticle, ...], outlets: list[str]) -> Disagreement | None:
    """A newsroom disagreement ({source_a, a, source_b, b}) with the sentences that state each figure."""
    sides = [(item.get("source_a", ""), item.get("a", "")), (item.get("source_b", ""), item.get("b", ""))]
    names, sentences = [], []
    for outlet, figure in sides:
        for article, owner in zip(articles, outlets):
            said = [s for s in split_sentences(article.text) if figure and figure in s]
            if owner == outlet and said:
                names.append(article.source)
                sentences.append(said[0])
                break
    if not item.get("a") or not item.get("b"):
        return None
    summary = f"{item['a']} selon {item.get('source_a', '?')}, {item['b']} selon {item.get('source_b', '?')}"
    return Disagreement(summary=summary, sources=tuple(names), sentences=tuple(sentences))


def snapshot(story: DraftStory) -> list[dict]:
    """The source texts the draft is checked against, as they were when it was drafted."""
    return [{"name": a.source, "url": a.url, "text": a.text, "language": a.language, "tdm_reserved": a.tdm_reserved}
            for a in story.articles]


def checker_sources(draft: Draft) -> list[Source]:
    return [Source(s["name"], s["text"], url=s.get("url", ""),
                   lang=s.get("language") if s.get("language") in ("fr", "en") else None) for s in draft.sources]


def settings_map() -> dict:
    """Django's settings as the mapping the drafting code reads."""
    return {name: getattr(settings, name) for name in dir(settings) if name.isupper()}


# --- starting and running ------------------------------------------------------------------------

def backend_name(backend: str | None) -> str:
    name = backend or settings.DRAFT_BACKEND
    if name not in BACKENDS:
        raise DraftStartError(f"Moteur de rédaction inconnu : « {name} » (au choix : {', '.join(BACKENDS)}).")
    return name


def start(story: Story, backend: str | None = None, user=None, batch: str = "", enqueue: bool = True) -> Draft:
    """The story's article in the latest draft issue, and a queued Draft for it; its task is queued with it
    (one transaction: a worker never sees a task without its draft)."""
    name = backend_name(backend)
    if story.merged_into_id:
        raise DraftStartError(f"Le sujet « {story} » a été fusionné dans « {story.merged_into} » : rédigez celui-ci.")
    if not story.memberships.exists():
        raise DraftStartError(f"Le sujet « {story} » n’a aucun article source.")
    with transaction.atomic():
        article = stories.start_draft(story, user)
        draft = Draft.objects.create(story=story, article=article, backend=name, batch=batch)
        if enqueue:
            from .tasks import draft_story

            draft_story.enqueue(draft.pk)
    return draft


def start_many(stories_: Iterable[Story], backend: str | None = None, user=None) -> tuple[str, list[Draft], list[str]]:
    """One batch: a draft per story (errors listed, the others go on)."""
    batch, drafts, errors = uuid.uuid4().hex, [], []
    for story in stories_:
        try:
            drafts.append(start(story, backend, user, batch=batch))
        except DraftStartError as error:
            errors.append(str(error))
    return batch, drafts, errors


def run(draft_id: int, progress: Callable[[str], None] | None = None) -> Draft:
    """Draft, record the footprint, check; the draft ends checked or failed. Claimed with a
    conditional UPDATE: a draft already taken by another worker is left alone."""
    say = progress or (lambda step: None)
    claimed = Draft.objects.filter(pk=draft_id, status=Status.QUEUED).update(status=Status.RUNNING,
                                                                             updated_at=timezone.now())
    draft = Draft.objects.select_related("story", "article__issue").get(pk=draft_id)
    if not claimed:
        return draft
    try:
        if draft.story is None:
            raise DraftingError("no_source", "Le sujet de ce brouillon a été supprimé.", "The story was deleted.")
        story = story_input(draft.story)
        say("rédaction")
        result = drafting.draft(story, settings_map(), draft.backend)
    except DraftingError as error:
        message = error.french + (f" Détail : {error.detail}" if error.detail else "")
        return fail(draft, message, getattr(error, "generations", []))
    except Exception as error:
        fail(draft, f"Erreur inattendue pendant la rédaction : {error}")
        raise
    say("vérification")
    try:
        with transaction.atomic():
            store(draft, story, result)
    except Exception as error:
        fail(draft, f"Erreur inattendue pendant la vérification : {error}", result.generations)
        raise
    return draft


def store(draft: Draft, story: DraftStory, result) -> None:
    draft.text, draft.data, draft.model = normalise(result.text), result.draft, result.model
    draft.notes, draft.left_out = list(result.notes), list(result.left_out)
    draft.lint = [finding.to_dict() for finding in result.findings]
    draft.prompt_version, draft.sources, draft.error = result.prompt_version, snapshot(story), ""
    ledger.record(result.generations, draft=draft, issue=draft.article.issue if draft.article else None)
    replace_items(draft, check(draft.text, checker_sources(draft)))
    draft.status, draft.checked_at = Status.CHECKED, timezone.now()
    draft.save()


def fail(draft: Draft, message: str, generations=()) -> Draft:
    """The draft failed: its message, and the footprint of the calls made (they were made); nothing else."""
    with transaction.atomic():
        Draft.objects.filter(pk=draft.pk).update(status=Status.FAILED, error=message, updated_at=timezone.now())
        ledger.record(generations, draft=draft, issue=draft.article.issue if draft.article else None)
    draft.refresh_from_db()
    return draft


def retry(draft: Draft) -> Draft:
    """A failed draft, queued again."""
    if not Draft.objects.filter(pk=draft.pk, status=Status.FAILED).update(status=Status.QUEUED, error=""):
        raise DraftStateError("Seul un brouillon en échec peut être relancé.")
    from .tasks import draft_story

    draft_story.enqueue(draft.pk)
    draft.refresh_from_db()
    return draft


# --- checking ------------------------------------------------------------------------------------

def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def replace_items(draft: Draft, report: Report) -> list[CheckItem]:
    """The report's findings as the draft's items; an acceptance stays with an item still there (kind + text)."""
    kept = {(item.kind, item.text): item for item in draft.items.exclude(accepted_reason="")}
    draft.items.all().delete()
    items = []
    for position, finding in enumerate(report.findings):
        before = kept.get((finding.kind, finding.text))
        items.append(CheckItem(
            draft=draft, position=position, text=finding.text, kind=finding.kind, status=finding.status,
            start=finding.start, end=finding.end, source=(finding.source or "")[:300], snippet=finding.snippet or "",
            reason=finding.reason[:32], explanation=finding.explanation,
            accepted_reason=before.accepted_reason if before else "", accepted_by=before.accepted_by if before else None,
            accepted_at=before.accepted_at if before else None))
    return CheckItem.objects.bulk_create(items)


def lint_text(text: str) -> list[dict]:
    """The house linter's findings on a draft's text (one article), or its parse error."""
    try:
        parsed = parse_article(text)
    except HouseFormatError as error:
        return [Finding("format", ERROR, f"ligne {error.line}", "text", error.message, "article", 0).to_dict()]
    issue = ParsedIssue(editorial=["-"], punchline="-", articles=[parsed])
    return [finding.to_dict() for finding in lint(issue) if finding.scope == "article"]


def parse_article(text: str) -> ParsedArticle:
    parsed = parse(text)
    if len(parsed.articles) != 1 or parsed.editorial or parsed.app_review:
        raise HouseFormatError(1, "un brouillon est un seul article : un titre, les faits, « Enjeux et perspectives », "
                                  "la chute et les sources")
    return parsed.articles[0]


def edit(draft: Draft, text: str, user=None) -> Report:
    """The editor's new text, checked again at once."""
    return recheck(draft, text)


def recheck(draft: Draft, text: str | None = None) -> Report:
    """Check the draft again (its new ``text`` when given). An approved draft whose article was edited
    since its approval takes the article's text back, so that what is checked is what will be published.
    A changed text needs a new approval."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update(of=("self",)).select_related("article").get(pk=draft.pk)
        if draft.status not in (Status.CHECKED, Status.APPROVED):
            raise DraftStateError(f"Le brouillon est « {draft.get_status_display()} » : "
                                  "il n’y a encore rien à vérifier.")
        new = normalise(text) if text is not None else draft.text
        if text is None and article_changed(draft):
            new = article_text(draft.article)
        changed = new != draft.text or article_changed(draft)
        draft.text = new
        report = check(new, checker_sources(draft))
        replace_items(draft, report)
        draft.lint = lint_text(new)
        draft.checked_at = timezone.now()
        if changed:
            draft.status, draft.approved_digest = Status.CHECKED, ""
        draft.save()
    return report


def accept(item: CheckItem, reason: str, user=None) -> CheckItem:
    """Accept an unsupported or contradicted item; the reason, who and when are recorded."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValueError(f"Donnez la raison pour laquelle « {item.text} » peut être publié tel quel.")
    if item.status == CheckItem.Status.SUPPORTED:
        raise ValueError(f"« {item.text} » est étayé par les sources : rien à accepter.")
    item.accepted_reason, item.accepted_at = reason, timezone.now()
    item.accepted_by = user if user is not None and user.is_authenticated else None
    item.save(update_fields=["accepted_reason", "accepted_by", "accepted_at"])
    return item


# --- approval and the publish gate -----------------------------------------------------------------

def approval_blockers(draft: Draft) -> list[str]:
    """Why the draft cannot be approved yet, in French; empty when it can."""
    if draft.status not in (Status.CHECKED, Status.APPROVED):
        return [f"Le brouillon est « {draft.get_status_display()} » : il doit d’abord être rédigé et vérifié."]
    reasons = []
    if draft.article_id is None:
        reasons.append("L’article du numéro qu’il remplissait a été supprimé.")
    elif draft.article.issue.status not in EDITABLE_ISSUE:
        reasons.append(f"Le n° {draft.article.issue.number} est « {draft.article.issue.get_status_display()} » : "
                       "renvoyez-le en brouillon pour changer ses articles.")
    if article_changed(draft):
        reasons.append("L’article a été modifié dans le numéro depuis l’approbation : « Revérifier » reprend son "
                       "texte ici pour le vérifier avant de l’approuver à nouveau.")
    blocking = [item for item in draft.items.all() if item.blocking]
    if blocking:
        shown = ", ".join(f"« {item.text} »" for item in blocking[:5]) + (" …" if len(blocking) > 5 else "")
        state = "non étayé ou contredit, ni corrigé ni accepté" if len(blocking) < 2 else \
            "non étayés ou contredits, ni corrigés ni acceptés"
        reasons.append(f"{plural(len(blocking), 'élément')} {state} avec une raison : {shown}.")
    format_errors = [f for f in lint_text(draft.text) if f["severity"] == ERROR]
    if format_errors:
        reasons.append("Format maison : " + " ".join(f"{f['location']} : {f['message']}" for f in format_errors))
    return reasons


def approve(draft: Draft, user=None) -> Draft:
    """Write the draft into the issue's article (title, facts, « Sauf que. », Enjeux et perspectives,
    closing, sources with their URLs) and mark it approved; ApprovalBlocked says why not."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update(of=("self",)).select_related("article__issue").get(pk=draft.pk)
        reasons = approval_blockers(draft)
        if reasons:
            raise ApprovalBlocked(reasons)
        parsed = parse_article(draft.text)
        article = IssueArticle.objects.select_for_update().get(pk=draft.article_id)
        article.title, article.facts, article.turn = parsed.title, "\n\n".join(parsed.facts), "\n\n".join(parsed.turn)
        article.analysis, article.closing = "\n\n".join(parsed.analysis), parsed.closing
        try:
            checked(article, f"article {article.position}")
            save_sources(article, parsed.sources, f"article {article.position}")
        except ImportRejected as error:
            raise ApprovalBlocked([str(error)]) from None
        draft.status, draft.approved_at = Status.APPROVED, timezone.now()
        draft.approved_by = user if user is not None and user.is_authenticated else None
        draft.approved_digest = article_digest(article)
        draft.save()
    return draft


def article_text(article: IssueArticle) -> str:
    return "\n\n".join(article_blocks(article_to_parsed(article))) + "\n"


def article_digest(article: IssueArticle) -> str:
    return hashlib.sha256(article_text(article).encode("utf-8")).hexdigest()


def article_changed(draft: Draft) -> bool:
    """True when the draft was approved and its article no longer reads as approval wrote it."""
    return (draft.status == Status.APPROVED and draft.article_id is not None
            and article_digest(draft.article) != draft.approved_digest)


def latest_drafts(issue: Issue) -> list[tuple[int, IssueArticle, Draft]]:
    """(index in the issue, article, its latest draft) for every article of the issue that has drafts."""
    articles = list(issue.articles.order_by("position", "id").prefetch_related("sources"))
    latest: dict[int, Draft] = {}
    for draft in Draft.objects.filter(article__in=articles).order_by("created_at", "pk"):
        latest[draft.article_id] = draft
    return [(index, article, latest[article.pk]) for index, article in enumerate(articles) if article.pk in latest]


def publish_blockers(issue: Issue) -> list[Finding]:
    """Nothing unsupported is published: an article whose latest draft is not approved, or that changed
    since its approval without a new check, blocks the issue."""
    found = []
    for index, article, draft in latest_drafts(issue):
        where = f"article {index + 1} « {article.title} »" if article.title else f"article {index + 1}"
        if draft.status != Status.APPROVED:
            found.append(Finding("draft-not-approved", ERROR, where, "drafts",
                                 f"Son brouillon n° {draft.pk} est « {draft.get_status_display()} » : il doit être "
                                 "vérifié et approuvé avant la publication.", "article", index))
        elif article_digest(article) != draft.approved_digest:
            found.append(Finding("draft-changed", ERROR, where, "drafts",
                                 f"L’article a changé depuis l’approbation de son brouillon n° {draft.pk} : "
                                 "« Revérifier » ce brouillon, puis l’approuver à nouveau.", "article", index))
    return found
