from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "demain.sources"
    verbose_name = "Sources"
