"""Third-party apps dressed for the editor (listed in INSTALLED_APPS in their place)."""

from django.contrib.admin.apps import SimpleAdminConfig
from django_tasks_db.apps import TasksAppConfig


class EditorAdminConfig(SimpleAdminConfig):
    """django.contrib.admin, whose default site opens on the editor's dashboard.

    The admin modules are imported with the URLconf (demain/urls.py), not at start-up:
    the send and task workers never serve the admin, and importing every admin pulls in
    the whole ingestion and drafting stack (about 1 s per process start).
    """

    default_site = "demain.site.admin_site.EditorAdminSite"


class TasksDatabaseConfig(TasksAppConfig):
    """django_tasks_db under a French name (its other labels: demain/locale and demain/site/admin.py)."""

    verbose_name = "Tâches en arrière-plan"
