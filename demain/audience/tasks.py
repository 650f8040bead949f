"""Emails the web pages ask for, sent in the background by the task worker.

Each task takes ids, reads fresh rows, and does nothing when the row is gone
or the email is no longer wanted (erased, already confirmed, suppressed).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from demain.audience import links, mail
from demain.audience.models import DownloadLead, Inquiry, Subscriber, Suppression
from demain.site.links import absolute
from demain.site.published import published_issues


@task()
def send_confirmation(subscriber_id: int) -> str:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None or Suppression.covers(subscriber.email):
        return "skipped"
    mail.send("confirm", subscriber.email, "Confirmez votre inscription à la lettre", context={
        "confirm_url": links.confirm_url(subscriber), "hours": settings.CONFIRMATION_HOURS,
    })
    return "sent"


@task()
def send_welcome(subscriber_id: int) -> str:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED).first()
    if subscriber is None or Suppression.covers(subscriber.email):
        return "skipped"
    latest = published_issues().first()
    mail.send("welcome", subscriber.email, "Bienvenue dans « Le monde de demAIn »", subscriber=subscriber, context={
        "latest": latest, "latest_url": absolute(latest.get_absolute_url()) if latest else "",
    })
    return "sent"


@task()
def send_download_link(lead_id: int) -> str:
    lead = DownloadLead.objects.filter(pk=lead_id).select_related("resource").first()
    if lead is None or Suppression.covers(lead.email):
        return "skipped"
    mail.send("download", lead.email, f"Votre lien de téléchargement : {lead.resource.title}", context={
        "resource": lead.resource, "download_url": links.download_url(lead),
        "days": settings.DOWNLOAD_LINK_DAYS, "uses": settings.DOWNLOAD_LINK_USES,
    })
    DownloadLead.objects.filter(pk=lead.pk).update(email_sent_at=timezone.now())
    return "sent"


@task()
def notify_editor(inquiry_id: int) -> str:
    """Tell the editor a request arrived: its details, and a Reply-To that answers the requester."""
    from demain.audience.forms import inquiry_details

    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None:
        return "skipped"
    admin_url = absolute(reverse("admin:audience_inquiry_change", args=[inquiry.pk]))
    who = inquiry.name + (f" ({inquiry.organisation})" if inquiry.organisation else "")
    subject = " ".join(f"Nouvelle demande : {inquiry.get_kind_display()} — {who}".split())[:250]  # one line
    mail.send("inquiry", settings.EDITOR_EMAIL, subject,
              context={"inquiry": inquiry, "details": inquiry_details(inquiry), "admin_url": admin_url},
              reply_to=[inquiry.email])
    return "sent"
