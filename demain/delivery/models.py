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


class Campaign(models.Model):
    """One published issue sent to one segment of the confirmed subscribers.

    The issue is rendered once into ``html``/``text`` templates holding
    placeholders for the personal parts (see :mod:`demain.delivery.render`).
    """

    class Status(models.TextChoices):
        PREPARING = "preparing", "En préparation"
        SCHEDULED = "scheduled", "Programmée"
        SENDING = "sending", "En cours d’envoi"
        PAUSED = "paused", "En pause"
        CANCELLED = "cancelled", "Annulée"
        DONE = "done", "Terminée"

    issue = models.ForeignKey("issues.Issue", on_delete=models.PROTECT, related_name="campaigns",
                              verbose_name="numéro")
    interests = models.JSONField("centres d’intérêt", default=list, blank=True,
                                 help_text="Vide : tous les abonnés confirmés.")
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.PREPARING)
    send_at = models.DateTimeField("envoyer à partir de", null=True, blank=True)
    resend = models.BooleanField("renvoyer aussi à ceux qui l’ont déjà reçu", default=False,
                                 help_text="Sinon, les lecteurs qui ont déjà reçu ce numéro (ou le reçoivent en ce "
                                           "moment) sont exclus.")
    subject = models.CharField("objet", max_length=300, blank=True)
    html = models.TextField(blank=True)
    text = models.TextField(blank=True)
    boundary = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "campagne"

    def __str__(self) -> str:
        segment = ", ".join(self.interests) if self.interests else "tous"
        return f"N° {self.issue.number} → {segment}"

    @property
    def html_bytes(self) -> int:
        return len(self.html.encode())


class Delivery(models.Model):
    """One recipient of one campaign: what happened, when, and why."""

    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        SENDING = "sending", "En cours"
        SENT = "sent", "Envoyé"
        RETRY = "retry", "Échec temporaire (nouvel essai prévu)"
        FAILED = "failed", "Échec (essais épuisés)"
        BOUNCED = "bounced", "Refusé (adresse en échec)"
        UNCERTAIN = "uncertain", "Incertain (à décider)"
        SKIPPED = "skipped", "Non envoyé"

    class Phase(models.TextChoices):
        CLAIMED = "claimed", "Réservé"
        DATA = "data", "Transmission (DATA)"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey("audience.Subscriber", on_delete=models.SET_NULL, null=True,
                                   related_name="deliveries")
    email = models.CharField("adresse", max_length=254)
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=8, choices=Phase.choices, blank=True)
    attempts = models.PositiveIntegerField("essais", default=0)
    retry_at = models.DateTimeField("prochain essai", null=True, blank=True)
    smtp_code = models.PositiveIntegerField("code SMTP", null=True, blank=True)
    smtp_reply = models.CharField("réponse", max_length=500, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "envoi"
        constraints = [models.UniqueConstraint(fields=["campaign", "subscriber"], name="one_delivery_per_subscriber")]
        indexes = [
            models.Index(fields=["status", "campaign"]),
            models.Index(fields=["worker", "status"]),
            models.Index(fields=["sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_status_display()})"


class Worker(models.Model):
    """A running `demain worker` process; its heartbeat is its lease on claimed rows."""

    name = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "processus d’envoi"
        verbose_name_plural = "processus d’envoi"

    def __str__(self) -> str:
        return self.name


from demain.delivery.bounces.models import BounceEvent  # noqa: E402,F401
