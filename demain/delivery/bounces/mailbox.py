"""The bounce mailbox (``BOUNCE_MAILBOX_URL``), read with imaplib or poplib.

IMAP (``imap://`` or ``imaps://user:pass@host:port/FOLDER``, default INBOX):
unseen messages are read without marking them (``BODY.PEEK``); a message that
held a bounce or a complaint is then flagged ``\\Seen`` (or deleted with
``delete=True``); other mail stays unseen for a human.

POP3 (``pop3://`` or ``pop3s://``): POP3 has no flags, so every message is
read and those that held a bounce or a complaint are deleted; others stay.

User name and password are percent-decoded from the URL.
"""

from __future__ import annotations

import imaplib
import poplib
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"imap": 143, "imaps": 993, "pop3": 110, "pop3s": 995}
TIMEOUT = 60


class MailboxError(RuntimeError):
    """The mailbox could not be reached, logged into or read."""


@dataclass(frozen=True)
class MailboxAddress:
    scheme: str
    host: str
    port: int
    user: str
    password: str
    folder: str

    @classmethod
    def parse(cls, url: str) -> "MailboxAddress":
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise MailboxError("expected imaps://user:pass@host:993/INBOX or pop3s://user:pass@host:995")
        return cls(
            scheme=parts.scheme,
            host=parts.hostname,
            port=parts.port or DEFAULT_PORTS[parts.scheme],
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.lstrip("/")) or "INBOX",
        )

    def __str__(self) -> str:  # never shows the password
        folder = f"/{self.folder}" if self.scheme.startswith("imap") else ""
        return f"{self.scheme}://{self.user}@{self.host}:{self.port}{folder}"


class ImapMailbox:
    def __init__(self, address: MailboxAddress, delete: bool = False):
        client_class = imaplib.IMAP4_SSL if address.scheme == "imaps" else imaplib.IMAP4
        self.client = client_class(address.host, address.port, timeout=TIMEOUT)
        self.client.login(address.user, address.password)
        status, _ = self.client.select(quote_folder(address.folder))
        if status != "OK":
            raise MailboxError(f"cannot open folder {address.folder!r}")
        self.delete, self.deleted = delete, False

    def messages(self) -> Iterator[tuple[bytes, bytes]]:
        _, data = self.client.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            _, fetched = self.client.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((item[1] for item in fetched if isinstance(item, tuple)), None)
            if raw is not None:
                yield uid, raw

    def done(self, uid: bytes) -> None:
        flag = "\\Deleted" if self.delete else "\\Seen"
        self.client.uid("STORE", uid, "+FLAGS", f"({flag})")
        self.deleted = self.deleted or self.delete

    def close(self) -> None:
        if self.deleted:
            self.client.expunge()
        self.client.logout()


class Pop3Mailbox:
    def __init__(self, address: MailboxAddress, delete: bool = True):
        client_class = poplib.POP3_SSL if address.scheme == "pop3s" else poplib.POP3
        self.client = client_class(address.host, address.port, timeout=TIMEOUT)
        self.client.user(address.user)
        self.client.pass_(address.password)

    def messages(self) -> Iterator[tuple[int, bytes]]:
        count, _ = self.client.stat()
        for number in range(1, count + 1):
            _, lines, _ = self.client.retr(number)
            yield number, b"\r\n".join(lines) + b"\r\n"

    def done(self, number: int) -> None:
        self.client.dele(number)

    def close(self) -> None:
        self.client.quit()  # deletions take effect here


def open_mailbox(url: str, delete: bool = False) -> ImapMailbox | Pop3Mailbox:
    address = MailboxAddress.parse(url)
    try:
        if address.scheme.startswith("imap"):
            return ImapMailbox(address, delete=delete)
        return Pop3Mailbox(address)
    except (OSError, imaplib.IMAP4.error, poplib.error_proto) as error:
        raise MailboxError(f"bounce mailbox {address}: {error}") from error


def quote_folder(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
