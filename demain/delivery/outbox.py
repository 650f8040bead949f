"""Email backend that keeps every message in the database instead of sending it."""

from __future__ import annotations

from django.core.mail.backends.base import BaseEmailBackend


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        from demain.delivery.models import OutboxMessage

        sent = 0
        for message in email_messages:
            mime = message.message()
            OutboxMessage.objects.create(
                from_email=message.from_email,
                to="\n".join(message.recipients()),
                subject=str(mime["Subject"] or ""),
                message_id=str(mime["Message-ID"] or ""),
                raw=mime.as_string(),
            )
            sent += 1
        return sent
