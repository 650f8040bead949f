"""The editor's preview of an issue's email (HTML at 375 and 600 px, text) and a test send to themselves."""

from __future__ import annotations

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from demain.delivery.render import PLACEHOLDERS, render_email, subject_for
from demain.issues.models import Issue
from demain.site.links import absolute

WIDTHS = [(375, "téléphone"), (600, "ordinateur")]
TEST_PREFIX = "[TEST] "


def viewable_issue(request: HttpRequest, issue_id: int) -> Issue:
    if not request.user.has_perm("issues.view_issue"):
        raise PermissionDenied
    return get_object_or_404(Issue, pk=issue_id)


def filled(body: str) -> str:
    """Personal links (preferences, unsubscribe) point to the sign-up page: each reader gets their own."""
    link = absolute(reverse("audience:subscribe"))
    for placeholder in PLACEHOLDERS:
        body = body.replace(placeholder, link)
    return body


def preview_page(request: HttpRequest, issue_id: int, admin_context: dict) -> TemplateResponse:
    issue = viewable_issue(request, issue_id)
    _, text = render_email(issue)
    context = {
        **admin_context, "title": f"Aperçu de l’e-mail du N° {issue.number}", "issue": issue,
        "subject": subject_for(issue), "text": filled(text), "widths": WIDTHS,
        "html_url": reverse("admin:delivery_email_preview_html", args=[issue.pk]),
        "test_url": reverse("admin:delivery_send_test", args=[issue.pk]),
        "site_url": issue.get_absolute_url(), "can_send_test": request.user.has_perm("delivery.add_campaign"),
    }
    return TemplateResponse(request, "admin/delivery/email_preview.html", context)


# An email's HTML, shown in a sandboxed iframe of the admin: its styles are inline (mail clients
# want them so), so this policy alone allows inline styles; no script, no form, no plug-in at all,
# images from anywhere (as a mail client shows them), framed by the admin's own pages only.
EMAIL_FRAME_CSP = {
    "default-src": [NONE], "style-src": [UNSAFE_INLINE], "img-src": ["*", "data:"], "font-src": ["*"],
    "form-action": [NONE], "base-uri": [NONE], "frame-ancestors": [SELF],
}


@xframe_options_sameorigin
@csp(EMAIL_FRAME_CSP)
def email_frame(html: str) -> HttpResponse:
    """An email's HTML as the response of an admin iframe (the preview's and the outbox's)."""
    return HttpResponse(html)


def preview_html(request: HttpRequest, issue_id: int) -> HttpResponse:
    """The email's HTML alone, for the preview's iframes (same origin only)."""
    html, _ = render_email(viewable_issue(request, issue_id))
    return email_frame(filled(html))


def send_test(request: HttpRequest, issue_id: int) -> HttpResponse:
    """The issue's email to the logged-in editor, through the configured email backend."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("delivery.add_campaign"):
        raise PermissionDenied
    issue = viewable_issue(request, issue_id)
    back = redirect("admin:delivery_email_preview", issue.pk)
    address = request.user.email.strip()
    if not address:
        messages.error(request, "Votre compte n’a pas d’adresse e-mail : ajoutez-la dans « Utilisateurs » "
                                "(votre fiche), puis recommencez. Rien n’a été envoyé.")
        return back
    html, text = render_email(issue)
    message = EmailMultiAlternatives(TEST_PREFIX + subject_for(issue), filled(text), to=[address])
    message.attach_alternative(filled(html), "text/html")
    message.send()
    messages.success(request, f"E-mail de test du N° {issue.number} envoyé à {address}.")
    return back
