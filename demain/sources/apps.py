from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "demain.sources"
    verbose_name = "Sources"

    def ready(self):
        from demain.ops import ingestion
        from demain.sources.health import last_run

        ingestion.register(last_run)
