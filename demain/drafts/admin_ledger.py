"""The footprint ledger in the admin: a read-only list of generations, and the chart per issue above it."""

from __future__ import annotations

from django.contrib import admin
from django.utils.safestring import mark_safe

from demain.lib.footprint.chart import footprint_chart
from demain.lib.footprint.label import decimal

from .footprint import charted_issues, points
from .models import Generation


def figure(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{decimal(value)}{' ' + unit if unit else ''}"


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    """Append-only: the ledger is written by the drafting and answering code, never edited by hand."""

    list_display = ("created_at", "purpose", "backend", "model", "input_tokens", "output_tokens", "wall",
                    "cpu", "energy", "co2e", "method", "issue")
    list_filter = ("issue", "backend", "purpose", "method")
    list_select_related = ("issue",)
    search_fields = ("model", "backend")
    date_hierarchy = "created_at"
    readonly_fields = ("perimeter",)
    fieldsets = (
        (None, {"fields": ("created_at", "purpose", "issue", "draft", "backend", "model", "cached")}),
        ("Calcul", {"fields": ("input_tokens", "output_tokens", "wall_seconds", "cpu_seconds")}),
        ("Empreinte", {"fields": ("energy_wh", "co2e_g", "water_l", "method", "perimeter")}),
    )

    def has_add_permission(self, request, obj=None):  # nothing is added, changed or deleted here
        return False

    has_change_permission = has_delete_permission = has_add_permission

    @admin.display(description="durée (s)", ordering="wall_seconds")
    def wall(self, row):
        return decimal(row.wall_seconds, 3)

    @admin.display(description="temps CPU (s)", ordering="cpu_seconds")
    def cpu(self, row):
        return decimal(row.cpu_seconds, 3)

    @admin.display(description="énergie (Wh)", ordering="energy_wh")
    def energy(self, row):
        return figure(row.energy_wh)

    @admin.display(description="CO2e (g)", ordering="co2e_g")
    def co2e(self, row):
        return figure(row.co2e_g)

    @admin.display(description="périmètre")
    def perimeter(self, row):
        parts = [f"Compté : {', '.join(row.included) or 'rien'}.", f"Non compté : {', '.join(row.excluded)}.",
                 *row.notes]
        return " ".join(parts)

    def changelist_view(self, request, extra_context=None):
        issues = list(charted_issues())
        chart_points = points(issues)
        context = {
            "footprint_chart": mark_safe(footprint_chart(chart_points)),  # built by ElementTree: escaped
            "footprint_rows": [{"issue": issue, "point": point, "energy": figure(point.energy_wh, "Wh"),
                                "co2e": figure(point.co2e_g, "g")} for issue, point in zip(issues, chart_points)],
        }
        return super().changelist_view(request, {**context, **(extra_context or {})})
