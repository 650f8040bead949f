from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "demain.delivery"
    verbose_name = "Envois"
