"""The editor's drafts: the list with statuses, a draft's page (the text with every checked item highlighted,
its source snippet and explanation beside it, « Revérifier », « Accepter », « Approuver »), and the progress
page of one « Rédiger » batch."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from demain.lib.houseformat.typography import plural

from . import services
from .highlight import highlight
from .models import CheckItem, Draft

PENDING = (Draft.Status.QUEUED, Draft.Status.RUNNING)
EDITABLE = (Draft.Status.CHECKED, Draft.Status.APPROVED)


def post_only(view):
    """The editor's steps change data: POST only (with the CSRF token)."""
    def wrapped(self, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(self, request, *args, **kwargs)
    return wrapped


def problem_counts(report) -> str:
    """« 1 non étayé, 2 contredits »: the findings that block, by kind."""
    return f"{plural(report.count('unsupported'), 'non étayé')}, {plural(report.count('contradicted'), 'contredit')}"


def draft_summary(draft: Draft) -> str:
    items = list(draft.items.all())
    blocking = sum(1 for item in items if item.blocking)
    if not items:
        return "—"
    text = plural(len(items), "élément vérifié", "éléments vérifiés")
    return f"{text}, {blocking} à traiter" if blocking else f"{text}, rien ne bloque"


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    change_form_template = "admin/drafts/draft/change_form.html"
    list_display = ["__str__", "story", "issue_article", "backend", "status", "findings", "created_at"]
    list_filter = ["status", "backend"]
    search_fields = ["text", "story__title"]
    list_select_related = ["story", "article__issue"]
    fields = ["text"]

    class Media:
        css = {"all": ["drafts/draft-admin.css"]}

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is not None and obj.status in EDITABLE else ["text"]

    @admin.display(description="article du numéro")
    def issue_article(self, draft: Draft) -> str:
        if draft.article is None:
            return "—"
        return f"n° {draft.article.issue.number}, article {draft.article.position}"

    @admin.display(description="vérification")
    def findings(self, draft: Draft) -> str:
        return draft_summary(draft)

    def save_model(self, request, obj, form, change):
        """The editor's text is saved and checked again at once."""
        if "text" not in form.changed_data:
            return
        try:
            report = services.edit(obj, form.cleaned_data["text"], request.user)
        except services.DraftStateError as error:
            messages.error(request, str(error))
            return
        counts = problem_counts(report)
        messages.info(request, f"Texte enregistré et vérifié à nouveau : {counts}.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        draft = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if draft is not None:
            items = list(draft.items.select_related("accepted_by"))
            blockers = services.approval_blockers(draft)
            context.update(
                draft=draft, items=items, highlighted=highlight(draft.text, items), blockers=blockers,
                can_approve=not blockers and draft.status != Draft.Status.APPROVED,
                article_changed=services.article_changed(draft),
                counts={status: sum(1 for i in items if i.status == status) for status in CheckItem.Status.values},
                to_handle=sum(1 for i in items if i.blocking), pending=draft.status in PENDING,
                story_url=reverse("admin:stories_story_change", args=[draft.story_id]) if draft.story_id else "",
                issue_url=(reverse("admin:issues_issue_change", args=[draft.article.issue_id])
                           if draft.article_id else ""),
                batch_url=reverse("admin:drafts_draft_batch", args=[draft.batch]) if draft.batch else "",
            )
        return super().change_view(request, object_id, form_url, context)

    # --- the editor's steps -----------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/reverifier/", wrap(self.recheck_view), name="drafts_draft_recheck"),
            path("<int:object_id>/accepter/<int:item_id>/", wrap(self.accept_view), name="drafts_draft_accept"),
            path("<int:object_id>/approuver/", wrap(self.approve_view), name="drafts_draft_approve"),
            path("<int:object_id>/relancer/", wrap(self.retry_view), name="drafts_draft_retry"),
            path("lot/<str:batch>/", wrap(self.batch_view), name="drafts_draft_batch"),
            *super().get_urls(),
        ]

    def changeable(self, request, object_id) -> Draft:
        draft = get_object_or_404(Draft, pk=object_id)
        if not self.has_change_permission(request, draft):
            raise PermissionDenied
        return draft

    @post_only
    def recheck_view(self, request, object_id):
        draft = self.changeable(request, object_id)
        try:
            report = services.recheck(draft)
        except services.DraftStateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Vérifié à nouveau : {plural(len(report.findings), 'élément')}, "
                                      f"{problem_counts(report)}.")
        return redirect("admin:drafts_draft_change", draft.pk)

    @post_only
    def accept_view(self, request, object_id, item_id):
        draft = self.changeable(request, object_id)
        item = get_object_or_404(CheckItem, pk=item_id, draft=draft)
        try:
            services.accept(item, request.POST.get("reason", ""), request.user)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"« {item.text} » accepté : {item.accepted_reason}")
        return redirect(f"{reverse('admin:drafts_draft_change', args=[draft.pk])}#items")

    @post_only
    def approve_view(self, request, object_id):
        draft = self.changeable(request, object_id)
        try:
            draft = services.approve(draft, request.user)
        except services.ApprovalBlocked as blocked:
            messages.error(request, format_html("Approbation refusée : {}", " ".join(blocked.reasons)))
            return redirect("admin:drafts_draft_change", draft.pk)
        issue = draft.article.issue
        messages.success(request, format_html(
            'Brouillon approuvé : il est maintenant l’article {} du <a href="{}">n° {}</a>.', draft.article.position,
            reverse("admin:issues_issue_change", args=[issue.pk]), issue.number))
        return redirect("admin:drafts_draft_change", draft.pk)

    @post_only
    def retry_view(self, request, object_id):
        draft = self.changeable(request, object_id)
        try:
            services.retry(draft)
        except services.DraftStateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Brouillon relancé.")
        return redirect("admin:drafts_draft_change", draft.pk)

    def batch_view(self, request, batch):
        """The drafts of one « Rédiger » click; the page refreshes itself while some are queued or running."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        drafts = list(Draft.objects.filter(batch=batch).select_related("story", "article__issue").order_by("pk"))
        if not drafts:
            messages.error(request, "Aucun brouillon dans ce lot.")
            return redirect("admin:drafts_draft_changelist")
        pending = sum(1 for d in drafts if d.status in PENDING)
        context = {**self.admin_site.each_context(request), "opts": self.opts, "drafts": drafts,
                   "title": "Rédaction en cours" if pending else "Rédaction terminée", "pending": pending,
                   "done": len(drafts) - pending, "total": len(drafts),
                   "rows": [(d, draft_summary(d)) for d in drafts]}
        return TemplateResponse(request, "admin/drafts/draft/batch.html", context)
