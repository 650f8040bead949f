"""French typography for the site's own texts and emails, applied once per template.

``{% typography %}…{% endtypography %}`` wraps a whole HTML document (the site's
base template, the email layouts): narrow no-break spaces go into the text
between tags, never into tags, attributes, URLs or code. ``{% typography "text" %}``
does the same for a plain-text email. The rules are houseformat's, not a copy.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from demain.lib.houseformat import typography

register = template.Library()


class TypographyNode(template.Node):
    def __init__(self, nodelist, mode: str):
        self.nodelist = nodelist
        self.mode = mode

    def render(self, context) -> str:
        rendered = self.nodelist.render(context)
        if self.mode == "text":
            return typography.space(rendered)
        return mark_safe(typography.space_html(rendered))


@register.tag(name="typography")
def typography_tag(parser, token):
    bits = token.split_contents()
    mode = bits[1].strip("\"'") if len(bits) > 1 else "html"
    if len(bits) > 2 or mode not in ("html", "text"):
        raise template.TemplateSyntaxError('usage: {% typography %} or {% typography "text" %}')
    nodelist = parser.parse(("endtypography",))
    parser.delete_first_token()
    return TypographyNode(nodelist, mode)


@register.filter
def quoted(text) -> str:
    """« text », with any guillemets inside turned into “ ” (guillemets never nest)."""
    return typography.quote(text)


@register.filter
def plural(count, forms: str) -> str:
    """{{ n|plural:"article" }} → « 0 article », « 2 articles »; "numéro publié,numéros publiés" for irregular forms."""
    one, _, many = forms.partition(",")
    return typography.plural(int(count or 0), one, many or None)
