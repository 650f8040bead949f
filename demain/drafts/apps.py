from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "demain.drafts"
    verbose_name = "Brouillons"
