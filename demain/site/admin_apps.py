"""Third-party apps dressed for the editor (listed in INSTALLED_APPS in their place)."""

from django.contrib.admin.apps import AdminConfig
from django_tasks_db.apps import TasksAppConfig


class EditorAdminConfig(AdminConfig):
    """django.contrib.admin, whose default site opens on the editor's dashboard."""

    default_site = "demain.site.admin_site.EditorAdminSite"


class TasksDatabaseConfig(TasksAppConfig):
    """django_tasks_db under a French name (its other labels: demain/locale and demain/site/admin.py)."""

    verbose_name = "Tâches en arrière-plan"
