"""A self-made certificate and key that sign SNS messages the way Amazon SNS does, for the tests."""

from __future__ import annotations

import base64
import datetime
from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from demain.lib.sns import HASHES, canonical_string

CERT_URL = "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-x.pem"


AMAZON = "sns.amazonaws.com"


@lru_cache(maxsize=2)
def key_and_certificate(name: str) -> tuple[rsa.RSAPrivateKey, bytes]:
    """A key and its self-signed certificate, made once per name."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
                   .sign(key, hashes.SHA256()))
    return key, certificate.public_bytes(serialization.Encoding.PEM)


def certificate_pem() -> bytes:
    return key_and_certificate(AMAZON)[1]


def signed(message: dict, version: str = "1", key_name: str = AMAZON) -> dict:
    """The message with SignatureVersion, SigningCertURL and a Signature made with the test key."""
    message = {"SigningCertURL": CERT_URL, **message, "SignatureVersion": version}
    key, _ = key_and_certificate(key_name)
    signature = key.sign(canonical_string(message), padding.PKCS1v15(), HASHES[version]())
    return {**message, "Signature": base64.b64encode(signature).decode()}
