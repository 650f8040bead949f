"""The site's own pages the editor writes in the admin: the legal notice and the privacy policy."""

from __future__ import annotations

from django.db import models
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
