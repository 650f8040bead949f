"""Readers: newsletter subscribers and the addresses never to mail again."""

from __future__ import annotations

import hashlib

from django.db import models


def email_hash(email: str) -> str:
    """Stable hash of a normalised address, kept after erasure for suppression."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En attente de confirmation"
        CONFIRMED = "confirmed", "Confirmé"
        UNSUBSCRIBED = "unsubscribed", "Désinscrit"
        BOUNCED = "bounced", "Adresse en échec"

    email = models.EmailField("adresse e-mail", unique=True)
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.PENDING)
    interests = models.JSONField("centres d’intérêt", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "abonné"
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.email


class Suppression(models.Model):
    """An address that must never be mailed again (erased, bounced, complained)."""

    class Reason(models.TextChoices):
        ERASED = "erased", "Données effacées"
        BOUNCED = "bounced", "Rebond permanent"
        COMPLAINT = "complaint", "Plainte"
        MANUAL = "manual", "Manuel"

    email_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "adresse bloquée"
        verbose_name_plural = "adresses bloquées"

    @classmethod
    def covers(cls, email: str) -> bool:
        return cls.objects.filter(email_hash=email_hash(email)).exists()
