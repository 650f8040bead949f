"""Offer pages (services, the talk, training, contact) and the requests their forms send."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class OfferPage(models.Model):
    class Form(models.TextChoices):
        NONE = "", "Aucun"
        SERVICES = "services", "Demande de projet"
        TALK = "talk", "Demande de conférence"
        TRAINING = "training", "Demande de formation"
        CONTACT = "contact", "Contact"

    slug = models.SlugField("adresse", unique=True)
    title = models.CharField("titre", max_length=120)
    summary = models.CharField("accroche", max_length=300, blank=True)
    body = models.TextField("texte", blank=True, help_text="Texte brut ; une ligne vide sépare les paragraphes.")
    form = models.CharField("formulaire", max_length=16, choices=Form.choices, blank=True)
    menu_order = models.PositiveSmallIntegerField("ordre dans le menu", default=100)
    in_menu = models.BooleanField("dans le menu", default=True)

    class Meta:
        ordering = ["menu_order", "title"]
        verbose_name = "page d’offre"
        verbose_name_plural = "pages d’offre"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("audience:offer", args=[self.slug])


class PageSection(models.Model):
    """A titled part of a page: the talk's outline, the parts of a service…"""

    page = models.ForeignKey(OfferPage, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField("position", default=1)
    title = models.CharField("titre", max_length=160)
    body = models.TextField("texte", blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "partie"

    def __str__(self) -> str:
        return self.title or f"Partie {self.position}"


class TrainingModule(models.Model):
    number = models.PositiveSmallIntegerField("numéro", unique=True)
    title = models.CharField("titre", max_length=160)
    summary = models.TextField("résumé")
    duration = models.CharField("durée", max_length=40, help_text="Par exemple « 3 h » ou « 1 jour ».")
    introduction = models.BooleanField(
        "tronc commun", default=False,
        help_text="Les modules du tronc commun sont suivis par tous ; les autres se choisissent à la carte.",
    )

    class Meta:
        ordering = ["number"]
        verbose_name = "module de formation"
        verbose_name_plural = "modules de formation"

    def __str__(self) -> str:
        return f"Module {self.number} : {self.title}"


class Inquiry(models.Model):
    """A request sent through one of the offer pages' forms."""

    Kind = OfferPage.Form

    kind = models.CharField("formulaire", max_length=16, choices=OfferPage.Form.choices)
    page = models.ForeignKey(OfferPage, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="page")
    name = models.CharField("nom", max_length=120)
    email = models.EmailField("adresse e-mail")
    organisation = models.CharField("entreprise ou organisation", max_length=160, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    preferred_date = models.CharField("date souhaitée", max_length=80, blank=True)
    audience_size = models.PositiveIntegerField("nombre de participants", null=True, blank=True)
    modules = models.ManyToManyField(TrainingModule, blank=True, verbose_name="modules choisis")
    message = models.TextField("message", blank=True)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    handled = models.BooleanField("traitée", default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "demande"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.name}"
