"""The archive's passages follow the issues: written on publish, rewritten on edit, removed on unpublish."""

import numpy as np
import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from demain.issues.models import AppReview, Article, Issue
from demain.site.archive.index import embed_pending, reindex_all, split_issue
from demain.site.archive.search import search
from demain.site.models import Passage
from tests.search.archive_helpers import fts_rows, publish, sample_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def urls(query: str) -> list[str]:
    return [hit.url for hit in search(query, 20)]


def test_it_indexes_nothing_before_publication_and_everything_on_publish():
    issue = sample_issue(published=False)
    assert Passage.objects.count() == 0
    assert urls("invendus") == []

    publish(issue)
    passages = list(Passage.objects.filter(issue=issue))
    assert {p.anchor for p in passages} == {"edito", "article-1", "article-2", "app-sous-le-radar"}
    assert [p.position for p in passages] == list(range(1, len(passages) + 1))
    # Every paragraph of the editorial, each article (facts, turn, analysis, closing) and the app review.
    texts = [p.text for p in passages]
    assert texts[0].startswith("Les fours à pain apprennent à parler.")
    assert "Le pétrin, lui, ne dit rien." in texts
    assert "Le modèle ignore la météo, et un dimanche de pluie suffit à tout dérégler." in texts
    assert "Le cadenas à clé a encore de beaux jours." in texts
    assert "Utile pour commencer." in texts
    assert "Sauf que." not in texts  # a signpost alone is not a passage
    article = issue.articles.get(position=1)
    assert all(p.title == "Pain sur la planche" and p.article == article for p in passages if p.anchor == "article-1")
    assert all(p.article is None for p in passages if p.anchor in ("edito", "app-sous-le-radar"))
    assert urls("invendus") == ["/numeros/7/#article-1"]
    if connection.vendor == "sqlite":
        assert fts_rows() == len(passages)


def test_it_rewrites_the_passages_when_a_published_article_changes():
    issue = sample_issue()
    vector = np.ones(384, dtype="<f4") / np.sqrt(384)
    Passage.objects.update(embedding=vector.tobytes())
    article = issue.articles.get(position=2)
    article.facts = "Un fabricant de cadenas publie une mise à jour qui bloque les portails des clients."
    article.save()

    assert urls("serrures") == []
    assert urls("portails") == ["/numeros/7/#article-2"]
    changed = Passage.objects.get(text__startswith="Un fabricant de cadenas")
    assert changed.embedding is None  # to be embedded again
    unchanged = Passage.objects.get(text="Le cadenas à clé a encore de beaux jours.")
    assert bytes(unchanged.embedding) == vector.tobytes()  # kept: same title, same text
    if connection.vendor == "sqlite":
        assert fts_rows() == Passage.objects.count()


def test_it_follows_the_app_review_and_articles_added_or_deleted():
    issue = sample_issue()
    review = AppReview.objects.get(issue=issue)
    review.verdict = "Indispensable pour les artisans pressés."
    review.save()
    assert urls("artisans") == ["/numeros/7/#app-sous-le-radar"]

    Article.objects.create(issue=issue, position=3, title="Le troisième larron",
                           facts="Une coopérative agricole prévoit ses récoltes avec un réseau de capteurs.")
    assert urls("cooperative") == ["/numeros/7/#article-3"]
    issue.articles.get(position=3).delete()
    assert urls("cooperative") == []


def test_it_removes_an_unpublished_issue_from_the_index():
    issue = sample_issue()
    other = sample_issue(number=8)
    assert len(urls("invendus")) == 2

    issue.status = Issue.Status.DRAFT  # taken back by the editor, however it happens
    issue.save()
    assert Passage.objects.filter(issue=issue).count() == 0
    assert urls("invendus") == ["/numeros/8/#article-1"]
    if connection.vendor == "sqlite":
        assert fts_rows() == Passage.objects.filter(issue=other).count()


def test_it_removes_a_deleted_issue_from_the_index():
    issue = sample_issue()
    kept = sample_issue(number=8)
    issue.delete()
    assert not Passage.objects.filter(issue_id=issue.pk).exists()
    assert urls("invendus") == ["/numeros/8/#article-1"]
    if connection.vendor == "sqlite":
        assert fts_rows() == Passage.objects.filter(issue=kept).count()


def test_it_queues_the_embedding_once_the_publication_commits(django_capture_on_commit_callbacks):
    issue = sample_issue(published=False)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(issue)
        issue.articles.get(position=1).save()  # a second rewrite in the same transaction
    assert DBTaskResult.objects.filter(task_path="demain.site.archive.tasks.embed_passages").count() == 1
    assert len([c for c in callbacks if getattr(c, "__name__", "") == "enqueue_embedding"]) == 1


