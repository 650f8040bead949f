from django.urls import path  # noqa: F401

urlpatterns: list = []

from django.urls import include  # noqa: E402

urlpatterns += [path("webhooks/bounces/", include("demain.delivery.bounces.urls"))]
