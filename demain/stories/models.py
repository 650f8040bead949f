"""Stories: the events the sources report, their articles, and the editor's decisions on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Interest(models.Model):
    """One of the editor's topics or keywords; a story that mentions it ranks higher (or lower)."""

    term = models.CharField("thème ou mot-clé", max_length=200, unique=True)
    weight = models.FloatField("poids", default=1.0, help_text="Négatif pour écarter un thème.")

    class Meta:
        ordering = ["term"]
        verbose_name = "thème suivi"
        verbose_name_plural = "thèmes suivis"

    def __str__(self) -> str:
        return self.term


class Story(models.Model):
    """One event, as told by one or several articles."""

    title = models.TextField("titre", blank=True)
    first_seen_at = models.DateTimeField("premier article", default=timezone.now, db_index=True)
    last_seen_at = models.DateTimeField("dernier article", default=timezone.now, db_index=True)
    score = models.FloatField("score", default=0.0, db_index=True)
    score_parts = models.JSONField("détail du score", default=list, blank=True)
    sources_count = models.PositiveIntegerField("sources indépendantes", default=0)
    figures = models.JSONField("chiffres par source", default=dict, blank=True)
    disagreements = models.JSONField("désaccords", default=list, blank=True)
    pinned = models.BooleanField("épinglé", default=False)
    discarded = models.BooleanField("écarté", default=False)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="absorbed", verbose_name="fusionné dans")
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("mis à jour le", default=timezone.now)

    class Meta:
        ordering = ["-pinned", "-score"]
        verbose_name = "sujet"

    def __str__(self) -> str:
        return self.title or f"Sujet {self.pk}"


class StoryArticle(models.Model):
    """An article's place in one story; `by_editor` when the editor put it there."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships", verbose_name="sujet")
    article = models.OneToOneField("sources.Article", on_delete=models.CASCADE, related_name="story_membership",
                                   verbose_name="article")
    score = models.FloatField("score d’appartenance", null=True, blank=True)
    parts = models.JSONField("détail", default=dict, blank=True)
    by_editor = models.BooleanField("placé par la rédaction", default=False)
    added_at = models.DateTimeField("ajouté le", default=timezone.now)

    class Meta:
        ordering = ["story", "added_at"]
        verbose_name = "article du sujet"
        verbose_name_plural = "articles des sujets"

    def __str__(self) -> str:
        return str(self.article)


class EditorDecision(models.Model):
    """The audit trail: what the editor decided on which story, when. Runs respect it."""

    class Action(models.TextChoices):
        PIN = "pin", "épingler"
        UNPIN = "unpin", "désépingler"
        MERGE = "merge", "fusionner"
        SPLIT = "split", "scinder"
        DISCARD = "discard", "écarter"
        RESTORE = "restore", "rétablir"
        DRAFT = "draft", "article commencé"

    action = models.CharField("décision", max_length=10, choices=Action.choices)
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
                              verbose_name="sujet")
    other = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="autre sujet")
    articles = models.JSONField("articles", default=list, blank=True)
    note = models.CharField("note", max_length=300, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           verbose_name="par")
    at = models.DateTimeField("le", default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = "décision de la rédaction"
        verbose_name_plural = "décisions de la rédaction"

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.story}"


class ArticleEmbedding(models.Model):
    """An article's vector, kept so that each article is embedded once (until its text changes)."""

    article = models.OneToOneField("sources.Article", on_delete=models.CASCADE, related_name="embedding")
    model = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()

    class Meta:
        verbose_name = "vecteur d’article"
        verbose_name_plural = "vecteurs d’articles"

    def __str__(self) -> str:
        return f"vecteur de l’article {self.article_id} ({self.model})"
