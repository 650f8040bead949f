"""Gated downloads: private files handed out through signed, limited links."""

from __future__ import annotations

import mimetypes
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse


def private_storage() -> FileSystemStorage:
    """Files outside MEDIA_ROOT with no public URL: only the download view serves them."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def private_path(instance: "Resource", filename: str) -> str:
    return f"resources/{secrets.token_hex(16)}/{PurePath(filename).name}"


class Resource(models.Model):
    slug = models.SlugField("adresse", unique=True)
    title = models.CharField("titre", max_length=160)
    description = models.TextField("description", blank=True)
    file = models.FileField("fichier", storage=private_storage, upload_to=private_path, max_length=300)
    published = models.BooleanField("publiée", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "ressource à télécharger"
        verbose_name_plural = "ressources à télécharger"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("audience:resource", args=[self.slug])

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(self.filename)[0] or "application/octet-stream"


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class DownloadLead(models.Model):
    """Someone who asked for a resource: who, what, when, and whether they downloaded it."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="leads", verbose_name="ressource")
    email = models.EmailField("adresse e-mail")
    name = models.CharField("nom", max_length=120, blank=True)
    newsletter = models.BooleanField("veut la lettre", default=False)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    uses = models.PositiveSmallIntegerField("téléchargements", default=0)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    email_sent_at = models.DateTimeField("lien envoyé le", null=True, blank=True)
    first_downloaded_at = models.DateTimeField("premier téléchargement", null=True, blank=True)
    last_downloaded_at = models.DateTimeField("dernier téléchargement", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "demande de téléchargement"
        verbose_name_plural = "demandes de téléchargement"

    def __str__(self) -> str:
        return f"{self.email} → {self.resource}"

    @property
    def downloaded(self) -> bool:
        return self.uses > 0
