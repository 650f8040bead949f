"""An issue of the newsletter: editorial, articles with sources, app review.

Multi-paragraph fields hold paragraphs separated by a blank line; use
:func:`paragraphs` to split them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        REVIEW = "review", "En relecture"
        APPROVED = "approved", "Approuvé"
        PUBLISHED = "published", "Publié"

    number = models.PositiveIntegerField("numéro", unique=True)
    date = models.DateField("date")
    title = models.CharField("titre", max_length=200)
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.DRAFT)
    editorial = models.TextField("éditorial", blank=True, help_text="Paragraphes séparés par une ligne vide.")
    editorial_punchline = models.CharField("chute de l’éditorial", max_length=300, blank=True)
    published_at = models.DateTimeField("publié le", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = "numéro"
        verbose_name_plural = "numéros"

    def __str__(self) -> str:
        return f"N° {self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("issue_detail", args=[self.number])

    @property
    def editorial_paragraphs(self) -> list[str]:
        return paragraphs(self.editorial)


class Article(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField("position", default=0)
    title = models.CharField("titre", max_length=200, blank=True)
    facts = models.TextField("faits", blank=True, help_text="Paragraphes séparés par une ligne vide.")
    turn = models.TextField("retournement", blank=True, help_text="« Sauf que. » et la suite, facultatif.")
    analysis = models.TextField("Enjeux et perspectives", blank=True)
    closing = models.TextField("chute", blank=True)

    class Meta:
        ordering = ["issue", "position"]
        verbose_name = "article"

    def __str__(self) -> str:
        return self.title or f"Article {self.position}"

    @property
    def anchor(self) -> str:
        return f"article-{self.position}"


class ArticleSource(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveIntegerField(default=0)
    label = models.CharField("libellé", max_length=300)
    url = models.URLField("URL", max_length=1000, blank=True)

    class Meta:
        ordering = ["article", "position"]
        verbose_name = "source"

    def __str__(self) -> str:
        return self.label


class AppReview(models.Model):
    """« App sous le radar : NAME » — intro, le bon, le moins bon, le verdict."""

    issue = models.OneToOneField(Issue, on_delete=models.CASCADE, related_name="app_review")
    name = models.CharField("application", max_length=200)
    intro = models.TextField("présentation", blank=True)
    good = models.TextField("le bon", blank=True)
    bad = models.TextField("le moins bon", blank=True)
    verdict = models.TextField("le verdict", blank=True)
    source_label = models.CharField("source", max_length=300, blank=True)
    source_url = models.URLField("URL de la source", max_length=1000, blank=True)

    class Meta:
        verbose_name = "app sous le radar"
        verbose_name_plural = "apps sous le radar"

    def __str__(self) -> str:
        # The admin's inline already prints « App sous le radar: » before it.
        return self.name or "(sans nom)"


class StatusChange(models.Model):
    """One step of an issue's workflow: who moved it, from what, to what, when."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=Issue.Status.choices)
    to_status = models.CharField(max_length=16, choices=Issue.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["issue", "at", "id"]
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
