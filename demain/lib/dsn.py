"""Bounce messages → per-recipient reports. Pure: no Django.

:func:`parse` reads one email (bytes) and returns a :class:`Report` per failed
or delayed recipient, or nothing for ordinary mail. It understands:

- RFC 3464 delivery status notifications (``multipart/report;
  report-type=delivery-status``): each recipient block's Original-Recipient
  (else Final-Recipient), Action, Status and Diagnostic-Code;
- RFC 5965 feedback reports (``report-type=feedback-report``, the ISPs'
  complaint loops): a complaint for Original-Rcpt-To or the returned message's To;
- loosely, the non-standard bounces some servers still send (qmail, Exim,
  old Exchange): a message from MAILER-DAEMON / postmaster or with a bounce
  subject, whose text names the failed addresses next to SMTP codes.

Classification: status 5.x.x is a hard bounce, except the codes that speak of
the message or the mailbox's state rather than the address (5.2.2 mailbox
full, 5.3.4 message too big, 5.7.x policy), which are soft; 4.x.x, "delayed"
and anything unclear are soft.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message
from email.utils import getaddresses

HARD, SOFT, COMPLAINT = "hard", "soft", "complaint"

STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
SMTP_CODE = re.compile(r"(?<![\d.])([245])\d\d(?=[ -])")
ADDRESS = re.compile(r"[\w.+'=-]+@[\w-]+(?:\.[\w-]+)+")
SOFT_PERMANENT = ("5.2.2", "5.3.4")
BOUNCE_SENDERS = ("mailer-daemon", "postmaster", "mail delivery")
BOUNCE_SUBJECTS = (
    "undeliverable", "undelivered mail", "delivery status notification", "delivery failure",
    "failure notice", "mail delivery failed", "returned mail", "delivery has failed",
    "non remis", "non distribuable", "échec de la remise", "could not be delivered",
)
PERMANENT_WORDS = (
    "permanent error", "permanently", "user unknown", "unknown user", "no such user",
    "does not exist", "mailbox unavailable", "address rejected", "recipient not found",
)
QUOTE_MARKERS = (
    "--- below this line is a copy of the message", "------ this is a copy of the message",
    "-----original message-----", "----- original message -----", "original message headers",
    "------ the header of the original message",
)
COMPLAINT_TYPES = {"abuse", "fraud", "other"}


@dataclass(frozen=True)
class Report:
    kind: str  # hard, soft or complaint
    email: str
    status: str  # enhanced status code, "" when none was given
    action: str  # failed, delayed… ("complaint" for feedback reports)
    diagnostic: str


def parse(raw: bytes) -> list[Report]:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    report_type = (message.get_param("report-type") or "").lower() if message.is_multipart() else ""
    if report_type == "delivery-status" or find_part(message, "message/delivery-status"):
        return standard_reports(message)
    if report_type == "feedback-report" or find_part(message, "message/feedback-report"):
        return complaint_reports(message)
    if looks_like_bounce(message):
        return loose_reports(message)
    return []


# --- RFC 3464 --------------------------------------------------------------------

def standard_reports(message: Message) -> list[Report]:
    part = find_part(message, "message/delivery-status")
    reports = []
    for block in field_blocks(part) if part is not None else []:
        recipient = block.get("Original-Recipient") or block.get("Final-Recipient")
        if not recipient:
            continue
        action = (block.get("Action") or "").strip().lower()
        diagnostic = unfold(block.get("Diagnostic-Code") or "")
        status_match = STATUS.search(block.get("Status") or "") or STATUS.search(diagnostic)
        status = ".".join(status_match.groups()) if status_match else ""
        kind = classify(action, status, diagnostic)
        if kind:
            reports.append(Report(kind, typed_address(recipient), status, action, diagnostic))
    return reports


def field_blocks(part: Message) -> list[Message]:
    """The per-message and per-recipient field blocks of a delivery-status part."""
    payload = part.get_payload()
    encoding = (part.get("Content-Transfer-Encoding") or "").strip().lower()
    if isinstance(payload, list) and encoding not in {"base64", "quoted-printable"}:
        return payload
    if isinstance(payload, list):  # parsed as fields before decoding: decode the body again
        body = part.as_bytes().replace(b"\r\n", b"\n").partition(b"\n\n")[2]
        text = email.message_from_bytes(b"Content-Transfer-Encoding: " + encoding.encode() + b"\n\n" + body)
        payload = text.get_payload(decode=True) or b""
    else:
        payload = part.get_payload(decode=True) or b""
    blocks = re.split(r"\r?\n\s*\r?\n", payload.decode("utf-8", "replace"))
    return [email.message_from_string(block.strip() + "\n") for block in blocks if block.strip()]


def classify(action: str, status: str, diagnostic: str) -> str | None:
    if action in {"delivered", "relayed", "expanded"} or status.startswith("2"):
        return None
    if action == "delayed":
        return SOFT
    if status.startswith("5"):
        soft = status in SOFT_PERMANENT or status.startswith("5.7.")
        return SOFT if soft else HARD
    if status.startswith("4"):
        return SOFT
    code = SMTP_CODE.search(diagnostic)
    return HARD if code and code.group(1) == "5" else SOFT


def typed_address(value: str) -> str:
    """``rfc822; <a@b.fr>`` → ``a@b.fr``."""
    address = value.rpartition(";")[2] if ";" in value else value
    return address.strip().strip("<>").strip()


# --- RFC 5965 --------------------------------------------------------------------

def complaint_reports(message: Message) -> list[Report]:
    part = find_part(message, "message/feedback-report")
    fields = field_blocks(part)[0] if part is not None and field_blocks(part) else Message()
    feedback_type = (fields.get("Feedback-Type") or "abuse").strip().lower()
    if feedback_type not in COMPLAINT_TYPES:
        return []
    recipients = [typed_address(fields["Original-Rcpt-To"])] if fields.get("Original-Rcpt-To") else returned_to(message)
    return [Report(COMPLAINT, address, "", "complaint", feedback_type) for address in recipients]


# --- non-standard bounces ---------------------------------------------------------

def looks_like_bounce(message: Message) -> bool:
    sender = (message.get("From") or "").lower()
    subject = unfold(message.get("Subject") or "").lower()
    return any(word in sender for word in BOUNCE_SENDERS) or any(word in subject for word in BOUNCE_SUBJECTS)


def loose_reports(message: Message) -> list[Report]:
    text = human_text(message)
    own = {address.lower() for _, address in getaddresses(message.get_all("From", []) + message.get_all("To", []))}
    found = [m for m in ADDRESS.finditer(text) if m.group().lower() not in own and not is_daemon(m.group())]
    reports: dict[str, Report] = {}
    for index, match in enumerate(found):
        address = match.group().strip(".")
        if address.lower() in reports:
            continue
        following = [m.start() for m in found[index + 1:] if m.group().lower() != address.lower()]
        segment = text[match.end(): following[0] if following else match.end() + 600]
        reports[address.lower()] = loose_report(address, segment)
    if not reports:
        reports = {a.lower(): loose_report(a, text) for a in returned_to(message)}
    return list(reports.values())


def loose_report(address: str, segment: str) -> Report:
    status_match = STATUS.search(segment)
    status = ".".join(status_match.groups()) if status_match else ""
    diagnostic = " ".join(segment.split())[:500]
    kind = classify("failed", status, diagnostic)
    if not status and not SMTP_CODE.search(diagnostic):
        kind = HARD if any(word in diagnostic.lower() for word in PERMANENT_WORDS) else SOFT
    return Report(kind, address, status, "failed", diagnostic)


def human_text(message: Message) -> str:
    """The bounce's own words: its first text part, cut before any quoted original."""
    for part in walk_outer(message):
        if part.get_content_maintype() == "text" and part.get_content_subtype() in {"plain", "html"}:
            payload = part.get_payload(decode=True) or b""
            text = payload.decode(part.get_content_charset() or "utf-8", "replace")
            if part.get_content_subtype() == "html":
                text = re.sub(r"<[^>]+>", " ", text)
            lowered = text.lower()
            cut = min([lowered.find(m) for m in QUOTE_MARKERS if m in lowered] or [len(text)])
            return text[:cut]
    return ""


def returned_to(message: Message) -> list[str]:
    """The To addresses of the returned original message, when it is attached."""
    for part in message.walk():
        original = None
        if part.get_content_type() == "message/rfc822" and isinstance(part.get_payload(), list):
            original = part.get_payload()[0]
        elif part.get_content_type() == "text/rfc822-headers":
            original = email.message_from_bytes(part.get_payload(decode=True) or b"")
        if original is not None:
            return [address for _, address in getaddresses(original.get_all("To", [])) if "@" in address]
    return []


# --- helpers --------------------------------------------------------------------

def find_part(message: Message, content_type: str) -> Message | None:
    for part in walk_outer(message):
        if part.get_content_type() == content_type:
            return part
    return None


def walk_outer(message: Message):
    """Every part, without descending into message/* parts (the returned original, reports)."""
    yield message
    if message.is_multipart() and message.get_content_maintype() != "message":
        for sub in message.get_payload():
            yield from walk_outer(sub)


def is_daemon(address: str) -> bool:
    local = address.split("@")[0].lower()
    return local in {"mailer-daemon", "postmaster", "root"}


def unfold(value: str) -> str:
    return " ".join(str(value).split())
