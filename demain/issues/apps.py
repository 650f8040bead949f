from django.apps import AppConfig


class IssuesConfig(AppConfig):
    name = "demain.issues"
    verbose_name = "Numéros"
