"""The sign-up box shown at the end of each issue and on the home page."""

from __future__ import annotations

from django import template

from demain.audience.forms import SignupForm
from demain.audience.models import Resource

register = template.Library()


@register.inclusion_tag("audience/_signup_box.html", takes_context=True)
def signup_box(context) -> dict:
    """The sign-up form, reduced to an address and the consent box; it posts to the sign-up page."""
    return {
        "form": SignupForm(auto_id="boite-%s"),
        "csrf_token": context.get("csrf_token"),
        "resource": Resource.objects.filter(published=True).only("slug", "title").first(),
    }
