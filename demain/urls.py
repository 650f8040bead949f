from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("demain.audience.urls")),
    path("", include("demain.delivery.urls")),
    path("", include("demain.site.urls")),
]
