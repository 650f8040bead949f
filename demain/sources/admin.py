from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from demain.sources import tasks
from demain.sources.models import Article, ArticleRevision, FetchLog, Host, Outlet, Sighting, Source, UrlThrottle


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "website", "source_count"]
    search_fields = ["name"]

    @admin.display(description="sources")
    def source_count(self, outlet):
        return outlet.sources.count()


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "kind", "weight", "language", "active", "next_poll_at", "failure_count",
                    "last_status", "short_error"]
    list_filter = ["active", "kind", "language", "outlet"]
    search_fields = ["name", "url", "outlet__name"]
    readonly_fields = ["feed_version", "etag", "last_modified", "failure_count", "last_error", "last_status",
                       "last_fetched_at", "last_success_at", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "outlet", "kind", "url", "site_url", "weight", "language", "active"]}),
        ("Lecture", {"fields": ["next_poll_at", "feed_version", "etag", "last_modified", "last_fetched_at",
                                "last_success_at", "last_status", "failure_count", "last_error"]}),
    ]
    actions = ["read_now", "reset_backoff"]

    @admin.display(description="dernière erreur")
    def short_error(self, source):
        return source.last_error[:80]

    @admin.action(description="Lire maintenant (tâche en arrière-plan)")
    def read_now(self, request, queryset):
        count = tasks.enqueue(list(queryset.values_list("pk", flat=True)), force=True)
        self.message_user(request, f"{count} lecture(s) mise(s) en file pour le worker (demain db_worker).",
                          messages.SUCCESS)

    @admin.action(description="Remettre les échecs à zéro")
    def reset_backoff(self, request, queryset):
        count = queryset.update(failure_count=0, next_poll_at=timezone.now())
        self.message_user(request, f"{count} source(s) à relire dès le prochain passage.", messages.SUCCESS)


class SightingInline(admin.TabularInline):
    model = Sighting
    extra = 0
    fields = ["source", "url", "title", "match", "similarity", "seen_at"]
    readonly_fields = fields
    can_delete = False


class RevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    fields = ["title", "content_hash", "fetched_at", "replaced_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "language", "published_at", "tdm_reserved", "sighting_count", "first_seen_at"]
    list_filter = ["tdm_reserved", "language", "outlet"]
    search_fields = ["title", "canonical_url", "text"]
    date_hierarchy = "first_seen_at"
    readonly_fields = ["uid", "canonical_url", "url", "outlet", "content_hash", "tdm_reserved", "tdm_source",
                       "tdm_policy", "raw_content_type", "raw_charset", "raw_size", "first_seen_at", "fetched_at",
                       "updated_at", "link"]
    fields = ["uid", "title", "link", "canonical_url", "outlet", "author", "published_at", "language",
              "tdm_reserved", "tdm_source", "tdm_policy", "text", "content_hash", "raw_content_type", "raw_charset",
              "raw_size", "first_seen_at", "fetched_at", "updated_at"]
    inlines = [SightingInline, RevisionInline]

    @admin.display(description="apparitions")
    def sighting_count(self, article):
        return article.sightings.count()

    @admin.display(description="lien")
    def link(self, article):
        return format_html('<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', article.url, article.url)


@admin.register(FetchLog)
class FetchLogAdmin(admin.ModelAdmin):
    list_display = ["at", "outcome", "status", "source", "url", "short_error", "size", "duration_ms"]
    list_filter = ["outcome", "source"]
    search_fields = ["url", "error"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="erreur")
    def short_error(self, log):
        return log.error[:100]


class ThrottleInline(admin.TabularInline):
    model = UrlThrottle
    extra = 0
    fields = ["url", "status", "until", "at"]
    readonly_fields = fields


@admin.register(Host)
class HostAdmin(admin.ModelAdmin):
    list_display = ["name", "blocked_until", "blocked_reason", "robots_status", "robots_fetched_at"]
    search_fields = ["name"]
    readonly_fields = ["name", "busy_until", "next_request_at", "robots_status", "robots_txt", "robots_fetched_at",
                       "tdmrep", "tdmrep_fetched_at"]
    fields = ["name", "blocked_until", "blocked_reason", "busy_until", "next_request_at", "robots_status",
              "robots_fetched_at", "robots_txt", "tdmrep", "tdmrep_fetched_at"]
    inlines = [ThrottleInline]
