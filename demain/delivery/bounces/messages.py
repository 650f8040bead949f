"""Bounce messages (DSNs, feedback reports) → stored and processed BounceEvents."""

from __future__ import annotations

import email
import email.policy
import hashlib
from dataclasses import dataclass

from demain.delivery.bounces import record
from demain.delivery.bounces.parsers import Event
from demain.lib import dsn


@dataclass
class Outcome:
    reports: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0

    def add(self, other: "Outcome") -> None:
        for name in ("reports", "stored", "duplicates", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def events_from_message(raw: bytes) -> list[Event]:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    identity = (message.get("Message-ID") or "").strip() or hashlib.sha256(raw).hexdigest()
    return [
        Event(report.kind, report.email, f"{report.status} {report.diagnostic}".strip()[:1000],
              f"{identity}:{report.email.lower()}:{report.action}")
        for report in dsn.parse(raw)
    ]


def record_message(raw: bytes, provider: str) -> Outcome:
    """Store the message's reports (the raw message with each), then apply them."""
    events = events_from_message(raw)
    if not events:
        return Outcome()
    created, duplicates = record.store(provider, as_text(raw), events)
    failed = record.process_all(created)
    return Outcome(reports=len(events), stored=len(created), duplicates=duplicates, failed=failed)


def as_text(raw: bytes) -> str:
    """The message as text: UTF-8, else latin-1 (which maps every byte); NULs,
    which PostgreSQL text cannot hold, become U+FFFD."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.replace("\x00", "\ufffd")
