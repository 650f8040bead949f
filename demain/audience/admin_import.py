"""The admin page that imports subscribers from a CSV file: upload → preview → confirm with a consent source."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from demain.audience import importing
from demain.lib.houseformat.typography import plural

SALT = "demain.audience.import"
PREVIEW_ROWS = 10


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV",
        help_text="L’export d’un autre outil (Mailchimp, Substack, Brevo…), 2 Mo au plus : une colonne d’adresses "
                  "e-mail, et si possible le nom et la date d’inscription.")


class ConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)
    consent_source = forms.CharField(
        label="Origine du consentement", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Où et comment ces personnes ont accepté de recevoir la lettre, par exemple « Formulaire "
                  "d’inscription Substack, double opt-in, 2023–2025 ». Enregistré avec chaque abonné importé.",
        error_messages={"required": "Indiquez d’où vient le consentement de ces abonnés : sans lui, pas d’import."})


def import_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
               "title": "Importer des abonnés"}
    upload, confirm = UploadForm(), None
    if request.method == "POST" and "payload" in request.POST:
        confirm = ConfirmForm(request.POST)
        try:
            payload = signing.loads(request.POST["payload"], salt=SALT, max_age=3600)
        except signing.BadSignature:
            messages.error(request, "Aperçu expiré ou altéré : chargez le fichier à nouveau.")
            return redirect("admin:audience_subscriber_import")
        data, filename = payload["csv"].encode(), payload["name"]
        if confirm.is_valid():
            try:
                done = importing.apply(data, confirm.cleaned_data["consent_source"], filename)
            except importing.ImportRefused as error:
                messages.error(request, str(error))
                return redirect("admin:audience_subscriber_import")
            counts = done.counts
            messages.success(request, f"Import terminé : {plural(counts['new'], 'abonné ajouté', 'abonnés ajoutés')} ; "
                                      f"{plural(counts['present'], 'déjà présent', 'déjà présents')}, {plural(counts['suppressed'], 'bloqué')}, "
                                      f"{plural(counts['invalid'], 'invalide')}, {counts['repeated']} en double, non ajoutés.")
            return redirect("admin:audience_subscriber_changelist")
        return preview(request, context, data, filename, confirm)
    if request.method == "POST":
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            data = file.read(importing.MAX_BYTES + 1)
            try:
                text = importing.decode(data)
                return preview(request, context, text.encode(), file.name,
                               ConfirmForm(initial={"payload": signing.dumps(
                                   {"csv": text, "name": file.name}, salt=SALT, compress=True)}))
            except importing.ImportRefused as error:
                upload.add_error("file", str(error))
    return TemplateResponse(request, "admin/audience/subscriber/import.html", {**context, "upload": upload})


def preview(request, context, data: bytes, filename: str, confirm: ConfirmForm):
    try:
        plan = importing.plan(data)
    except importing.ImportRefused as error:
        return TemplateResponse(request, "admin/audience/subscriber/import.html",
                                {**context, "upload": UploadForm(), "import_error": str(error)})
    counts = plan.counts
    return TemplateResponse(request, "admin/audience/subscriber/import.html", {
        **context, "plan": plan, "filename": filename, "confirm": confirm, "rows": plan.rows[:PREVIEW_ROWS],
        "counts": [(importing.STATES[state], count, state) for state, count in counts.items()],
        "new_count": counts["new"], "total": len(plan.rows)})
