"""The local outbox (embedded default): every email is kept in the database instead of sent.

``OutboxBackend`` is the Django email backend for transactional mail;
``OutboxConnection`` stands in for the delivery worker's SMTP connection, so
newsletters sent by `demain worker` land in the same outbox.
"""

from __future__ import annotations

import email
from email.header import decode_header, make_header

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
