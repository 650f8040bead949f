"""Authenticating Amazon SNS messages posted to the bounce webhook (the pure part: demain.lib.sns).

The signing certificate is fetched by :func:`fetch_certificate` only (tests
replace that one function), once per URL: kept in Django's cache for a day.
"""

from __future__ import annotations

import hashlib
import urllib.request
from typing import Mapping

from django.core.cache import cache

from demain.lib import sns
from demain.lib.sns import SignatureError

USER_AGENT = "demain bounce webhook (SNS signing certificate)"
MAX_CERTIFICATE_BYTES = 64 * 1024
CACHE_SECONDS = 24 * 3600

__all__ = ["CertificateUnavailable", "SignatureError", "authenticate", "certificate", "fetch_certificate"]


class CertificateUnavailable(SignatureError):
    """The certificate could not be fetched now: the provider should try again later (503)."""


def fetch_certificate(url: str) -> bytes:
    """The PEM certificate at an (already checked) Amazon SNS URL."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (https, checked host)
        body = response.read(MAX_CERTIFICATE_BYTES + 1)
    if len(body) > MAX_CERTIFICATE_BYTES:
        raise SignatureError("the signing certificate is too large")
    return body


def certificate(url: str) -> bytes:
    key = "sns-certificate:" + hashlib.sha256(url.encode()).hexdigest()
    pem = cache.get(key)
    if pem is None:
        try:
            pem = fetch_certificate(url)
        except OSError as problem:
            raise CertificateUnavailable(f"the signing certificate could not be fetched: {problem}") from None
        cache.set(key, pem, CACHE_SECONDS)
    return pem


def authenticate(message: Mapping[str, object]) -> None:
    """Returns for a message Amazon SNS signed; SignatureError, saying why, otherwise."""
    url = sns.check_certificate_url(message.get("SigningCertURL"))
    sns.verify(message, certificate(url))
