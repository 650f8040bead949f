"""The local outbox (embedded default): every email is kept in the database instead of sent.

``OutboxBackend`` is the Django email backend for transactional mail;
``OutboxConnection`` stands in for the delivery worker's SMTP connection, so
newsletters sent by `demain worker` land in the same outbox. ``read`` opens a
kept message for the admin, which shows it like a mailbox does.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email import policy
from email.header import decode_header, make_header
from html.parser import HTMLParser

from django.core.mail.backends.base import BaseEmailBackend

DOT_STUFFED = b"\r\n.."


def keep(*, from_email: str, to: list[str], subject: str, message_id: str, raw: str):
    from demain.delivery.models import OutboxMessage

    return OutboxMessage.objects.create(from_email=from_email, to="\n".join(to), subject=subject,
                                        message_id=message_id, raw=raw)


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            mime = message.message()
            keep(from_email=message.from_email, to=message.recipients(), subject=message.subject,
                 message_id=str(mime["Message-ID"] or ""), raw=mime.as_string())
        return len(email_messages)


class OutboxConnection:
    """Same interface as ``smtp.Connection`` for the worker; nothing leaves the machine."""

    def send(self, sender: str, recipient: str, wire: bytes, before_body):
        from demain.delivery.smtp import Outcome

        if not before_body():
            return Outcome("skipped", None, "repris par un autre processus")
        raw = wire.replace(DOT_STUFFED, b"\r\n.")
        if raw.startswith(b".."):
            raw = raw[1:]
        headers = email.message_from_bytes(raw)
        subject = str(make_header(decode_header(headers["Subject"] or "")))
        keep(from_email=sender, to=[recipient], subject=subject, message_id=str(headers["Message-ID"] or ""),
             raw=raw.decode("utf-8", "replace"))
        return Outcome("sent", 250, "gardé dans la boîte d’envoi locale")

    def close(self) -> None:
        pass

    def drop(self) -> None:
        pass


# --- Reading a kept message, as a mail client would show it ------------------------------------

@dataclass
class ReadMessage:
    headers: list[tuple[str, str]]
    html: str
    text: str
    links: list[str]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.found.append(href.strip())


FIRST_HEADERS = ("from", "to", "subject", "date", "reply-to")
WEB_LINK = re.compile(r"https?://[^\s<>\"«»]+")


def read(raw: str) -> ReadMessage:
    """Headers (decoded), the HTML and text parts, and every web link the message carries, once each."""
    # Bytes, not str: a str parser misreads 8-bit UTF-8 parts (short French emails) as U+FFFD.
    message = email.message_from_bytes(raw.encode("utf-8", "surrogateescape"), policy=policy.default)
    first = {name: rank for rank, name in enumerate(FIRST_HEADERS)}
    headers = sorted(((name, str(value)) for name, value in message.items()),
                     key=lambda header: first.get(header[0].lower(), len(first)))
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    html = html_part.get_content() if html_part is not None else ""
    text = text_part.get_content() if text_part is not None else ""
    parser = _Links()
    parser.feed(html)
    candidates = parser.found + [url.rstrip(".,;:!?)") for url in WEB_LINK.findall(text)]
    candidates += [url.strip("<> ") for name, value in headers if name.lower() == "list-unsubscribe"
                   for url in value.split(",")]
    links = [url for url in dict.fromkeys(candidates) if url.startswith(("http://", "https://"))]
    return ReadMessage(headers=headers, html=html, text=text, links=links)
