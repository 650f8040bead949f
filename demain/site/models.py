"""The site's own pages (legal notice, privacy policy), and the archive readers search and question.

- :class:`Passage`: one passage of a published article or editorial, the unit that
  search and questions retrieve and cite (with its embedding for the hybrid retrieval).
- :class:`Question`: a question a reader asked: its text and time only, never the IP.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.urls import reverse

from demain.issues.models import paragraphs


class LegalPage(models.Model):
    class Kind(models.TextChoices):
        NOTICE = "mentions-legales", "Mentions légales"
        PRIVACY = "confidentialite", "Politique de confidentialité"

    slug = models.SlugField("page", unique=True, choices=Kind.choices)
    title = models.CharField("titre", max_length=120)
    body = models.TextField(
        "texte", help_text="Une ligne vide sépare les paragraphes. « ## Titre » ouvre une partie ; "
                           "des lignes qui commencent par « - » forment une liste.")
    updated_at = models.DateTimeField("mise à jour", auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = "page légale"
        verbose_name_plural = "pages légales"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(URL_NAMES[self.slug])

    def blocks(self) -> list[tuple[str, object]]:
        """("heading", text), ("list", [items]) or ("paragraph", text), in order."""
        found = []
        for block in paragraphs(self.body):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            if block.startswith("## "):
                found.append(("heading", block[3:].strip()))
            elif all(line.startswith("- ") for line in lines):
                found.append(("list", [line[2:].strip() for line in lines]))
            else:
                found.append(("paragraph", " ".join(lines)))
        return found


URL_NAMES = {LegalPage.Kind.NOTICE: "legal_notice", LegalPage.Kind.PRIVACY: "privacy_policy"}


class Passage(models.Model):
    """One passage of a published issue: a paragraph of an article (or of the editorial)."""

    issue = models.ForeignKey("issues.Issue", on_delete=models.CASCADE, related_name="passages",
                              verbose_name="numéro")
    article = models.ForeignKey("issues.Article", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="passages", verbose_name="article")  # None: the editorial
    position = models.PositiveIntegerField("position", default=0)
    anchor = models.CharField("ancre", max_length=64)  # « article-2 », « edito »
    title = models.CharField("titre", max_length=300, blank=True)
    text = models.TextField("texte")
    embedding = models.BinaryField("plongement", null=True, blank=True)  # float32 little-endian, normalised
    indexed_at = models.DateTimeField("indexé le", default=timezone.now)

    class Meta:
        ordering = ["issue", "position"]
        verbose_name = "passage"
        indexes = [models.Index(fields=["issue", "position"]),
                   models.Index(fields=["indexed_at"], name="passage_indexed_at")]  # the retrieval cache's stamp

    def __str__(self) -> str:
        return f"{self.issue_id}#{self.anchor} ({self.position})"

    def get_absolute_url(self) -> str:
        return f"{reverse('issue_detail', args=[self.issue.number])}#{self.anchor}"


class Question(models.Model):
    """A reader's question: ideas for future issues. Only its text and time are kept, never the IP."""

    text = models.TextField("question")
    asked_at = models.DateTimeField("posée le", default=timezone.now, db_index=True)
    answered = models.BooleanField("répondue", default=False)
    citations = models.JSONField("passages cités", default=list, blank=True)  # [url, …]

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = "question de lecteur"
        verbose_name_plural = "questions de lecteurs"

    def __str__(self) -> str:
        return self.text[:80]
