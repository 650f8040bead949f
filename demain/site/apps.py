from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "demain.site"
    label = "public_site"
    verbose_name = "Site public"
