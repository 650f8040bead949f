from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "demain.stories"
    verbose_name = "Sujets"
