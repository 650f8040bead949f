"""Stories over the stored articles: cluster the new ones, rank, and apply the editor's decisions.

A run replays the window's articles in publication order: those already in a story go back
into it unscored (so a merge, a split or a discard by the editor holds), the new ones join the
best story or start one (demain.lib.clustering). Then every story of the window gets its
sources, figures, disagreements and score (demain.lib.ranking).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from demain.lib import figures as figure_lib
from demain.lib.clustering.cluster import Article as Record
from demain.lib.clustering.cluster import Clusterer, Features, features
from demain.lib.clustering.embed import E5Embedder, EmbeddingCache, embedding_text
from demain.lib.ranking import RankingWeights, StoryFacts, rank
from demain.sources.models import Article
from demain.stories.models import ArticleEmbedding, EditorDecision, Interest, Story, StoryArticle

_embedder = None


def embedder() -> E5Embedder:
    global _embedder
    if _embedder is None:
        _embedder = E5Embedder()
    return _embedder


def window() -> timedelta:
    return timedelta(days=settings.STORIES_WINDOW_DAYS)


def when(article: Article) -> datetime:
    return article.published_at or article.first_seen_at


def vectors(articles: list[Article]) -> dict[int, np.ndarray]:
    """Each article's vector, embedding only those never embedded (or whose text changed)."""
    model = embedder()
    texts = {a.pk: embedding_text(a.title, a.text) for a in articles}
    hashes = {pk: hashlib.sha256(t.encode()).hexdigest() for pk, t in texts.items()}
    stored = {e.article_id: e for e in ArticleEmbedding.objects.filter(article_id__in=texts, model=model.name)}
    found = {pk: np.frombuffer(bytes(e.vector), dtype=np.float32) for pk, e in stored.items()
             if e.text_hash == hashes[pk]}
    missing = [pk for pk in texts if pk not in found]
    if missing:
        new = model.embed([texts[pk] for pk in missing])
        for pk, vector in zip(missing, new):
            found[pk] = vector
            ArticleEmbedding.objects.update_or_create(
                article_id=pk, defaults={"model": model.name, "text_hash": hashes[pk], "vector": vector.tobytes()})
    return found


@dataclass
class RunSummary:
    articles: int = 0
    new_articles: int = 0
    new_stories: int = 0
    stories: int = 0
    ranked: list[Story] = field(default_factory=list)


def run(now: datetime | None = None) -> RunSummary:
    """Cluster the window's new articles into stories, then rank the window's stories."""
    now = now or timezone.now()
    since = now - window()
    in_window = (Q(published_at__gte=since, published_at__lte=now)
                 | Q(published_at__isnull=True, first_seen_at__gte=since, first_seen_at__lte=now))
    articles = sorted(Article.objects.filter(in_window).select_related("outlet"), key=lambda a: (when(a), a.pk))
    placed = dict(StoryArticle.objects.filter(article__in=articles).values_list("article_id", "story_id"))
    found = vectors(articles)
    clusterer = Clusterer(window=window())
    summary = RunSummary(articles=len(articles))
    with transaction.atomic():
        for article in articles:
            feat = article_features(article, found[article.pk])
            if article.pk in placed:
                clusterer.restore(str(article.pk), feat, placed[article.pk])
                continue
            assignment = clusterer.add(str(article.pk), feat)
            story = clusterer.stories[assignment.story_id]
            if story.key is None:
                created = Story.objects.create(title=article.title, first_seen_at=when(article),
                                               last_seen_at=when(article))
                clusterer.name(story.id, created.pk)
                summary.new_stories += 1
            StoryArticle.objects.create(story_id=story.key, article=article, score=assignment.score,
                                        parts=assignment.parts)
            summary.new_articles += 1
        touched = refresh(Story.objects.filter(memberships__article__in=articles).distinct(), now)
    summary.stories = len(touched)
    summary.ranked = ranked_stories(now)
    return summary


def article_features(article: Article, vector: np.ndarray) -> Features:
    record = Record(id=str(article.pk), title=article.title, text=article.text, published=when(article),
                    outlet=article.outlet.name, author=article.author, language=article.language or None)
    return features(record, vector)


