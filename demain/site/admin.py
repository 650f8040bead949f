"""Admin of the site app: the legal pages, readers' questions, and the task results of django-tasks in French."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from demain.site.models import LegalPage, Question

# What each background task does, in the editor's words.
TASK_LABELS = {
    "demain.audience.tasks.send_confirmation": "E-mail de confirmation d’inscription",
    "demain.audience.tasks.send_welcome": "E-mail de bienvenue",
    "demain.audience.tasks.send_download_link": "E-mail de lien de téléchargement",
    "demain.audience.tasks.notify_editor": "Avis de demande à la rédaction",
    "demain.delivery.tasks.prepare_campaign": "Préparation d’une campagne",
}


def task_label(result: DBTaskResult) -> str:
    return TASK_LABELS.get(result.task_path, result.task_path.rsplit(".", 1)[-1])


DBTaskResult.__str__ = lambda result: f"{task_label(result)} ({result.get_status_display().lower()})"

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ("task", "status", "enqueued_at", "started_at", "finished_at", "queue_name")

    @admin.display(description="tâche", ordering="task_path")
    def task(self, result: DBTaskResult) -> str:
        return task_label(result)

    @admin.display(description="trace de l’erreur")
    def formatted_traceback(self, result: DBTaskResult) -> str:
        return super().formatted_traceback(result)

    @admin.display(description="pas avant")
    def display_run_after(self, result: DBTaskResult):
        return super().display_run_after(result)


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The legal notice and the privacy policy: seeded once, then the editor's to keep true."""

    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["updated_at"]
    fields = ["slug", "title", "body", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        return ["slug", "updated_at"] if obj else ["updated_at"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Readers' questions, answered or not: ideas for future issues. Read only; no IP is ever stored."""

    list_display = ("text", "asked_at", "answered", "cited")
    list_filter = ("answered", "asked_at")
    search_fields = ("text",)
    date_hierarchy = "asked_at"
    fields = ("text", "asked_at", "answered", "cited_links")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="passages cités")
    def cited(self, question: Question) -> int:
        return len(question.citations or [])

    @admin.display(description="passages cités")
    def cited_links(self, question: Question) -> str:
        if not question.citations:
            return "aucun (question restée sans réponse)"
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>', ((url, url) for url in question.citations))
