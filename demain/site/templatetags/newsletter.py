"""Template helpers for the house format: paragraphs, the editorial's punchline, the turn."""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from demain.issues.models import Issue, paragraphs
from demain.site.links import absolute

register = template.Library()

TURN_LEAD = re.compile(r"^(Sauf que\s*\.?)\s*(.*)$", re.DOTALL)


@register.filter(name="paragraphs")
def paragraphs_filter(text: str) -> list[str]:
    return paragraphs(text or "")


@register.filter
def editorial_body(issue: Issue) -> list[str]:
    """The editorial's paragraphs, less the punchline when it closes the text."""
    body = issue.editorial_paragraphs
    if not issue.editorial_punchline and len(body) > 1:
        return body[:-1]
    return body


@register.filter
def editorial_punchline(issue: Issue) -> str:
    """The editorial's punchline: its own field, or else its last paragraph."""
    if issue.editorial_punchline:
        return issue.editorial_punchline
    body = issue.editorial_paragraphs
    return body[-1] if len(body) > 1 else ""


@register.filter
def turn_html(text: str) -> SafeString:
    """The turn's paragraphs, its opening « Sauf que » set apart for emphasis."""
    parts = paragraphs(text or "")
    if not parts:
        return SafeString("")
    match = TURN_LEAD.match(parts[0])
    if match:
        lead, rest = match.groups()
        first = format_html('<p><strong class="turn__lead">{}</strong> {}</p>', lead, rest)
    else:
        first = format_html("<p>{}</p>", parts[0])
    others = format_html_join("", "<p>{}</p>", ((p,) for p in parts[1:]))
    return first + others


@register.simple_tag
def absolute_url(path: str) -> str:
    return absolute(path)
