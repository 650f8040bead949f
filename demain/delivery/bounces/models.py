"""Bounce and complaint events, kept as received before anything is done with them."""

from __future__ import annotations

from django.db import models


class BounceEvent(models.Model):
    """One provider event (or DSN) about one address, with the payload it came in."""

    class Provider(models.TextChoices):
        GENERIC = "generic", "Générique (JSON)"
        SES = "ses", "Amazon SES"
        POSTMARK = "postmark", "Postmark"
        MAILBOX = "mailbox", "Boîte de rebonds"
        FILE = "file", "Fichier importé"

    class Kind(models.TextChoices):
        HARD = "hard", "Rebond permanent"
        SOFT = "soft", "Rebond temporaire"
        COMPLAINT = "complaint", "Plainte"
        NOTICE = "notice", "Avis sans effet"

    provider = models.CharField("fournisseur", max_length=16, choices=Provider.choices)
    kind = models.CharField("type", max_length=16, choices=Kind.choices)
    email = models.CharField("adresse", max_length=320, blank=True)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    reason = models.TextField("motif", blank=True)
    event_key = models.CharField(
        "identifiant", max_length=64, help_text="Empreinte de l’identité de l’événement chez le fournisseur (dédoublonnage)."
    )
    raw = models.TextField("données reçues", help_text="Le corps de la requête ou le message, tel que reçu.")
    received_at = models.DateTimeField("reçu le", auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField("traité le", null=True, blank=True)
    error = models.TextField("erreur de traitement", blank=True)

    class Meta:
        app_label = "delivery"
        ordering = ["-received_at", "-id"]
        verbose_name = "rebond ou plainte"
        verbose_name_plural = "rebonds et plaintes"
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_key"], name="bounceevent_unique_key"),
        ]
        indexes = [models.Index(fields=["email_hash", "kind", "received_at"], name="bounceevent_soft_count")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.email or '—'} ({self.get_provider_display()})"

    @property
    def processed(self) -> bool:
        return self.processed_at is not None
