from django.apps import AppConfig


class AudienceConfig(AppConfig):
    name = "demain.audience"
    verbose_name = "Lecteurs"
