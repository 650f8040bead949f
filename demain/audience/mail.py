"""Transactional email: plain text + responsive HTML (CSS inlined), sent through Django.

Templates live in audience/email/NAME.txt and NAME.html. Emails to readers never
print text a visitor typed: only addresses, links and our own words. The one
exception goes to the editor: a request's details (escaped in the HTML part).
"""

from __future__ import annotations

from email.utils import make_msgid, parseaddr

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from demain.audience import links
from demain.audience.models import Subscriber
from demain.lib.houseformat import typography
from demain.site.links import legal_links

INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def sender_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


def subscriber_footer(subscriber: Subscriber) -> dict:
    """Links every email to a subscriber carries, and the headers that go with them."""
    return {
        "unsubscribe_url": links.unsubscribe_url(subscriber),
        "preferences_url": links.preferences_url(subscriber),
    }


def build(name: str, to: str, subject: str, context: dict | None = None,
          subscriber: Subscriber | None = None, reply_to: list[str] | None = None) -> EmailMultiAlternatives:
    subject = typography.space(subject)
    context = {"subject": subject, "postal_address": settings.POSTAL_ADDRESS,
               "site_url": settings.SITE_URL, **legal_links(), **(context or {})}
    headers = {"Message-ID": make_msgid(domain=sender_domain()), "Auto-Submitted": "auto-generated"}
    if subscriber is not None:
        context.update(subscriber_footer(subscriber))
        headers.update(links.list_unsubscribe_headers(subscriber))
        headers["List-Id"] = f"Le monde de demAIn <lettre.{sender_domain()}>"
    text = render_to_string(f"audience/email/{name}.txt", context)
    html = INLINER.inline(render_to_string(f"audience/email/{name}.html", context))
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to],
                                     headers=headers, reply_to=reply_to)
    message.attach_alternative(html, "text/html")
    return message


def send(name: str, to: str, subject: str, **kwargs) -> int:
    return build(name, to, subject, **kwargs).send()
