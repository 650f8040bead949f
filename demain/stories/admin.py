"""The editor's newsroom: ranked stories with their articles, sources, score parts, figures and
disagreements; pin, merge, split, discard, and start an article in a draft issue."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from demain.lib.ranking import PART_LABELS
from demain.stories import services
from demain.stories.models import EditorDecision, Interest, Story, StoryArticle


class StoryArticleInline(admin.TabularInline):
    model = StoryArticle
    extra = 0
    can_delete = False
    fields = ["article_link", "outlet", "language", "published", "score", "by_editor"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="article")
    def article_link(self, membership):
        url = reverse("admin:sources_article_change", args=[membership.article_id])
        return format_html('<a href="{}">{}</a> · <a href="{}" rel="noopener">page</a>', url,
                           membership.article.title or membership.article.url, membership.article.url)

    @admin.display(description="média")
    def outlet(self, membership):
        return membership.article.outlet.name

    @admin.display(description="langue")
    def language(self, membership):
        return membership.article.language or "—"

    @admin.display(description="publié le")
    def published(self, membership):
        return services.when(membership.article)


class DecisionInline(admin.TabularInline):
    model = EditorDecision
    fk_name = "story"
    extra = 0
    can_delete = False
    fields = ["at", "action", "other", "by", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "score", "sources_count", "articles", "last_seen_at", "pinned", "disagreement_count"]
    list_filter = ["pinned", "discarded"]
    search_fields = ["title", "memberships__article__title"]
    ordering = ["-pinned", "-score"]
    actions = ["draft_stories", "pin_stories", "unpin_stories", "discard_stories", "restore_stories", "merge_stories",
               "start_draft"]
    inlines = [StoryArticleInline, DecisionInline]
    fields = ["title", "score", "explanation", "sources_count", "first_seen_at", "last_seen_at", "figures_table",
              "disagreement_list", "pinned", "discarded", "merged_into"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(merged_into__isnull=True)
                .annotate(article_count=Count("memberships")))

    def has_add_permission(self, request):
        return False

    @admin.display(description="articles", ordering="article_count")
    def articles(self, story):
        return story.article_count

    @admin.display(description="désaccords")
    def disagreement_count(self, story):
        return len(story.disagreements) or ""

    @admin.display(description="pourquoi ce score")
    def explanation(self, story):
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li><strong>{}</strong> {} — {}</li>",
            ((PART_LABELS.get(p["name"], p["name"]), f"{p['value']:+.2f}", p["detail"]) for p in story.score_parts)))

    @admin.display(description="chiffres par source")
    def figures_table(self, story):
        rows = ((source, ", ".join(f["text"] for f in found) or "—") for source, found in sorted(story.figures.items()))
        return format_html("<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows))

    @admin.display(description="désaccords")
    def disagreement_list(self, story):
        if not story.disagreements:
            return "aucun"
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{} : « {} » — {} : « {} »</li>",
            ((d["source_a"], d["a"], d["source_b"], d["b"]) for d in story.disagreements)))

    @admin.action(description="Rédiger")
    def draft_stories(self, request, queryset):
        """A checked draft per selected story, in the background; the batch's progress page follows."""
        from demain.drafts import services as drafts

        batch, started, errors = drafts.start_many(queryset.order_by("-pinned", "-score", "pk"), user=request.user)
        for error in errors:
            self.message_user(request, error, messages.ERROR)
        if started:
            return redirect("admin:drafts_draft_batch", batch)

    @admin.action(description="Épingler en tête")
    def pin_stories(self, request, queryset):
        for story in queryset:
            services.pin(story, request.user)

    @admin.action(description="Désépingler")
    def unpin_stories(self, request, queryset):
        for story in queryset:
            services.pin(story, request.user, pinned=False)

    @admin.action(description="Écarter")
    def discard_stories(self, request, queryset):
        for story in queryset:
            services.discard(story, request.user)

    @admin.action(description="Rétablir")
    def restore_stories(self, request, queryset):
        for story in queryset:
            services.discard(story, request.user, discarded=False)

    @admin.action(description="Fusionner dans le mieux classé")
    def merge_stories(self, request, queryset):
        stories = list(queryset.order_by("-pinned", "-score", "pk"))
        try:
            survivor = services.merge(stories, request.user)
        except ValueError as error:
            self.message_user(request, f"Fusion impossible : {error}", messages.ERROR)
            return
        self.message_user(request, f"{len(stories)} sujets fusionnés dans « {survivor} ».")

    @admin.action(description="Commencer un article dans le numéro en préparation")
    def start_draft(self, request, queryset):
        for story in queryset:
            article = services.start_draft(story, request.user)
            url = reverse("admin:issues_issue_change", args=[article.issue_id])
            self.message_user(request, format_html('Article commencé pour « {} » dans le <a href="{}">n° {}</a>.',
                                                   story, url, article.issue.number))


@admin.register(StoryArticle)
class StoryArticleAdmin(admin.ModelAdmin):
    list_display = ["article", "story", "score", "by_editor", "added_at"]
    list_filter = ["by_editor"]
    search_fields = ["article__title", "story__title"]
    list_select_related = ["article", "story"]
    actions = ["split_out"]
    readonly_fields = ["story", "article", "score", "parts", "by_editor", "added_at"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Scinder : faire de ces articles un nouveau sujet")
    def split_out(self, request, queryset):
        memberships = list(queryset.select_related("article"))
        stories = {m.story_id for m in memberships}
        if len(stories) != 1:
            self.message_user(request, "Choisissez des articles d’un seul sujet.", messages.ERROR)
            return
        try:
            new = services.split(Story.objects.get(pk=stories.pop()), memberships, request.user)
        except ValueError as error:
            self.message_user(request, f"Scission impossible : {error}", messages.ERROR)
            return
        self.message_user(request, f"Nouveau sujet : « {new} ».")


@admin.register(EditorDecision)
class EditorDecisionAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "story", "other", "by", "note"]
    list_filter = ["action"]
    readonly_fields = ["at", "action", "story", "other", "articles", "by", "note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["term", "weight"]
    list_editable = ["weight"]
    search_fields = ["term"]
