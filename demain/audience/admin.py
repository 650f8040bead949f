import csv

from django.contrib import admin
from django.http import HttpResponse
from django.urls import path

from demain.audience.admin_import import import_view
from demain.audience.forms import inquiry_fields

from demain.audience.models import (
    BlockedDomain,
    ConsentRecord,
    DownloadLead,
    Inquiry,
    OfferPage,
    PageSection,
    Resource,
    Subscriber,
    Suppression,
    TrainingModule,
)


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    readonly_fields = ["action", "version", "text", "created_at", "ip_hash"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "frequency", "paused_until", "created_at", "confirmed_at"]
    list_filter = ["status", "frequency", "source"]
    search_fields = ["email", "name"]
    readonly_fields = ["created_at", "confirmed_at", "unsubscribed_at", "confirmation_sent_at", "source"]
    inlines = [ConsentInline]

    def get_urls(self):
        return [path("importer/", self.admin_site.admin_view(lambda request: import_view(self, request)),
                     name="audience_subscriber_import"), *super().get_urls()]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email_hash", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email_hash"]


@admin.register(BlockedDomain)
class BlockedDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "note", "created_at"]
    search_fields = ["domain"]


class SectionInline(admin.StackedInline):
    model = PageSection
    extra = 0


@admin.register(OfferPage)
class OfferPageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "form", "menu_order", "in_menu"]
    list_editable = ["menu_order", "in_menu"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline]


@admin.register(TrainingModule)
class TrainingModuleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "duration", "introduction"]
    list_filter = ["introduction"]


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    """A request shows the fields its form asked for; the requester's own words cannot be edited."""

    list_display = ["created_at", "kind", "name", "email", "organisation", "handled"]
    list_filter = ["kind", "handled"]
    list_editable = ["handled"]
    search_fields = ["name", "email", "organisation", "message"]
    readonly_fields = ["kind", "page", "created_at", "message"]
    filter_horizontal = ["modules"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return super().get_fields(request, obj)
        return ["kind", "page", "created_at", "handled", *inquiry_fields(obj.kind)]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["kind", "page", "created_at"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published", "lead_count", "created_at"]
    prepopulated_fields = {"slug": ["title"]}

    @admin.display(description="demandes")
    def lead_count(self, obj):
        return obj.leads.count()


@admin.action(description="Exporter en CSV")
def export_leads_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="demandes-de-telechargement.csv"'
    response.write("\ufeff")  # lets spreadsheet software detect UTF-8
    writer = csv.writer(response)
    writer.writerow(["ressource", "email", "nom", "lettre", "demandée le", "téléchargements", "premier téléchargement"])
    for lead in queryset.select_related("resource"):
        writer.writerow([lead.resource.title, lead.email, csv_safe(lead.name), "oui" if lead.newsletter else "non",
                         lead.created_at.isoformat(), lead.uses,
                         lead.first_downloaded_at.isoformat() if lead.first_downloaded_at else ""])
    return response


def csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas typed into a form (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@admin.register(DownloadLead)
class DownloadLeadAdmin(admin.ModelAdmin):
    list_display = ["created_at", "email", "resource", "newsletter", "downloaded", "uses", "email_sent_at"]
    list_filter = ["resource", "newsletter", "created_at"]
    search_fields = ["email", "name"]
    readonly_fields = ["resource", "email", "name", "newsletter", "uses", "created_at", "email_sent_at",
                       "first_downloaded_at", "last_downloaded_at"]
    actions = [export_leads_csv]

    @admin.display(boolean=True, description="téléchargé")
    def downloaded(self, obj):
        return obj.downloaded

    def has_add_permission(self, request):
        return False
