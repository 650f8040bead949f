"""One kept-open SMTP connection, driven step by step so the worker knows the phase.

``send`` runs MAIL, RCPT and DATA; once the server has answered 354 it calls
``before_body`` (the worker records "DATA reached" there) and only then
transmits the message. An exchange broken after that point is *uncertain*.
"""

from __future__ import annotations

import re
import smtplib
from dataclasses import dataclass

from django.conf import settings

PERIOD_AT_LINE_START = re.compile(rb"(?m)^\.")


def dot_stuff(data: bytes) -> bytes:
    """RFC 5321 transparency: a line starting with "." gets one more."""
    return PERIOD_AT_LINE_START.sub(b"..", data)


@dataclass
class Outcome:
    kind: str  # "sent" | "retry" | "bounced" | "uncertain" | "skipped"
    code: int | None = None
    reply: str = ""


def _reply(code: int, message: bytes | str) -> tuple[int, str]:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return code, text[:480]


# Permanent refusals of the address or of the message for it; other 5xx (500-503:
# syntax or sequence errors) are our side's fault and are retried, then reported.
PERMANENT = {550, 551, 552, 553, 554}


def classify(code: int, reply: str) -> Outcome:
    if 200 <= code < 300:
        return Outcome("sent", code, reply)
    if code in PERMANENT:
        return Outcome("bounced", code, reply)
    return Outcome("retry", code, reply)


def open_connection():
    """The worker's way out, following EMAIL_BACKEND: SMTP, or the local outbox (embedded default)."""
    if settings.EMAIL_BACKEND == "demain.delivery.outbox.OutboxBackend":
        from demain.delivery.outbox import OutboxConnection

        return OutboxConnection()
    return Connection()


class Connection:
    def __init__(self):
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        if self.smtp is None:
            smtp = smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=settings.EMAIL_TIMEOUT)
            smtp.ehlo_or_helo_if_needed()
            if settings.EMAIL_USE_TLS:
                smtp.starttls()
                smtp.ehlo()
            if settings.EMAIL_HOST_USER:
                smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
            self.smtp = smtp
        return self.smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None

    def drop(self) -> None:
        if self.smtp is not None:
            self.smtp.close()
            self.smtp = None

    def send(self, sender: str, recipient: str, wire: bytes, before_body) -> Outcome:
        """Deliver one dot-stuffed message; ``before_body()`` returning False aborts it unsent.

        ``before_body`` runs right after the DATA command is written, while the
        server's 354 is on its way: the status write overlaps the round trip, and
        still happens before any byte of the body leaves.
        """
        try:
            smtp = self.open()
            for command, argument in (("mail", f"FROM:<{sender}>"), ("rcpt", f"TO:<{recipient}>")):
                code, reply = _reply(*smtp.docmd(command, argument))
                if code != 250 and code != 251:
                    return self._refused(code, reply, recipient_step=command == "rcpt")
            smtp.putcmd("data")
        except (smtplib.SMTPException, OSError) as error:
            self.drop()
            return Outcome("retry", None, f"connexion SMTP : {error}"[:480])
        if not before_body():
            self.drop()  # the only way to abandon a message once DATA is sent
            return Outcome("skipped", None, "repris par un autre processus")
        try:
            code, reply = _reply(*smtp.getreply())
            if code != 354:
                return self._refused(code, reply, recipient_step=False)
        except (smtplib.SMTPException, OSError) as error:
            self.drop()  # no body was sent: nothing can have been delivered
            return Outcome("retry", None, f"connexion SMTP : {error}"[:480])
        try:
            smtp.send(wire + b".\r\n")
            code, reply = _reply(*smtp.getreply())
        except (smtplib.SMTPException, OSError) as error:
            self.drop()
            return Outcome("uncertain", None, f"échange interrompu après DATA : {error}"[:480])
        if code == 421:
            self.drop()
        return classify(code, reply)

    def _refused(self, code: int, reply: str, recipient_step: bool) -> Outcome:
        if code == 421:
            self.drop()
        else:
            try:
                self.smtp.rset()
            except (smtplib.SMTPException, OSError):
                self.drop()
        outcome = classify(code, reply)
        if outcome.kind == "bounced" and not recipient_step:
            outcome.kind = "retry"  # MAIL FROM refused: our problem, not the reader's address
        return outcome
