"""Outgoing mail: the local outbox (embedded default)."""

from __future__ import annotations

from django.db import models


class OutboxMessage(models.Model):
    """A message the `outbox` email backend kept instead of sending it."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_email = models.CharField(max_length=300)
    to = models.TextField(help_text="Destinataires, un par ligne.")
    subject = models.CharField(max_length=500)
    message_id = models.CharField(max_length=300, blank=True)
    raw = models.TextField(help_text="Le message MIME complet, tel qu’il serait envoyé.")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "message de la boîte d’envoi"
        verbose_name_plural = "boîte d’envoi locale"

    def __str__(self) -> str:
        return f"{self.subject} → {self.to.splitlines()[0] if self.to else '?'}"
from demain.delivery.bounces.models import BounceEvent  # noqa: E402,F401
