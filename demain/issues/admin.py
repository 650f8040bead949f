"""The editor's admin: an issue with its articles inline, lint findings next to the fields, the workflow."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from demain.lib.houseformat.lint import errors
from demain.lib.houseformat.typography import plural

from .admin_forms import AppReviewForm, ArticleForm, IssueForm, findings_html
from .models import AppReview, Article, Issue, StatusChange
from .services import (ALLOWED, PublishBlocked, TransitionNotAllowed, editing, fix_issue_typography, lint_issue,
                       next_number, save_sources, transition)

TYPOGRAPHY_RULES = {"spacing", "straight-quotes"}
ACTION_LABELS = {
    Issue.Status.REVIEW: "Envoyer en relecture",
    Issue.Status.APPROVED: "Approuver",
    Issue.Status.PUBLISHED: "Publier",
    Issue.Status.DRAFT: "Renvoyer en brouillon",
}


def findings_for(request, issue):
    """Lint the stored issue once per request."""
    if issue is None:
        return []
    cache = request.__dict__.setdefault("_demain_lint", {})
    if issue.pk not in cache:
        cache[issue.pk] = lint_issue(issue)
    return cache[issue.pk]


class ArticleInline(admin.StackedInline):
    model = Article
    form = ArticleForm
    extra = 0
    ordering = ("position", "id")

    def get_formset(self, request, obj=None, **kwargs):
        articles = list(obj.articles.order_by("position", "id")) if obj else []
        by_article: dict[int, list] = {}
        for finding in findings_for(request, obj):
            if finding.scope == "article" and finding.article is not None and finding.article < len(articles):
                by_article.setdefault(articles[finding.article].pk, []).append(finding)
        kwargs["form"] = type("ArticleForm", (self.form,), {"lint_by_article": by_article})
        return super().get_formset(request, obj, **kwargs)


class AppReviewInline(admin.StackedInline):
    model = AppReview
    form = AppReviewForm
    extra = 0
    max_num = 1

    def get_formset(self, request, obj=None, **kwargs):
        findings = [f for f in findings_for(request, obj) if f.scope == "app_review"]
        kwargs["form"] = type("AppReviewForm", (self.form,), {"lint_findings": findings})
        return super().get_formset(request, obj, **kwargs)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "historique des statuts"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    form = IssueForm
    change_form_template = "admin/issues/issue/change_form.html"
    inlines = [ArticleInline, AppReviewInline, StatusChangeInline]
    list_display = ["number", "date", "title", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["title", "editorial", "articles__title"]
    readonly_fields = ["status", "published_at"]
    fields = ["number", "date", "title", "status", "published_at", "editorial", "editorial_punchline"]
    actions = ["send_to_review", "approve", "publish"]

    class Media:
        css = {"all": ["issues/admin-lint.css"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        findings = [f for f in findings_for(request, obj) if f.scope == "issue"]
        return type(form.__name__, (form,), {"lint_findings": findings})

    def get_changeform_initial_data(self, request):
        """« Nouveau numéro » opens on the next number, dated today."""
        return {"number": next_number(), "date": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not Article:
            return
        for article_form in formset.forms:
            article = article_form.instance
            if article.pk and "sources" in article_form.changed_data:
                save_sources(article, article_form.cleaned_data["sources"])

    def changeform_view(self, request, *args, **kwargs):
        with editing():  # the issue and each inline row are saved apart: one edit for the other stages
            return super().changeform_view(request, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if issue is not None:
            findings = findings_for(request, issue)
            warnings = [finding for finding in findings if finding.severity != "error"]
            # Warnings the « Corriger la typographie » button clears are folded apart: one click, not a reading.
            fixable = [finding for finding in warnings if finding.rule in TYPOGRAPHY_RULES]
            others = [finding for finding in warnings if finding.rule not in TYPOGRAPHY_RULES]
            context.update(
                lint_findings=findings,
                lint_errors=findings_html(errors(findings), with_location=True) if errors(findings) else "",
                lint_warnings=findings_html(others, with_location=True) if others else "",
                lint_typography=findings_html(fixable, with_location=True) if fixable else "",
                lint_error_count=len(errors(findings)),
                lint_warning_count=len(others),
                lint_typography_count=len(fixable),
                typography_fix_url=reverse("admin:issues_issue_fix_typography", args=[issue.pk]) if fixable else "",
            )
            context["workflow_actions"] = [
                {"label": ACTION_LABELS[target], "status": target,
                 "url": reverse("admin:issues_issue_transition", args=[issue.pk, target])}
                for target in Issue.Status if target in ALLOWED[Issue.Status(issue.status)]]
        return super().change_view(request, object_id, form_url, context)

    # --- workflow ---------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/statut/<str:status>/", wrap(self.transition_view), name="issues_issue_transition"),
            path("<int:object_id>/typographie/", wrap(self.fix_typography_view), name="issues_issue_fix_typography"),
            *super().get_urls(),
        ]

    def changeable_issue(self, request, object_id) -> Issue:
        issue = get_object_or_404(Issue, pk=object_id)
        if not self.has_change_permission(request, issue):
            raise PermissionDenied
        return issue

    def transition_view(self, request, object_id, status):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        issue = self.changeable_issue(request, object_id)
        self.move(request, issue, status)
        return redirect("admin:issues_issue_change", issue.pk)

    def fix_typography_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        issue = self.changeable_issue(request, object_id)
        messages.success(request, f"Typographie corrigée : {plural(fix_issue_typography(issue), 'champ modifié', 'champs modifiés')}.")
        return redirect("admin:issues_issue_change", issue.pk)

    def move(self, request, issue, status) -> bool:
        try:
            transition(issue, status, by=request.user)
        except PublishBlocked as blocked:
            messages.error(request, format_html(
                "{} du numéro {} refusée : {} à corriger d’abord.{}",
                blocked.action, issue.number, plural(len(blocked.findings), "erreur"),
                findings_html(blocked.findings, with_location=True)))
            return False
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
            return False
        messages.success(request, f"Numéro {issue.number} : {issue.get_status_display()}.")
        return True

    def move_all(self, request, queryset, status):
        for issue in queryset.order_by("number"):
            self.move(request, issue, status)

    @admin.action(description="Envoyer en relecture", permissions=["change"])
    def send_to_review(self, request, queryset):
        self.move_all(request, queryset, Issue.Status.REVIEW)

    @admin.action(description="Approuver", permissions=["change"])
    def approve(self, request, queryset):
        self.move_all(request, queryset, Issue.Status.APPROVED)

    @admin.action(description="Publier", permissions=["change"])
    def publish(self, request, queryset):
        self.move_all(request, queryset, Issue.Status.PUBLISHED)