def refresh(stories, now: datetime) -> list[Story]:
    """Recompute each story's title, span, sources, figures, disagreements and score."""
    stories = list(stories.filter(merged_into__isnull=True).prefetch_related(
        "memberships__article__outlet", "memberships__article__sightings__source"))
    interests = dict(Interest.objects.values_list("term", "weight"))
    published, labels = published_vectors()
    facts, by_id = [], {}
    for story in stories:
        members = sorted((m.article for m in story.memberships.all()), key=lambda a: (when(a), a.pk))
        if not members:
            continue
        story.title = members[0].title or story.title
        story.first_seen_at, story.last_seen_at = when(members[0]), max(when(a) for a in members)
        outlets = outlet_weights(members)
        story.sources_count = len(outlets)
        story.figures, story.disagreements = story_figures(members)
        vector = np.mean([np.frombuffer(bytes(a.embedding.vector), dtype=np.float32) for a in members
                          if hasattr(a, "embedding")] or [np.zeros(384, dtype=np.float32)], axis=0)
        norm = float(np.linalg.norm(vector)) or 1.0
        text = "\n".join(f"{a.title}\n{a.text}" for a in members)
        facts.append(StoryFacts(story.pk, outlets, story.last_seen_at, text, vector / norm))
        by_id[story.pk] = story
    for ranked in rank(facts, now, interests, published, labels, ranking_weights()):
        story = by_id[ranked.story.id]
        story.score = ranked.score
        story.score_parts = [{"name": p.name, "value": p.value, "detail": p.detail} for p in ranked.parts]
        story.updated_at = now
        story.save()
    return list(by_id.values())


def ranking_weights() -> RankingWeights:
    return RankingWeights(half_life_hours=settings.STORIES_HALF_LIFE_HOURS)


def outlet_weights(members: list[Article]) -> dict[str, float]:
    """Independent sources: one per outlet, at the highest weight among its feeds that carried
    the story. A syndicated copy folded into an article as a sighting adds no independence."""
    outlets: dict[str, float] = {}
    for article in members:
        weights = [s.source.weight for s in article.sightings.all() if s.source and s.source.outlet_id == article.outlet_id]
        outlets[article.outlet.name] = max(outlets.get(article.outlet.name, 0.0), max(weights, default=1.0))
    return outlets


