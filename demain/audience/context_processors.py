from demain.audience.models import OfferPage


def menu(request) -> dict:
    """The offer pages for the site's navigation, in their menu order (queried lazily)."""
    return {"menu_pages": OfferPage.objects.filter(in_menu=True).only("slug", "title")}
