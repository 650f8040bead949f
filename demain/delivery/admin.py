import re

from django.contrib import admin, messages
from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from demain.audience.models.readers import Interest
from demain.delivery import campaigns, outbox, preview
from demain.delivery.admin_forms import CampaignForm
from demain.delivery.models import Campaign, Delivery, OutboxMessage
from demain.delivery.render import GMAIL_CLIP_BYTES
from demain.delivery.tasks import prepare_campaign
from demain.lib.houseformat.typography import plural

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
        return format_html('<progress max="{}" value="{}"></progress> {} / {} {}, {}',
                           counts["total"] or 1, done, done, counts["total"], "traité" if done < 2 else "traités",
                           plural(counts[S.SENT], "envoyé"))

    @admin.display(description="incertains")
    def uncertain(self, campaign: Campaign) -> str:
        count = campaign.deliveries.filter(status=S.UNCERTAIN).count()
        return deliveries_link(campaign, f"{count} à décider", status__exact=S.UNCERTAIN) if count else "0"

    @admin.display(description="taille du HTML")
    def html_size(self, campaign: Campaign) -> str:
        size = f"{campaign.html_bytes / 1024:.0f} Ko"
        if campaign.html_bytes > GMAIL_CLIP_BYTES:
            return format_html('<strong class="gmail-clipped">{} — coupé par Gmail</strong>', size)
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
        self.message_user(request, f"{plural(campaigns.mark_sent(queryset), 'envoi marqué', 'envois marqués')} comme reçus.")

    @admin.action(description="Incertain ou en échec : renvoyer")
    def requeue(self, request, queryset):
        self.message_user(request, f"{plural(campaigns.requeue(queryset), 'envoi remis', 'envois remis')} en file.")


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The local outbox, read like a mailbox: what would have been sent. Nothing here sends or changes a message."""

    list_display = ["received", "subject_line", "recipients", "sender"]
    list_display_links = ["received", "subject_line"]
    search_fields = ["subject", "to", "message_id"]
    date_hierarchy = "created_at"
    actions = None  # no action bar: its « Envoyer » button read as « send this message »
    fields = ["created_at", "from_email", "to", "subject", "message_id"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="reçu le", ordering="created_at")
    def received(self, message: OutboxMessage):
        return message.created_at

    @admin.display(description="objet", ordering="subject")
    def subject_line(self, message: OutboxMessage) -> str:
        return message.subject or "(sans objet)"

    @admin.display(description="destinataires", ordering="to")
    def recipients(self, message: OutboxMessage) -> str:
        return ", ".join(message.to.splitlines())

    @admin.display(description="expéditeur", ordering="from_email")
    def sender(self, message: OutboxMessage) -> str:
        return message.from_email

    def get_urls(self):
        frame = self.admin_site.admin_view(self.html_view)
        return [path("<int:object_id>/html/", frame, name="delivery_outboxmessage_html"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        message = self.get_object(request, object_id)
        if message is not None:
            frame_url = reverse("admin:delivery_outboxmessage_html", args=[message.pk])
            extra_context = {**(extra_context or {}), "mail": outbox.read(message.raw), "frame_url": frame_url}
        return super().change_view(request, object_id, form_url, extra_context)

    def html_view(self, request, object_id):
        """The message's HTML alone, for the sandboxed iframe of its page (an email's own CSP, see preview)."""
        message = self.get_object(request, str(object_id))
        if message is None or not self.has_view_permission(request, message):
            raise Http404("no such message")
        return preview.email_frame(framed(outbox.read(message.raw).html))


def framed(html: str) -> str:
    """The message's HTML for a sandboxed iframe: links open in a new tab, outside the sandbox."""
    base = '<base target="_blank">'
    if re.search(r"<head[^>]*>", html, flags=re.IGNORECASE):
        return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + base, html, count=1, flags=re.IGNORECASE)
    return base + html


from demain.delivery.bounces import admin as bounces_admin  # noqa: E402,F401  (registers BounceEvent)
