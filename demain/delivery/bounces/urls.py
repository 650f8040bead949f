from django.urls import path

from demain.delivery.bounces import views

urlpatterns = [
    path("", views.receive_bounce_webhook, name="bounce-webhook"),
]
