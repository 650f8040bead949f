from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "demain.ops"
    label = "ops"
    verbose_name = "Exploitation"
