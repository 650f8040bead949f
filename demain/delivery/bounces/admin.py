"""Admin for bounce events. Imported from demain/delivery/admin.py (one line)."""

from __future__ import annotations

from django.contrib import admin

from demain.delivery.bounces import record
from demain.delivery.bounces.models import BounceEvent
from demain.lib.houseformat.typography import plural


@admin.register(BounceEvent)
class BounceEventAdmin(admin.ModelAdmin):
    list_display = ["received_at", "kind", "email", "provider", "processed_at", "short_error"]
    list_filter = ["kind", "provider", ("processed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "reason"]
    date_hierarchy = "received_at"
    readonly_fields = [f.name for f in BounceEvent._meta.fields]
    actions = ["retry_selected"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="erreur")
    def short_error(self, event: BounceEvent) -> str:
        return event.error[:80]

    @admin.action(description="Traiter à nouveau les événements en attente sélectionnés")
    def retry_selected(self, request, queryset):
        failed = record.process_all(queryset.filter(processed_at__isnull=True))
        self.message_user(request, f"Traitement relancé ; {plural(failed, 'échec')}.")
