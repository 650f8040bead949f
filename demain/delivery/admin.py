from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from demain.audience.models.readers import Interest
from demain.delivery import campaigns, preview
from demain.delivery.admin_forms import CampaignForm
from demain.delivery.models import Campaign, Delivery, OutboxMessage
from demain.delivery.render import GMAIL_CLIP_BYTES
from demain.delivery.tasks import prepare_campaign

S = Delivery.Status


def deliveries_link(campaign: Campaign, label: str, **filters) -> str:
    query = urlencode({"campaign__id__exact": campaign.pk, **filters})
    return format_html('<a href="{}?{}">{}</a>', reverse("admin:delivery_delivery_changelist"), query, label)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "send_at", "progress", "uncertain", "html_size"]
    list_filter = ["status"]
    form = CampaignForm
    fields = ["issue", "interests", "send_at", "resend"]
    actions = ["pause", "resume", "cancel"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["issue", "segment", "resend", "status", "send_at", "subject", "progress", "recipients",
                "html_size", "created_at", "started_at", "finished_at"]

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else self.get_readonly_fields(request, obj)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("apercu/<int:issue_id>/", wrap(self.email_preview_view), name="delivery_email_preview"),
            path("apercu/<int:issue_id>/html/", wrap(preview.preview_html), name="delivery_email_preview_html"),
            path("apercu/<int:issue_id>/test/", wrap(preview.send_test), name="delivery_send_test"),
            *super().get_urls(),
        ]

    def email_preview_view(self, request, issue_id):
        return preview.preview_page(request, issue_id, self.admin_site.each_context(request))

    def add_view(self, request, form_url="", extra_context=None):
        """A valid form is not saved at once: a confirmation step shows who will receive it."""
        if request.method == "POST" and "_confirmed" not in request.POST:
            form = self.get_form(request)(request.POST)
            if form.is_valid():
                return self.confirm_send(request, form)
        return super().add_view(request, form_url, extra_context)

    def confirm_send(self, request, form) -> TemplateResponse:
        issue, resend = form.cleaned_data["issue"], form.cleaned_data["resend"]
        audience = campaigns.select_audience(form.cleaned_data["interests"], issue, resend)
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "form": form, "issue": issue,
            "title": "Confirmer l’envoi", "question": campaigns.confirm_question(issue, audience, resend),
            "recipients": len(audience.recipients), "recipients_label": campaigns.readers(len(audience.recipients)),
            "already": len(audience.already), "resend": resend,
        }
        return TemplateResponse(request, "admin/delivery/campaign/confirm_send.html", context)

    def save_model(self, request, obj, form, change):
        """« Envoyer » : the campaign is rendered and its rows written in the background."""
        super().save_model(request, obj, form, change)
        if not change:
            transaction.on_commit(lambda: prepare_campaign.enqueue(obj.pk))
            messages.info(request, "Campagne en préparation : les destinataires sont enregistrés en arrière-plan, "
                                   "puis les processus d’envoi (demain worker) la prennent en charge.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        campaign = self.get_object(request, object_id)
        if campaign and campaign.html_bytes > GMAIL_CLIP_BYTES:
            messages.warning(request, f"Le HTML pèse {campaign.html_bytes // 1024} Ko : Gmail coupe les messages "
                                      "au-delà d’environ 102 Ko.")
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="centres d’intérêt")
    def segment(self, campaign: Campaign) -> str:
        labels = dict(Interest.choices)
        return ", ".join(labels.get(code, code) for code in campaign.interests) or "tous les abonnés confirmés"

    @admin.display(description="progression")
    def progress(self, campaign: Campaign) -> str:
        counts = campaigns.progress(campaign.pk)
        done = counts["total"] - counts["open"]
        return format_html('<progress max="{}" value="{}"></progress> {} / {} traités, {} envoyés',
                           counts["total"] or 1, done, done, counts["total"], counts[S.SENT])

    @admin.display(description="incertains")
    def uncertain(self, campaign: Campaign) -> str:
        count = campaign.deliveries.filter(status=S.UNCERTAIN).count()
        return deliveries_link(campaign, f"{count} à décider", status__exact=S.UNCERTAIN) if count else "0"

    @admin.display(description="taille du HTML")
    def html_size(self, campaign: Campaign) -> str:
        size = f"{campaign.html_bytes / 1024:.0f} Ko"
        if campaign.html_bytes > GMAIL_CLIP_BYTES:
            return format_html('<strong style="color:#a00">{} — coupé par Gmail</strong>', size)
        return size

    @admin.display(description="qui l’a reçu, qui ne l’a pas reçu et pourquoi")
    def recipients(self, campaign: Campaign) -> str:
        counts = campaigns.progress(campaign.pk)
        links = [deliveries_link(campaign, f"{label} : {counts[value]}", status__exact=value)
                 for value, label in S.choices if counts[value]]
        return format_html(" · ".join(["{}"] * len(links)), *links) if links else "aucun destinataire"

    @admin.action(description="Mettre en pause")
    def pause(self, request, queryset):
        for campaign in queryset:
            campaigns.pause(campaign)

    @admin.action(description="Reprendre l’envoi")
    def resume(self, request, queryset):
        for campaign in queryset:
            campaigns.resume(campaign)

    @admin.action(description="Annuler (rien de plus ne part)")
    def cancel(self, request, queryset):
        for campaign in queryset:
            campaigns.cancel(campaign)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "campaign", "status", "attempts", "smtp_code", "smtp_reply", "sent_at", "worker"]
    list_filter = ["status", "campaign"]
    search_fields = ["email"]
    actions = ["mark_sent", "requeue"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Incertain : marquer comme reçu")
    def mark_sent(self, request, queryset):
        self.message_user(request, f"{campaigns.mark_sent(queryset)} envoi(s) marqué(s) comme reçu(s).")

    @admin.action(description="Incertain ou en échec : renvoyer")
    def requeue(self, request, queryset):
        self.message_user(request, f"{campaigns.requeue(queryset)} envoi(s) remis en file.")


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only view of the local outbox: what would have been sent."""

    list_display = ["created_at", "subject", "to"]
    search_fields = ["subject", "to", "message_id"]
    readonly_fields = ["created_at", "from_email", "to", "subject", "message_id", "raw"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from demain.delivery.bounces import admin as bounces_admin  # noqa: E402,F401  (registers BounceEvent)
