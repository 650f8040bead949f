"""Provider webhook payloads → bounce and complaint events. Pure: no Django.

Three shapes are recognised, by their keys:

- generic (documented in the README)::

      {"type": "bounce", "email": "a@b.fr", "permanent": true, "reason": "550 5.1.1", "id": "opt"}
      {"type": "complaint", "email": "a@b.fr", "reason": "abuse"}

  or a JSON list of such objects;
- Amazon SES, through SNS (``Type``: Notification / SubscriptionConfirmation /
  UnsubscribeConfirmation, the SES event JSON-encoded in ``Message``) or posted
  as is (``notificationType`` or ``eventType``: Bounce, Complaint…);
- Postmark (``RecordType``: Bounce, SpamComplaint…).

Anything else raises :class:`ShapeError`, whose message says what is wrong.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

HARD, SOFT, COMPLAINT, NOTICE = "hard", "soft", "complaint", "notice"

POSTMARK_KINDS = {
    "HardBounce": HARD, "BadEmailAddress": HARD, "ManuallyDeactivated": HARD,
    "SoftBounce": SOFT, "Transient": SOFT, "DnsError": SOFT, "Blocked": SOFT,
    "Unknown": SOFT, "SMTPApiError": SOFT, "SpamComplaint": COMPLAINT,
    "SpamNotification": COMPLAINT,
}
SES_BOUNCE_KINDS = {"Permanent": HARD, "Transient": SOFT, "Undetermined": SOFT}
SNS_TYPES = {"Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"}


class ShapeError(ValueError):
    """The payload is not one of the recognised shapes, or is incomplete."""


@dataclass(frozen=True)
class Event:
    kind: str  # hard, soft, complaint or notice (recorded only)
    email: str
    reason: str
    key: str  # the provider's identity of this event for this address: duplicates share it


def parse(provider_payload: Any) -> tuple[str, list[Event]]:
    """(provider name, events) for a decoded JSON payload."""
    payload = provider_payload
    if isinstance(payload, dict) and payload.get("Type") in SNS_TYPES:
        return "ses", parse_sns(payload)
    if isinstance(payload, dict) and ("notificationType" in payload or "eventType" in payload):
        return "ses", parse_ses(payload, fallback_key=digest(payload))
    if isinstance(payload, dict) and "RecordType" in payload:
        return "postmark", parse_postmark(payload)
    if isinstance(payload, dict) and "type" in payload:
        return "generic", [parse_generic(payload)]
    if isinstance(payload, list) and payload and all(isinstance(item, dict) for item in payload):
        return "generic", [parse_generic(item) for item in payload]
    raise ShapeError(
        "unknown payload shape: expected a generic event ({\"type\", \"email\", …}), "
        "an Amazon SES/SNS notification or a Postmark webhook"
    )


def parse_generic(item: dict) -> Event:
    kind = item.get("type")
    email = address(item.get("email"), "email")
    reason = str(item.get("reason") or "")[:1000]
    key = str(item.get("id") or digest(item))
    if kind == "complaint":
        return Event(COMPLAINT, email, reason, f"{key}:{email}")
    if kind != "bounce":
        raise ShapeError(f"type: expected \"bounce\" or \"complaint\", got {kind!r}")
    permanent = item.get("permanent")
    if not isinstance(permanent, bool):
        raise ShapeError("permanent: expected true or false for a bounce")
    return Event(HARD if permanent else SOFT, email, reason, f"{key}:{email}")


def parse_sns(envelope: dict) -> list[Event]:
    message_id = str(envelope.get("MessageId") or digest(envelope))
    if envelope["Type"] != "Notification":
        note = f"SNS {envelope['Type']} for {envelope.get('TopicArn', '?')}: confirm it by hand, " \
               f"SubscribeURL={envelope.get('SubscribeURL', '')}"
        return [Event(NOTICE, "", note[:1000], f"sns:{message_id}")]
    try:
        inner = json.loads(envelope.get("Message") or "")
    except (TypeError, ValueError):
        raise ShapeError("Message: an SNS notification must carry the SES event as JSON text") from None
    if not isinstance(inner, dict):
        raise ShapeError("Message: expected a JSON object")
    return parse_ses(inner, fallback_key=f"sns:{message_id}")


def parse_ses(event: dict, *, fallback_key: str) -> list[Event]:
    kind_name = event.get("notificationType") or event.get("eventType")
    if kind_name == "Bounce":
        bounce = mapping(event, "bounce")
        kind = SES_BOUNCE_KINDS.get(bounce.get("bounceType"), SOFT)
        key = str(bounce.get("feedbackId") or fallback_key)
        reason = f"{bounce.get('bounceType')}/{bounce.get('bounceSubType')}"
        return [
            Event(kind, address(r.get("emailAddress"), "emailAddress"),
                  f"{reason} {r.get('status') or ''} {r.get('diagnosticCode') or ''}".strip()[:1000],
                  f"{key}:{r.get('emailAddress')}")
            for r in recipients(bounce, "bouncedRecipients")
        ]
    if kind_name == "Complaint":
        complaint = mapping(event, "complaint")
        key = str(complaint.get("feedbackId") or fallback_key)
        reason = str(complaint.get("complaintFeedbackType") or "complaint")
        return [
            Event(COMPLAINT, address(r.get("emailAddress"), "emailAddress"), reason,
                  f"{key}:{r.get('emailAddress')}")
            for r in recipients(complaint, "complainedRecipients")
        ]
    if isinstance(kind_name, str) and kind_name:
        return [Event(NOTICE, "", f"SES {kind_name} notification (no effect)", fallback_key)]
    raise ShapeError("notificationType: expected a string such as Bounce or Complaint")


def parse_postmark(record: dict) -> list[Event]:
    record_type = record.get("RecordType")
    type_name = record.get("Type") or record_type
    email = address(record.get("Email"), "Email")
    key = f"postmark:{record.get('ID') or digest(record)}:{email}"
    if record_type == "SpamComplaint":
        return [Event(COMPLAINT, email, str(record.get("Description") or "spam complaint")[:1000], key)]
    if record_type != "Bounce":
        return [Event(NOTICE, email, f"Postmark {record_type} record (no effect)", key)]
    kind = POSTMARK_KINDS.get(type_name, NOTICE)
    reason = f"{type_name}: {record.get('Description') or ''} {record.get('Details') or ''}".strip()
    return [Event(kind, email, reason[:1000], key)]


def mapping(event: dict, name: str) -> dict:
    value = event.get(name)
    if not isinstance(value, dict):
        raise ShapeError(f"{name}: expected an object")
    return value


def recipients(section: dict, name: str) -> list[dict]:
    value = section.get(name)
    if not isinstance(value, list) or not value or not all(isinstance(r, dict) for r in value):
        raise ShapeError(f"{name}: expected a non-empty list of recipients")
    return value


def address(value: Any, field: str) -> str:
    if not isinstance(value, str) or "@" not in value or len(value) > 320:
        raise ShapeError(f"{field}: expected an email address, got {value!r}")
    return value.strip()


def digest(payload: Any) -> str:
    """A stable identity for a payload that carries none."""
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