def story_figures(members: list[Article]) -> tuple[dict, list]:
    """The figures each outlet reports, and where outlets disagree on one quantity."""
    by_source: dict[str, list] = defaultdict(list)
    for article in members:
        lang = article.language if article.language in ("fr", "en") else None
        by_source[article.outlet.name].extend(figure_lib.find_figures(article.text, lang=lang))
    shown = {source: [{"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit}
                      for f in found if f.kind != "date"][:20] for source, found in by_source.items()}
    return shown, [disagreement_dict(item) for item in figure_lib.disagreements(dict(by_source))]


def disagreement_dict(item) -> dict:
    return {"source_a": str(item.source_a), "a": item.a.text, "source_b": str(item.source_b), "b": item.b.text,
            "status": item.comparison.status, "shared": sorted(item.shared)}


def published_vectors() -> tuple[np.ndarray | None, list[str]]:
    """Vectors of the articles of published issues, for novelty (kept in the embedding cache)."""
    from demain.issues.models import Article as IssueArticle, Issue

    items = list(IssueArticle.objects.filter(issue__status=Issue.Status.PUBLISHED)
                 .select_related("issue").order_by("-issue__number", "position")[:500])
    if not items:
        return None, []
    cache = EmbeddingCache(embedder(), Path(settings.VAR_DIR) / "embeddings.sqlite3")
    found = cache.embed([embedding_text(i.title, i.facts) for i in items])
    return found, [f"n° {i.issue.number} — {i.title}" for i in items]


def latest_article_time() -> datetime | None:
    """The newest article's time, or None when there is none."""
    latest = Article.objects.aggregate(published=Max("published_at"), seen=Max("first_seen_at"))
    return latest["published"] or latest["seen"]


def ranked_stories(now: datetime | None = None) -> list[Story]:
    """The window's stories the editor has not discarded: pinned first, then by score."""
    now = now or timezone.now()
    return list(Story.objects.filter(merged_into__isnull=True, discarded=False, last_seen_at__gte=now - window())
                .prefetch_related("memberships__article__outlet").order_by("-pinned", "-score", "pk"))


# -- the editor's decisions -----------------------------------------------------------------------

def decide(action: str, story: Story, user=None, other: Story | None = None, articles=(), note: str = "") -> None:
    EditorDecision.objects.create(action=action, story=story, other=other, articles=[str(a) for a in articles],
                                  note=note[:300], by=user if user and user.is_authenticated else None)


def pin(story: Story, user=None, pinned: bool = True) -> None:
    Story.objects.filter(pk=story.pk).update(pinned=pinned)
    decide(EditorDecision.Action.PIN if pinned else EditorDecision.Action.UNPIN, story, user)


def discard(story: Story, user=None, discarded: bool = True) -> None:
    """A discarded story keeps absorbing its event's new articles, and stays out of the list."""
    Story.objects.filter(pk=story.pk).update(discarded=discarded)
    decide(EditorDecision.Action.DISCARD if discarded else EditorDecision.Action.RESTORE, story, user)


@transaction.atomic
def merge(stories: list[Story], user=None) -> Story:
    """Move every article into the first story; the others point to it."""
    if len(stories) < 2:
        raise ValueError("merging needs at least two stories")
    survivor, others = stories[0], stories[1:]
    for other in others:
        moved = list(StoryArticle.objects.filter(story=other).values_list("article__uid", flat=True))
        StoryArticle.objects.filter(story=other).update(story=survivor, by_editor=True)
        Story.objects.filter(pk=other.pk).update(merged_into=survivor)
        decide(EditorDecision.Action.MERGE, survivor, user, other=other, articles=moved)
    refresh(Story.objects.filter(pk=survivor.pk), timezone.now())
    return survivor


@transaction.atomic
def split(story: Story, memberships: list[StoryArticle], user=None) -> Story:
    """Move the chosen articles out into a new story of their own."""
    ids = [m.pk for m in memberships if m.story_id == story.pk]
    if not ids or len(ids) == story.memberships.count():
        raise ValueError("choose some, not all, of the story's articles")
    new = Story.objects.create(title=memberships[0].article.title)
    StoryArticle.objects.filter(pk__in=ids).update(story=new, by_editor=True)
    decide(EditorDecision.Action.SPLIT, story, user, other=new,
           articles=[m.article.uid for m in memberships if m.pk in ids])
    refresh(Story.objects.filter(pk__in=[story.pk, new.pk]), timezone.now())
    return new


@transaction.atomic
def start_draft(story: Story, user=None):
    """An empty article in the issue in preparation (opened when there is none), with the story's sources
    attached."""
    from demain.issues.models import Article as IssueArticle, ArticleSource
    from demain.issues.services import issue_in_preparation

    issue = issue_in_preparation()
    position = (issue.articles.aggregate(last=Max("position"))["last"] or 0) + 1
    article = IssueArticle.objects.create(issue=issue, position=position, title="")
    for index, member in enumerate(story.memberships.select_related("article__outlet").order_by("added_at")):
        ArticleSource.objects.create(article=article, position=index,
                                     label=f"{member.article.outlet.name} — {member.article.title}"[:300],
                                     url=member.article.url)
    decide(EditorDecision.Action.DRAFT, story, user, note=f"n° {issue.number}, article {position}")
    return article


def as_dict(story: Story) -> dict:
    """A story as `demain stories --json` prints it."""
    members = sorted(story.memberships.all(), key=lambda m: (when(m.article), m.pk))
    return {
        "id": story.pk, "title": story.title, "score": story.score, "pinned": story.pinned,
        "first_seen": story.first_seen_at.isoformat(), "last_seen": story.last_seen_at.isoformat(),
        "parts": {p["name"]: p["value"] for p in story.score_parts},
        "explanation": story.score_parts,
        "sources": sorted({m.article.outlet.name for m in members}),
        "articles": [{"uid": str(m.article.uid), "title": m.article.title, "url": m.article.url,
                      "outlet": m.article.outlet.name, "language": m.article.language,
                      "published": when(m.article).isoformat()} for m in members],
        "figures": story.figures, "disagreements": story.disagreements,
    }
