from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "demain.site"
    label = "public_site"
    verbose_name = "Site public"

    def ready(self) -> None:
        from demain.site import page_invalidation, task_log  # noqa: F401  (task_log: its receiver)
        from demain.site.archive import signals as archive_signals

        page_invalidation.connect()
        archive_signals.connect()
