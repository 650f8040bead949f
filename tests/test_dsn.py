"""demain.lib.dsn on realistic bounce messages written for these tests (tests/dsn/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from demain.lib import dsn

SAMPLES = Path(__file__).parent / "dsn"


def parsed(name: str) -> list[dsn.Report]:
    return dsn.parse((SAMPLES / name).read_bytes())


def test_it_reads_a_postfix_hard_bounce():
    [report] = parsed("postfix-hard.eml")
    assert report.kind == "hard"
    assert report.email == "claire.martin@example.net"
    assert (report.status, report.action) == ("5.1.1", "failed")
    assert "User unknown in virtual mailbox table" in report.diagnostic


def test_it_reads_an_exchange_hard_bounce_with_a_two_digit_detail():
    [report] = parsed("exchange-hard.eml")
    assert (report.kind, report.email, report.status) == ("hard", "J.Dupont@contoso-conseil.fr", "5.1.10")
    assert "RecipientNotFound" in report.diagnostic


def test_it_treats_a_delay_as_soft_and_ignores_delivered_recipients():
    reports = parsed("postfix-delay.eml")
    assert [(r.kind, r.email, r.status, r.action) for r in reports] == [
        ("soft", "marc@lent.example", "4.2.2", "delayed"),
    ]


def test_it_reads_a_qmail_bounce_loosely_per_recipient():
    reports = {r.email: r for r in parsed("qmail.eml")}
    assert set(reports) == {"lucie@vieux-serveur.example", "bernard@vieux-serveur.example"}
    assert (reports["lucie@vieux-serveur.example"].kind, reports["lucie@vieux-serveur.example"].status) == ("hard", "5.1.1")
    assert (reports["bernard@vieux-serveur.example"].kind, reports["bernard@vieux-serveur.example"].status) == ("soft", "4.4.2")


def test_it_reads_an_exim_bounce_loosely():
    [report] = parsed("exim.eml")
    assert (report.kind, report.email) == ("hard", "sophie@boite.example")
    assert "550 No such user here" in report.diagnostic


def test_it_reads_a_feedback_loop_complaint():
    assert [(r.kind, r.email) for r in parsed("arf-complaint.eml")] == [("complaint", "herve@grand-fai.example")]


@pytest.mark.parametrize("name", ["ordinary.eml", "autoreply.eml"])
def test_it_returns_nothing_for_ordinary_mail(name):
    assert parsed(name) == []


@pytest.mark.parametrize("status, action, kind", [
    ("5.1.1", "failed", "hard"),
    ("5.4.4", "failed", "hard"),
    ("5.2.2", "failed", "soft"),  # mailbox full
    ("5.7.1", "failed", "soft"),  # policy: the message, not the address
    ("4.4.7", "failed", "soft"),  # given up after the queue lifetime
    ("4.2.0", "delayed", "soft"),
    ("2.0.0", "delivered", None),
    ("", "relayed", None),
])
def test_it_classifies_by_status_and_action(status, action, kind):
    assert dsn.classify(action, status, "") == kind


def test_it_falls_back_to_the_smtp_code_of_the_diagnostic():
    assert dsn.classify("failed", "", "smtp; 550 mailbox unavailable") == "hard"
    assert dsn.classify("failed", "", "smtp; 421 try later") == "soft"


def test_it_reads_a_delivery_status_part_sent_as_base64():
    import base64

    block = b"Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; tom@example.org\nAction: failed\nStatus: 5.1.2\n"
    raw = (
        b"From: MAILER-DAEMON@mx.example\nSubject: Undeliverable\nMIME-Version: 1.0\n"
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\nFailed.\n"
        b"--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(block) + b"--b--\n"
    )
    assert [(r.kind, r.email, r.status) for r in dsn.parse(raw)] == [("hard", "tom@example.org", "5.1.2")]


@pytest.mark.parametrize("raw", [b"", b"\x00\xff garbage", b"Subject: Undeliverable\n\nno address here"])
def test_it_survives_junk(raw):
    assert dsn.parse(raw) == []
