from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Le monde de demAIn — rédaction"
admin.site.site_title = "Rédaction de demAIn"
admin.site.index_title = "Tableau de bord"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("demain.audience.urls")),
    path("", include("demain.delivery.urls")),
    path("", include("demain.site.urls")),
]
