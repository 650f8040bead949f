"""The sign-up box shown at the end of each issue and on the home page."""

from __future__ import annotations

from django import template

from demain.audience.forms import SignupForm
from demain.audience.models import Resource
from demain.site import page_cache

register = template.Library()


@register.inclusion_tag("audience/_signup_box.html", takes_context=True)
def signup_box(context) -> dict:
    """The sign-up form, reduced to an address and the consent box; it posts to the sign-up page.

    Rendered for the page cache, the per-request parts are holes that each response fills
    (demain/site/page_cache.py); written as a file for the front server, it is a plain GET form
    that opens the sign-up page with the address filled in (no token can live in a file).
    """
    fill = getattr(context.get("request"), "page_cache_fill", None)
    form = SignupForm(auto_id="boite-%s")
    csrf_token = context.get("csrf_token")
    if fill == page_cache.FILL_CACHE:
        form.initial["started"], csrf_token = page_cache.STARTED_HOLE, page_cache.CSRF_HOLE
    return {
        "form": form,
        # Not "csrf_token": an inclusion tag overwrites that one with the page's own (Django's InclusionNode).
        "box_csrf_token": csrf_token,
        "static_form": fill == page_cache.FILL_STATIC,
        "resource": Resource.objects.filter(published=True).only("slug", "title").first(),
    }
