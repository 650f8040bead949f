"""Readers: newsletter subscribers, their consent, and the addresses never to mail again."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def email_hash(email: str) -> str:
    """Stable hash of a normalised address, kept after erasure for suppression."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Interest(models.TextChoices):
    ARTISANS = "artisans", "Artisanat"
    SERVICES = "services", "Services"
    HEALTH = "health", "Santé et pharmacie"
    AGRICULTURE = "agriculture", "Agriculture"
    COSMETICS = "cosmetics", "Cosmétique"
    TOOLS = "tools", "Outils et applications"
    ETHICS = "ethics", "Éthique et environnement"
    WORK = "work", "Emploi et compétences"


class SubscriberQuerySet(models.QuerySet):
    def mailable(self, today: date | None = None) -> "SubscriberQuerySet":
        """Confirmed, not on pause today, and not sent a letter more recently than their frequency
        allows (weekly: 7 days, monthly: 30). Suppressed addresses are checked at send time."""
        from django.apps import apps

        today = today or timezone.localdate()
        mailable = self.filter(status=Subscriber.Status.CONFIRMED).filter(
            Q(paused_until__isnull=True) | Q(paused_until__lt=today)
        )
        Delivery = apps.get_model("delivery", "Delivery")
        for frequency, days in FREQUENCY_DAYS.items():
            recent = Delivery.objects.filter(subscriber=OuterRef("pk"), status=Delivery.Status.SENT,
                                             sent_at__gte=timezone.now() - timedelta(days=days))
            mailable = mailable.exclude(Q(frequency=frequency) & Exists(recent))
        return mailable


FREQUENCY_DAYS = {"weekly": 7, "monthly": 30}


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En attente de confirmation"
        CONFIRMED = "confirmed", "Confirmé"
        UNSUBSCRIBED = "unsubscribed", "Désinscrit"
        BOUNCED = "bounced", "Adresse en échec"

    class Frequency(models.TextChoices):
        EVERY = "every", "Chaque numéro"
        WEEKLY = "weekly", "Une lettre par semaine au plus"
        MONTHLY = "monthly", "Une lettre par mois au plus"

    email = models.EmailField("adresse e-mail", unique=True)
    name = models.CharField("nom", max_length=120, blank=True, help_text="Repris d’un import, facultatif.")
    status = models.CharField("statut", max_length=16, choices=Status.choices, default=Status.PENDING)
    interests = models.JSONField("centres d’intérêt", default=list, blank=True)
    frequency = models.CharField("fréquence", max_length=16, choices=Frequency.choices, default=Frequency.EVERY)
    paused_until = models.DateField("en pause jusqu’au", null=True, blank=True)
    key = models.CharField(
        "clé des liens", max_length=32, default=new_key, editable=False,
        help_text="Entre dans chaque lien signé ; la changer invalide les anciens liens.",
    )
    confirm_nonce = models.CharField(max_length=32, default=new_key, editable=False)
    confirmation_sent_at = models.DateTimeField("dernière demande de confirmation", null=True, blank=True)
    source = models.CharField("origine", max_length=100, blank=True)
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscrit le", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné"
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.email

    def interest_labels(self) -> list[str]:
        labels = dict(Interest.choices)
        return [labels[value] for value in self.interests if value in labels]


class ConsentRecord(models.Model):
    """What a reader agreed to (or withdrew), in which words, when and from where."""

    class Action(models.TextChoices):
        REQUESTED = "requested", "Demande d’inscription"
        CONFIRMED = "confirmed", "Confirmation (double opt-in)"
        WITHDRAWN = "withdrawn", "Désinscription"
        IMPORTED = "imported", "Import (consentement recueilli par un autre outil)"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=16, choices=Action.choices)
    text = models.TextField("texte présenté", blank=True)
    version = models.CharField("version du texte", max_length=32, blank=True)
    ip_hash = models.CharField("empreinte de l’IP", max_length=64, blank=True)
    created_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "consentement"

    def __str__(self) -> str:
        return f"{self.get_action_display()} du {timezone.localtime(self.created_at):%d/%m/%Y %H:%M}"


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

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.email_hash[:12]}…)"

    @classmethod
    def covers(cls, email: str) -> bool:
        return cls.objects.filter(email_hash=email_hash(email)).exists()


class BlockedDomain(models.Model):
    """A mail domain whose addresses the forms refuse (disposable mail, abuse)."""

    domain = models.CharField("domaine", max_length=253, unique=True,
                              help_text="Par exemple « jetable.example ». Les sous-domaines sont bloqués aussi.")
    note = models.CharField("raison", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = "domaine refusé"
        verbose_name_plural = "domaines refusés"

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@.")
        super().save(*args, **kwargs)

    @classmethod
    def blocks(cls, email: str) -> bool:
        domain = email.rsplit("@", 1)[-1].lower()
        parts = domain.split(".")
        candidates = {".".join(parts[i:]) for i in range(len(parts))}
        return cls.objects.filter(domain__in=candidates).exists()
