"""The draft's text as HTML, each checked item marked where it stands and linked to its finding."""

from __future__ import annotations

from typing import Sequence

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .models import CheckItem


def highlight(text: str, items: Sequence[CheckItem]) -> SafeString:
    """``text`` escaped, with a <mark> around each item (numbered from 1 in ``items``' order, linked to
    ``#item-N``). An item inside another one already marked (a name within a quotation) is not marked
    twice: the list beside the text still shows it."""
    parts, cursor = [], 0
    numbered = sorted(enumerate(items, start=1), key=lambda pair: (pair[1].start, -pair[1].end))
    for number, item in numbered:
        if item.start < cursor or item.end <= item.start or item.end > len(text):
            continue
        parts.append(escape(text[cursor:item.start]))
        accepted = " check-accepted" if item.accepted_reason and item.status != CheckItem.Status.SUPPORTED else ""
        parts.append(format_html(
            '<mark class="check check-{}{}" id="mark-{}"><a href="#item-{}" title="{} {} : {}">{}</a>'
            '<sup aria-hidden="true">{}</sup></mark>',
            item.status, accepted, number, number, item.get_kind_display(), number, item.get_status_display(),
            text[item.start:item.end], number))
        cursor = item.end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(str(part) for part in parts))
