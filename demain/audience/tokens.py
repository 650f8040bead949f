"""Signed tokens for the links we email, one salt per purpose.

A token names a row and carries a secret of that row (its key or nonce), so
changing the secret revokes every link made before; the signature makes it
impossible to forge, and each purpose's salt keeps one kind of link from
opening another kind of page.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

CONFIRM = "demain.audience.confirm"
MANAGE = "demain.audience.preferences"
UNSUBSCRIBE = "demain.audience.unsubscribe"
DATA = "demain.audience.data"
DOWNLOAD = "demain.audience.download"


class BadToken(Exception):
    """The token is forged, damaged, or made for another purpose."""


class ExpiredToken(BadToken):
    """The token was genuine but is too old."""


def make(purpose: str, pk: int, secret: str) -> str:
    return signing.dumps([pk, secret], salt=purpose, compress=False)


def read(purpose: str, token: str, max_age: timedelta | None = None) -> tuple[int, str]:
    """Return (pk, secret) or raise BadToken / ExpiredToken."""
    try:
        pk, secret = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredToken(purpose) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise BadToken(purpose) from None
    if not isinstance(pk, int) or not isinstance(secret, str):
        raise BadToken(purpose)
    return pk, secret
