"""Outlets, their sources, the articles fetched from them, and what each fetch did."""

from __future__ import annotations

import uuid
import zlib

from django.db import models
from django.utils import timezone


class Outlet(models.Model):
    """A publisher. Two feeds of one outlet count as one source when independence is judged."""

    name = models.CharField("nom", max_length=200, unique=True)
    website = models.URLField("site", max_length=500, blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = "média"
        verbose_name_plural = "médias"

    def __str__(self) -> str:
        return self.name


class Source(models.Model):
    class Kind(models.TextChoices):
        RSS = "rss", "RSS"
        ATOM = "atom", "Atom"
        JSONFEED = "jsonfeed", "JSON Feed"
        PAGE = "page", "Page web"

    name = models.CharField("nom", max_length=200)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources", verbose_name="média")
    kind = models.CharField("type", max_length=10, choices=Kind.choices, default=Kind.RSS)
    url = models.URLField("adresse du flux ou de la page", max_length=2000, unique=True)
    site_url = models.URLField("site", max_length=2000, blank=True)
    weight = models.FloatField("poids", default=1.0)
    language = models.CharField("langue", max_length=10, blank=True, help_text="fr, en… vide si inconnue")
    active = models.BooleanField("active", default=True)
    feed_version = models.CharField("format détecté", max_length=20, blank=True)
    # Conditional GET: the server's validators, stored and sent back unchanged.
    etag = models.TextField("ETag", blank=True)
    last_modified = models.TextField("Last-Modified", blank=True)
    next_poll_at = models.DateTimeField("prochaine lecture", null=True, blank=True, db_index=True)
    failure_count = models.PositiveIntegerField("échecs consécutifs", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    last_status = models.PositiveSmallIntegerField("dernier statut HTTP", null=True, blank=True)
    last_fetched_at = models.DateTimeField("dernière lecture", null=True, blank=True)
    last_success_at = models.DateTimeField("dernière réussite", null=True, blank=True)
    # A worker owns the source while claimed_until is in the future (conditional UPDATE).
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_by = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField("créée le", default=timezone.now)

    class Meta:
        ordering = ["outlet__name", "name"]
        verbose_name = "source"

    def __str__(self) -> str:
        return self.name

    @property
    def is_feed(self) -> bool:
        return self.kind != self.Kind.PAGE


class Article(models.Model):
    """One article, whatever the number of URLs, feeds and edits it went through.

    ``uid`` is its identity for other stages: it never changes when the title is edited or
    the text updated (the older versions go to ArticleRevision).
    """

    uid = models.UUIDField("identifiant", default=uuid.uuid4, unique=True, editable=False)
    canonical_url = models.CharField("URL canonique", max_length=2000, unique=True)
    url = models.URLField("URL lue", max_length=2000)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles", verbose_name="média")
    title = models.TextField("titre", blank=True)
    text = models.TextField("texte", blank=True)
    author = models.CharField("auteur", max_length=500, blank=True)
    published_at = models.DateTimeField("publié le", null=True, blank=True, db_index=True)
    language = models.CharField("langue", max_length=10, blank=True)
    content_hash = models.CharField("empreinte du texte", max_length=64, db_index=True)
    tdm_reserved = models.BooleanField("fouille de textes réservée (TDM)", default=False,
                                       help_text="L’éditeur s’oppose à la fouille : le texte ne va pas à un modèle de langue.")
    tdm_source = models.CharField("réserve lue dans", max_length=20, blank=True)
    tdm_policy = models.CharField("politique TDM", max_length=2000, blank=True)
    raw = models.BinaryField("réponse brute (zlib)", editable=False)
    raw_content_type = models.CharField(max_length=200, blank=True, editable=False)
    raw_charset = models.CharField(max_length=40, blank=True, editable=False)
    raw_size = models.PositiveIntegerField("taille de la réponse", default=0)
    first_seen_at = models.DateTimeField("vu la première fois", default=timezone.now, db_index=True)
    fetched_at = models.DateTimeField("lu le", default=timezone.now)
    updated_at = models.DateTimeField("mis à jour le", default=timezone.now)

    class Meta:
        ordering = ["-first_seen_at"]
        verbose_name = "article"

    def __str__(self) -> str:
        return self.title or self.url

    @staticmethod
    def compress(body: bytes) -> bytes:
        return zlib.compress(body, 6)

    def raw_body(self) -> bytes:
        """The response body exactly as received (content-encoding removed)."""
        return zlib.decompress(bytes(self.raw)) if self.raw else b""


class ArticleRevision(models.Model):
    """An earlier version of an article, kept when its title or text changed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.TextField("titre", blank=True)
    text = models.TextField("texte", blank=True)
    author = models.CharField("auteur", max_length=500, blank=True)
    published_at = models.DateTimeField("publié le", null=True, blank=True)
    content_hash = models.CharField(max_length=64)
    raw = models.BinaryField("réponse brute (zlib)", editable=False)
    fetched_at = models.DateTimeField("lu le")
    replaced_at = models.DateTimeField("remplacé le", default=timezone.now)

    class Meta:
        ordering = ["-replaced_at"]
        verbose_name = "révision"

    def __str__(self) -> str:
        return f"{self.title} ({self.fetched_at:%Y-%m-%d %H:%M})"


class Sighting(models.Model):
    """One place an article was seen: a source and the URL it gave."""

    class Match(models.TextChoices):
        NEW = "new", "nouvel article"
        URL = "url", "même URL canonique"
        HASH = "hash", "même texte"
        NEAR = "near", "texte presque identique"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sightings")
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="sightings")
    url = models.URLField(max_length=2000)
    title = models.TextField("titre vu", blank=True)
    match = models.CharField("rapprochement", max_length=10, choices=Match.choices, default=Match.NEW)
    similarity = models.FloatField("similarité", null=True, blank=True)
    seen_at = models.DateTimeField("vu le", default=timezone.now)

    class Meta:
        ordering = ["seen_at"]
        verbose_name = "apparition"
        constraints = [models.UniqueConstraint(fields=["article", "source", "url"], name="sighting_once")]

    def __str__(self) -> str:
        return self.url


class FetchLog(models.Model):
    """What one request of the fetcher did; errors keep their reason."""

    class Outcome(models.TextChoices):
        FETCHED = "fetched", "lu"
        NOT_MODIFIED = "not_modified", "inchangé (304)"
        NEW = "new", "nouvel article"
        UPDATED = "updated", "article mis à jour"
        DUPLICATE = "duplicate", "doublon"
        ROBOTS = "robots", "refusé par robots.txt"
        THROTTLED = "throttled", "différé (Retry-After)"
        FORBIDDEN = "forbidden", "interdit (403)"
        ERROR = "error", "erreur"

    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="logs")
    url = models.URLField(max_length=2000)
    at = models.DateTimeField("le", default=timezone.now, db_index=True)
    outcome = models.CharField("résultat", max_length=20, choices=Outcome.choices)
    status = models.PositiveSmallIntegerField("statut HTTP", null=True, blank=True)
    error = models.TextField("erreur", blank=True)
    size = models.PositiveIntegerField("octets", default=0)
    duration_ms = models.PositiveIntegerField("durée (ms)", default=0)
    worker = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "journal de lecture"
        verbose_name_plural = "journal de lecture"

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.url}"


class Host(models.Model):
    """Per-host politeness shared by every worker: one request at a time, delays, refusals."""

    name = models.CharField("hôte", max_length=300, unique=True)
    busy_until = models.DateTimeField(null=True, blank=True)
    next_request_at = models.DateTimeField(null=True, blank=True)
    blocked_until = models.DateTimeField("en pause jusqu’au", null=True, blank=True)
    blocked_reason = models.TextField("raison de la pause", blank=True)
    robots_status = models.PositiveSmallIntegerField(null=True, blank=True)
    robots_txt = models.TextField("robots.txt", blank=True)
    robots_fetched_at = models.DateTimeField("robots.txt lu le", null=True, blank=True)
    tdmrep = models.TextField("tdmrep.json", blank=True)
    tdmrep_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "hôte"

    def __str__(self) -> str:
        return self.name


class UrlThrottle(models.Model):
    """A URL the server asked us to leave alone (429/503 + Retry-After) until ``until``."""

    url = models.URLField(max_length=2000, unique=True)
    host = models.ForeignKey(Host, on_delete=models.CASCADE, related_name="throttles")
    until = models.DateTimeField("jusqu’au", db_index=True)
    status = models.PositiveSmallIntegerField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "URL différée"
        verbose_name_plural = "URL différées"
