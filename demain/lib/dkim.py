"""DKIM signing (RFC 6376, RFC 8463) through dkimpy. Pure: no Django.

:func:`sign` returns the ``DKIM-Signature:`` header line (CRLF-terminated) to
prepend to the message. Canonicalisation is relaxed/relaxed. The algorithm
follows the key: ``rsa-sha256`` for an RSA key (PKCS#1 or PKCS#8 PEM),
``ed25519-sha256`` for an Ed25519 key (PKCS#8 PEM, as ``openssl genpkey
-algorithm ed25519`` writes it, or the base64 seed ``dknewkey --ktype
ed25519`` writes).

Every signed header is "oversigned": listed once more than it occurs, so
nobody can add a second ``From``, ``Subject`` or ``List-Unsubscribe`` after
signing without breaking the signature. A default header absent from the
message is still listed, which forbids adding it later.
"""

from __future__ import annotations

import base64
import binascii
import re

import dkim as dkimpy

DEFAULT_HEADERS: list[bytes] = [
    b"From", b"To", b"Subject", b"Date", b"Message-ID", b"MIME-Version", b"Content-Type",
    b"List-Unsubscribe", b"List-Unsubscribe-Post", b"List-Id",
    b"Reply-To", b"Sender", b"Cc", b"Content-Transfer-Encoding",
]

# DER prefix of a PKCS#8 Ed25519 private key (RFC 8410): the 32-byte seed follows.
_ED25519_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BODY = re.compile(rb"-----BEGIN ([A-Z ]+)-----\s*(.+?)\s*-----END \1-----", re.DOTALL)


class SigningError(ValueError):
    """The message or the key could not be signed with."""


def sign(
    message_bytes: bytes,
    *,
    selector: str,
    domain: str,
    private_key_pem: bytes,
    headers: list[bytes] | None = None,
) -> bytes:
    """Return the DKIM-Signature header line for ``message_bytes``."""
    algorithm, key = _load_key(private_key_pem)
    try:
        return dkimpy.sign(
            message_bytes,
            selector.encode("ascii"),
            domain.encode("ascii"),
            key,
            canonicalize=(b"relaxed", b"relaxed"),
            signature_algorithm=algorithm,
            include_headers=oversigned(message_bytes, headers or DEFAULT_HEADERS),
        )
    except dkimpy.DKIMException as error:
        raise SigningError(f"DKIM signing for {selector}._domainkey.{domain} failed: {error}") from error


def oversigned(message_bytes: bytes, names: list[bytes]) -> list[bytes]:
    """Each name once more than the message carries it (at least once)."""
    present = [name.lower() for name, _ in dkimpy.rfc822_parse(message_bytes)[0]]
    unique = list(dict.fromkeys(name.lower() for name in names))
    return [name for name in unique for _ in range(present.count(name) + 1)]


def _load_key(data: bytes) -> tuple[bytes, bytes]:
    """(dkimpy algorithm, key in the form dkimpy reads) for a private key."""
    data = data.strip().replace(b"\r\n", b"\n")
    match = _PEM_BODY.search(data)
    if match is None:
        seed = _b64(data)
        if len(seed) != 32:
            raise SigningError("DKIM private key: expected a PEM key or a base64 Ed25519 seed")
        return b"ed25519-sha256", data
    der = _b64(match.group(2))
    if der.startswith(_ED25519_PKCS8_PREFIX) and len(der) == len(_ED25519_PKCS8_PREFIX) + 32:
        return b"ed25519-sha256", base64.b64encode(der[-32:])
    if match.group(1) not in (b"RSA PRIVATE KEY", b"PRIVATE KEY"):
        raise SigningError(f"DKIM private key: unsupported PEM block {match.group(1).decode()!r}")
    return b"rsa-sha256", data + b"\n"


def _b64(data: bytes) -> bytes:
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        raise SigningError("DKIM private key: not valid base64") from None
