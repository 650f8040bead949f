from django.contrib import admin

from demain.delivery.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only view of the local outbox: what would have been sent."""

    list_display = ["created_at", "subject", "to"]
    search_fields = ["subject", "to", "message_id"]
    readonly_fields = ["created_at", "from_email", "to", "subject", "message_id", "raw"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from demain.delivery.bounces import admin as bounces_admin  # noqa: E402,F401  (registers BounceEvent)
