from demain.audience.models import OfferPage, Resource


def menu(request) -> dict:
    """The offer pages for the site's navigation, in their menu order, and the free downloads (queried lazily)."""
    return {
        "menu_pages": OfferPage.objects.filter(in_menu=True).only("slug", "title"),
        "public_resources": Resource.objects.filter(published=True).only("slug", "title"),
    }
