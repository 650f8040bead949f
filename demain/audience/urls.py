from django.urls import path

from demain.audience.views import (
    confirm_subscription,
    download,
    erase_data,
    export_data,
    one_click_unsubscribe,
    preferences,
    request_resource,
    show_offer,
    subscribe,
    unsubscribe,
)

app_name = "audience"

urlpatterns = [
    path("inscription/", subscribe.subscribe, name="subscribe"),
    path("inscription/merci/", subscribe.subscribe_sent, name="subscribe_sent"),
    path("inscription/confirmer/<str:token>/", confirm_subscription.confirm_subscription, name="confirm"),
    path("preferences/<str:token>/", preferences.preferences, name="preferences"),
    path("desinscription/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path("desinscription/<str:token>/un-clic/", one_click_unsubscribe.one_click_unsubscribe,
         name="one_click_unsubscribe"),
    path("mes-donnees/<str:token>/export/", export_data.export_data, name="export"),
    path("mes-donnees/<str:token>/effacer/", erase_data.erase_data, name="erase"),
    path("offres/<slug:slug>/", show_offer.show_offer, name="offer"),
    path("offres/<slug:slug>/merci/", show_offer.offer_sent, name="offer_sent"),
    path("ressources/<slug:slug>/", request_resource.request_resource, name="resource"),
    path("ressources/<slug:slug>/merci/", request_resource.resource_sent, name="resource_sent"),
    path("telechargement/<str:token>/", download.download, name="download"),
]
