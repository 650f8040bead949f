from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_GET


@require_GET
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask /favicon.ico where a page names no icon (the admin, the feeds): the site's own."""
    return HttpResponsePermanentRedirect(static("site/favicon.svg"))
