from django.contrib import admin
from django.urls import include, path

admin.autodiscover()  # here rather than at start-up: see demain/site/admin_apps.py

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("demain.audience.urls")),
    path("", include("demain.delivery.urls")),
    path("", include("demain.site.urls")),
]
