"""DKIM signatures made by demain.lib.dkim, checked with dkimpy's own verifier."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import dkim as dkimpy
import pytest
from dkim import dknewkey

from demain.lib import dkim

MESSAGE = (
    b"From: Le monde de demAIn <lettre@demain.example>\r\n"
    b"To: lectrice@example.org\r\n"
    b"Subject: =?utf-8?q?Num=C3=A9ro_12?=\r\n"
    b"Date: Tue, 04 Mar 2025 07:00:00 +0100\r\n"
    b"Message-ID: <12.abc@demain.example>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"List-Unsubscribe: <https://demain.example/desinscription/tok123/>\r\n"
    b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
    b"List-Id: Le monde de demAIn <lettre.demain.example>\r\n"
    b"\r\n"
    b"Bonjour,\r\nvoici le num\xc3\xa9ro de la semaine.\r\n"
)


def make_key(tmp_path: Path, ktype: str) -> tuple[bytes, bytes]:
    """(private key, DNS TXT record) generated with dkimpy's own dknewkey tooling."""
    key_file, dns_file = str(tmp_path / "k.key"), str(tmp_path / "k.dns")
    if ktype == "rsa":
        dknewkey.GenRSAKeys(key_file, verbose=False)
        dknewkey.ExtractRSADnsPublicKey(key_file, dns_file, verbose=False)
    else:
        seed = dknewkey.GenEd25519Keys(key_file, verbose=False)
        dknewkey.ExtractEd25519PublicKey(dns_file, seed, verbose=False)
    return Path(key_file).read_bytes(), Path(dns_file).read_bytes()


@pytest.fixture(scope="module")
def rsa_key(tmp_path_factory):
    return make_key(tmp_path_factory.mktemp("rsa"), "rsa")


def dns_for(txt: bytes):
    def dnsfunc(name, timeout=5):
        assert name == b"lettre._domainkey.demain.example."
        return txt

    return dnsfunc


def signed(message: bytes, key: bytes, **kwargs) -> bytes:
    header = dkim.sign(message, selector="lettre", domain="demain.example", private_key_pem=key, **kwargs)
    return header + message


def signature_tags(signed_message: bytes) -> dict[bytes, bytes]:
    header = signed_message.split(b"\r\n\r\n", 1)[0].split(b"DKIM-Signature:", 1)[1]
    header = header.split(b"\r\nFrom:", 1)[0]
    return dkimpy.util.parse_tag_value(b"".join(header.split()))


def test_it_signs_with_rsa_sha256_and_relaxed_canonicalisation(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key)
    assert message.startswith(b"DKIM-Signature: ")
    tags = signature_tags(message)
    assert tags[b"a"] == b"rsa-sha256"
    assert tags[b"c"] == b"relaxed/relaxed"
    assert tags[b"d"] == b"demain.example" and tags[b"s"] == b"lettre"
    assert dkimpy.verify(message, dnsfunc=dns_for(txt))


def test_it_covers_the_unsubscribe_headers_and_the_usual_ones(rsa_key):
    key, _ = rsa_key
    signed_names = signature_tags(signed(MESSAGE, key))[b"h"].split(b":")
    for name in (b"from", b"to", b"subject", b"date", b"message-id", b"list-unsubscribe",
                 b"list-unsubscribe-post", b"list-id", b"mime-version", b"content-type"):
        assert name in signed_names, name


def test_it_breaks_when_list_unsubscribe_is_tampered_with(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key)
    tampered = message.replace(b"desinscription/tok123/", b"desinscription/tok999/")
    assert tampered != message
    assert not dkimpy.verify(tampered, dnsfunc=dns_for(txt))


def test_it_breaks_when_a_second_list_unsubscribe_is_added(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key)
    added = message.replace(b"\r\n\r\n", b"\r\nList-Unsubscribe: <https://evil.example/>\r\n\r\n", 1)
    assert not dkimpy.verify(added, dnsfunc=dns_for(txt))


def test_it_breaks_when_the_body_changes(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key)
    assert not dkimpy.verify(message.replace(b"semaine", b"journee"), dnsfunc=dns_for(txt))


def test_it_survives_relaxed_whitespace_changes(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key)
    refolded = message.replace(b"Subject: =?utf", b"Subject:   =?utf").replace(b"Bonjour,", b"Bonjour,  ")
    assert dkimpy.verify(refolded, dnsfunc=dns_for(txt))


def test_it_signs_only_the_headers_asked_for(rsa_key):
    key, txt = rsa_key
    message = signed(MESSAGE, key, headers=[b"From", b"Subject"])
    assert signature_tags(message)[b"h"].split(b":") == [b"from", b"from", b"subject", b"subject"]
    assert dkimpy.verify(message, dnsfunc=dns_for(txt))


def test_it_signs_with_ed25519_when_the_key_is_ed25519(tmp_path):
    key, txt = make_key(tmp_path, "ed25519")
    message = signed(MESSAGE, key)
    assert signature_tags(message)[b"a"] == b"ed25519-sha256"
    assert dkimpy.verify(message, dnsfunc=dns_for(txt))
    assert not dkimpy.verify(message.replace(b"tok123", b"tok124"), dnsfunc=dns_for(txt))


def test_it_reads_an_ed25519_pkcs8_pem_from_openssl(tmp_path):
    pem = subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519"], check=True,
                         capture_output=True).stdout
    public_der = subprocess.run(["openssl", "pkey", "-pubout", "-outform", "DER"], input=pem,
                                check=True, capture_output=True).stdout
    txt = b"v=DKIM1; k=ed25519; p=" + base64.b64encode(public_der[-32:])
    message = signed(MESSAGE, pem)
    assert signature_tags(message)[b"a"] == b"ed25519-sha256"
    assert dkimpy.verify(message, dnsfunc=dns_for(txt))


@pytest.mark.parametrize("bad_key", [b"", b"not a key at all", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"])
def test_it_rejects_a_bad_key_with_a_clear_error(bad_key):
    with pytest.raises(dkim.SigningError, match="DKIM"):
        dkim.sign(MESSAGE, selector="lettre", domain="demain.example", private_key_pem=bad_key)
