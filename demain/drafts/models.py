"""Drafts: a story drafted by a backend, its checker findings, and the footprint ledger.

- :class:`Draft`: one drafting of one story, filling one article of a draft issue.
  Its ``text`` is the house-format draft the editor edits; ``sources`` is the
  snapshot of the source texts it is checked against.
- :class:`CheckItem`: one figure, quote or name of the draft and what the
  sources say about it. Unsupported and contradicted items block approval
  until the text is fixed (a new check) or the item is accepted with a reason.
- :class:`Generation`: the footprint ledger, one row per call to a backend
  (drafting, or answering a reader's question), with its energy, CO2e and
  water and the perimeter they count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Draft(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        RUNNING = "running", "En cours"
        CHECKED = "checked", "Vérifié"
        FAILED = "failed", "Échec"
        APPROVED = "approved", "Approuvé"

    story = models.ForeignKey("stories.Story", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="drafts", verbose_name="sujet")
    article = models.ForeignKey("issues.Article", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="drafts", verbose_name="article du numéro")
    kind = models.CharField("genre", max_length=16, default="article")  # article | app_review
    backend = models.CharField("moteur", max_length=32)
    model = models.CharField("modèle", max_length=200, blank=True)
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    text = models.TextField("texte", blank=True)
    data = models.JSONField("réponse validée", default=dict, blank=True)
    sources = models.JSONField("sources", default=list, blank=True)  # [{name, url, text, language, tdm_reserved}]
    notes = models.JSONField("notes", default=list, blank=True)
    left_out = models.JSONField("articles non transmis", default=list, blank=True)
    lint = models.JSONField("relecture typographique", default=list, blank=True)
    prompt_version = models.CharField("version du prompt", max_length=64, blank=True)
    error = models.TextField("erreur", blank=True)
    checked_at = models.DateTimeField("vérifié le", null=True, blank=True)
    approved_at = models.DateTimeField("approuvé le", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="approuvé par")
    # SHA-256 of the issue article as approval wrote it: a later edit there needs a new check.
    approved_digest = models.CharField("empreinte à l’approbation", max_length=64, blank=True, editable=False)
    batch = models.CharField("lot", max_length=36, blank=True, db_index=True, editable=False)  # one « Rédiger » click
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "brouillon"

    def __str__(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first[:80] or f"Brouillon {self.pk}"


class CheckItem(models.Model):
    class Kind(models.TextChoices):
        FIGURE = "figure", "chiffre"
        QUOTE = "quote", "citation"
        ENTITY = "entity", "nom"

    class Status(models.TextChoices):
        SUPPORTED = "supported", "étayé"
        UNSUPPORTED = "unsupported", "non étayé"
        CONTRADICTED = "contradicted", "contredit"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="items", verbose_name="brouillon")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField("élément")
    kind = models.CharField("genre", max_length=16, choices=Kind.choices)
    status = models.CharField("verdict", max_length=16, choices=Status.choices)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    source = models.CharField("source", max_length=300, blank=True)
    snippet = models.TextField("extrait de la source", blank=True)
    reason = models.CharField("motif", max_length=32, blank=True)
    explanation = models.TextField("explication", blank=True)
    accepted_reason = models.TextField("accepté parce que", blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="accepté par")
    accepted_at = models.DateTimeField("accepté le", null=True, blank=True)

    class Meta:
        ordering = ["draft", "position"]
        verbose_name = "élément vérifié"
        verbose_name_plural = "éléments vérifiés"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} « {self.text} » : {self.get_status_display()}"

    @property
    def blocking(self) -> bool:
        return self.status != self.Status.SUPPORTED and not self.accepted_reason.strip()


class Generation(models.Model):
    """One call to a backend and what it cost: the footprint ledger."""

    class Purpose(models.TextChoices):
        DRAFT = "draft", "rédaction"
        QUESTION = "question", "réponse à un lecteur"

    purpose = models.CharField("usage", max_length=16, choices=Purpose.choices, default=Purpose.DRAFT)
    draft = models.ForeignKey(Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="generations",
                              verbose_name="brouillon")
    issue = models.ForeignKey("issues.Issue", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="generations", verbose_name="numéro")
    backend = models.CharField("moteur", max_length=32)
    model = models.CharField("modèle", max_length=200, blank=True)
    input_tokens = models.PositiveIntegerField("jetons en entrée", default=0)
    output_tokens = models.PositiveIntegerField("jetons en sortie", default=0)
    wall_seconds = models.FloatField("durée (s)", default=0.0)
    cpu_seconds = models.FloatField("temps CPU (s)", default=0.0)
    cached = models.BooleanField("réponse en cache", default=False)
    energy_wh = models.FloatField("énergie (Wh)", null=True, blank=True)
    co2e_g = models.FloatField("CO2e (g)", null=True, blank=True)
    water_l = models.FloatField("eau (L)", null=True, blank=True)
    method = models.CharField("méthode", max_length=32, blank=True)
    included = models.JSONField("compté", default=list, blank=True)
    excluded = models.JSONField("non compté", default=list, blank=True)
    notes = models.JSONField("notes", default=list, blank=True)
    created_at = models.DateTimeField("le", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "génération"

    def __str__(self) -> str:
        return f"{self.backend} {self.model} ({self.created_at:%Y-%m-%d %H:%M})"
