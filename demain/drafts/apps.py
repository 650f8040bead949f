from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "demain.drafts"
    verbose_name = "Brouillons"

    def ready(self):
        from demain.issues.services import PUBLISH_CHECKS

        from .services import publish_blockers

        if publish_blockers not in PUBLISH_CHECKS:
            PUBLISH_CHECKS.append(publish_blockers)
