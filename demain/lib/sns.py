"""Amazon SNS message signatures (versions 1 and 2). Pure: no Django, no network.

SNS signs a canonical string of a message's fields with the private key of the
certificate at ``SigningCertURL``: for each signed field, in this order and when
present, its name, a newline, its value, a newline. Version 1 signs with
RSA-SHA1, version 2 with RSA-SHA256 (PKCS #1 v1.5). The certificate URL must be
Amazon's own: ``https://sns.<region>.amazonaws.com/….pem``; anything else is
refused before any fetch, so a forged message cannot point at its own key.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from typing import Mapping
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

NOTIFICATION_FIELDS = ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
CONFIRMATION_FIELDS = ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type")
SIGNED_FIELDS = {
    "Notification": NOTIFICATION_FIELDS,
    "SubscriptionConfirmation": CONFIRMATION_FIELDS,
    "UnsubscribeConfirmation": CONFIRMATION_FIELDS,
}
HASHES = {"1": hashes.SHA1, "2": hashes.SHA256}
SNS_HOST = re.compile(r"sns\.[a-z]{2}(-gov)?-[a-z]+-\d+\.amazonaws\.com")


class SignatureError(ValueError):
    """The message is not signed by Amazon SNS; the message says why."""


def canonical_string(message: Mapping[str, object]) -> bytes:
    kind = message.get("Type")
    if kind not in SIGNED_FIELDS:
        raise SignatureError(f"Type: expected one of {', '.join(SIGNED_FIELDS)}, got {kind!r}")
    parts = []
    for field in SIGNED_FIELDS[kind]:
        if field == "Subject" and message.get(field) is None:
            continue
        if field not in message:
            raise SignatureError(f"{field}: missing from a signed {kind} message")
        parts.append(f"{field}\n{message[field]}\n")
    return "".join(parts).encode("utf-8")


def check_certificate_url(url: object) -> str:
    """The URL, if it is Amazon SNS's certificate URL shape; SignatureError otherwise."""
    if not isinstance(url, str):
        raise SignatureError("SigningCertURL: missing")
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise SignatureError(f"SigningCertURL: expected https, got {parts.scheme or 'no scheme'}")
    if parts.username or parts.password or parts.port or not SNS_HOST.fullmatch(parts.hostname or ""):
        raise SignatureError(f"SigningCertURL: {parts.netloc!r} is not an Amazon SNS host (sns.<region>.amazonaws.com)")
    if not parts.path.endswith(".pem") or parts.query or parts.fragment:
        raise SignatureError("SigningCertURL: expected a path ending in .pem, without a query")
    return url


def verify(message: Mapping[str, object], certificate_pem: bytes, now: datetime.datetime | None = None) -> None:
    """Returns when the message's signature is valid for the certificate; SignatureError otherwise."""
    version = str(message.get("SignatureVersion", ""))
    if version not in HASHES:
        raise SignatureError(f"SignatureVersion: expected 1 or 2, got {version or 'nothing'}")
    try:
        signature = base64.b64decode(str(message.get("Signature", "")), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError("Signature: not base64") from None
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
    except ValueError:
        raise SignatureError("the signing certificate is not a PEM X.509 certificate") from None
    now = now or datetime.datetime.now(datetime.timezone.utc)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise SignatureError("the signing certificate has expired or is not valid yet")
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError("the signing certificate's key is not RSA")
    try:
        key.verify(signature, canonical_string(message), padding.PKCS1v15(), HASHES[version]())
    except InvalidSignature:
        raise SignatureError("Signature: does not match the message") from None