class FakeEmbedder:
    """Counts what it is asked; its vectors are not normalised, to check that they are stored so."""

    def __init__(self):
        self.texts = []

    def embed(self, texts):
        self.texts += texts
        return np.full((len(texts), 384), 3.0, dtype=np.float32)


def test_it_embeds_only_the_passages_without_a_vector():
    sample_issue()
    total = Passage.objects.count()
    model = FakeEmbedder()
    assert embed_pending(embedder=model) == total
    assert model.texts[0].startswith("Éditorial\n")  # the title gives the model its context
    vectors = [np.frombuffer(bytes(p.embedding), dtype="<f4") for p in Passage.objects.all()]
    assert all(abs(np.linalg.norm(v) - 1) < 1e-5 for v in vectors)
    assert embed_pending(embedder=model) == 0


def test_it_rebuilds_the_whole_index():
    issue = sample_issue()
    expected = len(split_issue(issue))
    Passage.objects.all().delete()
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.PUBLISHED)  # no signal: an index left behind
    assert reindex_all() == expected
    assert urls("invendus") == ["/numeros/7/#article-1"]


def test_it_rebuilds_from_the_command_line(capsys):
    import io
    import json

    from django.core.management import call_command

    issue = sample_issue()
    Passage.objects.all().delete()
    out = io.StringIO()
    call_command("reindex", "--no-embed", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data == {"issues": 1, "passages": len(split_issue(issue)), "embedded": 0,
                    "without_embedding": len(split_issue(issue))}
    assert urls("invendus") == ["/numeros/7/#article-1"]


def test_it_reloads_the_embedding_matrix_when_the_index_changes():
    from demain.site.archive.vectors import vector_index

    first = sample_issue()
    embed_pending(embedder=FakeEmbedder())
    ids, matrix = vector_index.current()
    assert sorted(ids) == sorted(Passage.objects.values_list("pk", flat=True)) and matrix.shape == (len(ids), 384)

    second = sample_issue(number=8)
    assert len(vector_index.current()[0]) == len(ids)  # the new passages have no vector yet
    embed_pending(embedder=FakeEmbedder())
    assert len(vector_index.current()[0]) == Passage.objects.count() == 2 * len(ids)

    second.status = Issue.Status.DRAFT
    second.save()
    assert sorted(vector_index.current()[0]) == sorted(Passage.objects.filter(issue=first).values_list("pk", flat=True))


def counting_reindex(monkeypatch) -> list[int]:
    """Record each issue the archive's signals index (the real work still runs)."""
    from demain.site.archive import signals

    calls = []
    real = signals.reindex_issue

    def counted(issue, *args, **kwargs):
        calls.append(issue.pk)
        return real(issue, *args, **kwargs)

    monkeypatch.setattr(signals, "reindex_issue", counted)
    return calls


def test_it_indexes_an_issue_once_per_edit_however_many_rows_it_saves(monkeypatch):
    from demain.issues.services import editing

    issue = sample_issue()
    calls = counting_reindex(monkeypatch)
    with editing():
        issue.title = "Numéro retouché"
        issue.save()
        for article in issue.articles.all():
            article.facts = f"Les portails de l’article {article.position} changent de fournisseur."
            article.save()
        assert calls == []  # nothing yet: inside the edit
    assert calls == [issue.pk]
    assert sorted(urls("portails")) == ["/numeros/7/#article-1", "/numeros/7/#article-2"]
    assert urls("invendus") == []  # the old facts are gone from the index


def test_it_indexes_once_when_the_admin_saves_an_issue_and_its_articles(monkeypatch, client):
    from django.contrib.auth.models import User
    from django.urls import reverse

    from tests.test_issue_admin import form_data

    issue = sample_issue()
    client.force_login(User.objects.create_superuser("editrice", "editrice@demain.example", "motdepasse-long"))
    url = reverse("admin:issues_issue_change", args=[issue.pk])
    data = form_data(client.get(url).content.decode())
    data["title"] = "Un titre revu"
    data["articles-0-facts"] = "Les boulangers comparent les portails de commande en ligne."
    data["articles-1-facts"] = "Un serrurier compare les portails connectés du quartier."
    calls = counting_reindex(monkeypatch)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert calls == [issue.pk]
    assert sorted(urls("portails")) == ["/numeros/7/#article-1", "/numeros/7/#article-2"]


def test_it_removes_the_passages_once_when_an_edit_unpublishes(monkeypatch):
    from demain.issues.services import editing

    issue = sample_issue()
    with editing():
        Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.DRAFT)
        issue.refresh_from_db()
        issue.save()
        issue.articles.first().save()
    assert Passage.objects.filter(issue=issue).count() == 0
    assert urls("invendus") == []
