from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "demain.site"
    label = "public_site"
    verbose_name = "Site public"

    def ready(self) -> None:
        from demain.site import page_invalidation, task_log  # noqa: F401  (task_log: its receiver)
        from demain.issues.services import EDIT_SCOPES
        from demain.site.archive import signals as archive_signals

        page_invalidation.connect()
        archive_signals.connect()
        if archive_signals.batched not in EDIT_SCOPES:
            EDIT_SCOPES.append(archive_signals.batched)
