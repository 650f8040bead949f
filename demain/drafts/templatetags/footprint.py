"""{% issue_footprint issue %}: an issue's footprint label, with its perimeter, on the public site."""

from django import template

from demain.drafts.footprint import label_for

register = template.Library()


@register.inclusion_tag("drafts/footprint_label.html")
def issue_footprint(issue):
    return {"issue": issue, "label": label_for(issue)}
