from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import FileResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from demain.audience import tokens
from demain.audience.models import DownloadLead


@require_GET
def download(request, token):
    """Stream a private file for a valid link: DOWNLOAD_LINK_DAYS days, DOWNLOAD_LINK_USES uses."""
    try:
        pk, nonce = tokens.read(tokens.DOWNLOAD, token, max_age=timedelta(days=settings.DOWNLOAD_LINK_DAYS))
    except tokens.ExpiredToken:
        return render(request, "audience/link_expired.html", {"download": True}, status=410)
    except tokens.BadToken:
        return render(request, "audience/link_invalid.html", status=404)
    now = timezone.now()
    used = DownloadLead.objects.filter(pk=pk, nonce=nonce, uses__lt=settings.DOWNLOAD_LINK_USES).update(
        uses=F("uses") + 1, last_downloaded_at=now, first_downloaded_at=Coalesce("first_downloaded_at", now)
    )
    lead = DownloadLead.objects.filter(pk=pk, nonce=nonce).select_related("resource").first()
    if lead is None:
        return render(request, "audience/link_invalid.html", status=404)
    if not used:
        return render(request, "audience/link_expired.html", {"download": True, "resource": lead.resource},
                      status=410)
    resource = lead.resource
    response = FileResponse(resource.file.open("rb"), as_attachment=True, filename=resource.filename,
                            content_type=resource.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
