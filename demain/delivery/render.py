"""Render an issue ONCE into an email template; fill the personal parts per recipient.

The issue is rendered with Django templates and its CSS inlined (css-inline)
when the campaign is created. The HTML and text bodies keep placeholders for
the personal links. :class:`PreparedEmail` then encodes every fixed part once
(quoted-printable, headers, MIME structure); a recipient's message is a join
of prepared bytes and a few encoded links: no template render per recipient.
"""

from __future__ import annotations

import secrets
from email.header import Header
from email.quoprimime import body_encode
from email.utils import formatdate, parseaddr
from html import escape

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch

from demain.delivery.smtp import dot_stuff
from demain.drafts.footprint import label_for
from demain.issues.models import Issue
from demain.lib.houseformat import typography
from demain.site.links import legal_links

# Placeholders survive Django escaping, CSS inlining and quoted-printable encoding.
PREFERENCES = "DEMAINxPREFERENCESxURL"
UNSUBSCRIBE = "DEMAINxUNSUBSCRIBExURL"
PLACEHOLDERS = (PREFERENCES, UNSUBSCRIBE)
GMAIL_CLIP_BYTES = 100 * 1024
CRLF = b"\r\n"


class NotPublished(ValueError):
    """Only published issues are sent."""


def web_url(issue: Issue) -> str:
    try:
        return settings.SITE_URL + issue.get_absolute_url()
    except NoReverseMatch:
        return settings.SITE_URL + "/"


def _context(issue: Issue) -> dict:
    articles = list(issue.articles.prefetch_related("sources"))
    review = getattr(issue, "app_review", None)
    return {
        "issue": issue,
        "articles": articles,
        "review": review,
        "web_url": web_url(issue),
        "site_url": settings.SITE_URL,
        "preheader": preheader(issue, articles, review),
        # The footprint ledger's label: the issue's total with its perimeter, or « aucune génération ».
        "footprint": label_for(issue),
        "postal_address": settings.POSTAL_ADDRESS,
        **legal_links(),
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
    }


PREHEADER_CHARS = 150


def preheader(issue: Issue, articles: list, review) -> str:
    """The line a mail client shows after the subject: what is inside, not « Lire en ligne »."""
    titles = [article.title for article in articles if article.title]
    if review is not None and review.name:
        titles.append(f"App sous le radar : {review.name}")
    text = "Au sommaire : " + " · ".join(titles) if titles else (issue.editorial_paragraphs or [issue.title])[0]
    return text if len(text) <= PREHEADER_CHARS else text[:PREHEADER_CHARS - 1].rsplit(" ", 1)[0] + "…"


def subject_for(issue: Issue) -> str:
    return typography.space(f"Le monde de demAIn n° {issue.number} — {issue.title}")


def render_issue(issue: Issue) -> tuple[str, str]:
    """The issue's email as (html with CSS inlined, plain text), with placeholders."""
    if issue.status != Issue.Status.PUBLISHED:
        raise NotPublished(f"le numéro {issue.number} n’est pas publié (statut : {issue.get_status_display()})")
    return render_email(issue)


def render_email(issue: Issue) -> tuple[str, str]:
    """The same at any status: what the editor previews before publishing."""
    context = _context(issue)
    html = render_to_string("delivery/email.html", context)
    html = css_inline.CSSInliner(keep_style_tags=True).inline(html)
    text = render_to_string("delivery/email.txt", context)
    return html, text


def qp(text: str) -> bytes:
    """Quoted-printable, 76-column lines, CRLF; ends a line (soft break if needed)."""
    encoded = body_encode(text.encode("utf-8").decode("latin-1"), maxlinelen=76, eol="\r\n")
    if not encoded.endswith("\r\n"):
        encoded += "=\r\n"
    return encoded.encode("ascii")


def _split(body: str, stuff) -> list:
    """Body → [bytes, placeholder, bytes, …], each fixed part already encoded."""
    parts: list = []
    rest = body
    while True:
        found = [(rest.find(name), name) for name in PLACEHOLDERS if name in rest]
        if not found:
            parts.append(stuff(qp(rest)))
            return parts
        at, name = min(found)
        parts.append(stuff(qp(rest[:at])))
        parts.append(name)
        rest = rest[at + len(name):]


def header(name: str, value: str) -> bytes:
    if value.isascii():
        return f"{name}: {value}\r\n".encode("ascii")
    return f"{name}: {Header(value, 'utf-8', header_name=name).encode(linesep=chr(13) + chr(10))}\r\n".encode("ascii")


class PreparedEmail:
    """A campaign's message with every fixed byte computed once."""

    def __init__(self, *, subject: str, html: str, text: str, boundary: str = "", signer=None):
        boundary = boundary or f"demain-{secrets.token_hex(12)}"
        self.sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        self.domain = self.sender.rpartition("@")[2] or "demain.invalid"
        self.head = b"".join([
            header("From", settings.DEFAULT_FROM_EMAIL),
            header("Subject", subject),
            header("List-Id", settings.LIST_ID),
            b"MIME-Version: 1.0\r\n",
            f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'.encode(),
        ])
        part = 'Content-Type: text/{}; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        self.signer = signer
        # Without a signature to compute, dot-stuffing is done once here: every part starts a line.
        self.stuff = stuff = dot_stuff if signer is None else bytes
        self.text_parts = [f"--{boundary}\r\n{part.format('plain')}".encode()] + _split(text, stuff)
        self.html_parts = [f"--{boundary}\r\n{part.format('html')}".encode()] + _split(html, stuff)
        self.tail = f"--{boundary}--\r\n".encode()

    def message_id(self, key: str) -> str:
        return f"<{key}@{self.domain}>"

    def build(self, *, to: str, message_id: str, links: dict[str, str], headers: dict[str, str]) -> bytes:
        """The message for one recipient, dot-stuffed for the SMTP DATA phase: a join, no template."""
        text_values = {name: self.stuff(qp(value)) for name, value in links.items()}
        html_values = {name: self.stuff(qp(escape(value))) for name, value in links.items()}
        personal = [header("To", to), header("Message-ID", message_id),
                    header("Date", formatdate(localtime=True))]
        personal += [header(name, value) for name, value in headers.items()]
        body = [CRLF]
        body += [text_values.get(p, p) if isinstance(p, str) else p for p in self.text_parts]
        body += [html_values.get(p, p) if isinstance(p, str) else p for p in self.html_parts]
        body.append(self.tail)
        message = b"".join(personal) + self.head + b"".join(body)
        if self.signer:
            message = dot_stuff(self.signer(message) + message)
        return message
