"""`demain bounces fetch | process-file | retry`, against real POP3 and IMAP servers on loopback."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command

from demain.audience.models import Subscriber, Suppression
from demain.delivery.bounces import record
from demain.delivery.models import BounceEvent
from tests import mailservers
from tests.mailservers import PASSWORD, USER, ImapHandler, Pop3Handler, Store, serve

SAMPLES = Path(__file__).parent / "dsn"
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture
def readers():
    return [
        Subscriber.objects.create(email=email, status=Subscriber.Status.CONFIRMED)
        for email in ("claire.martin@example.net", "herve@grand-fai.example", "marc@lent.example",
                      "nadia@atelier-bois.example")
    ]


def url(scheme: str, port: int, password: str = PASSWORD) -> str:
    return f"{scheme}://{USER}:{quote(password, safe='')}@127.0.0.1:{port}/INBOX"


def fetch(settings, mailbox_url: str, *options: str) -> dict:
    settings.BOUNCE_MAILBOX_URL = mailbox_url
    out = io.StringIO()
    call_command("bounces", "fetch", "--json", *options, stdout=out)
    return json.loads(out.getvalue())


def status_of(email: str) -> str:
    return Subscriber.objects.get(email=email).status


def mixed_store() -> Store:
    return Store([sample("postfix-hard.eml"), sample("ordinary.eml"), sample("arf-complaint.eml"),
                  sample("postfix-delay.eml")])


def test_it_reads_a_pop3_mailbox_and_deletes_what_it_handled(settings, readers):
    store = mixed_store()
    with serve(Pop3Handler, store) as port:
        outcome = fetch(settings, url("pop3", port))
        assert outcome == {"messages": 4, "handled": 3, "reports": 3, "stored": 3, "duplicates": 0, "failed": 0}
        assert [m.raw for m in store.messages] == [sample("ordinary.eml")]  # ordinary mail stays
        assert fetch(settings, url("pop3", port))["stored"] == 0
    assert status_of("claire.martin@example.net") == Subscriber.Status.BOUNCED
    assert status_of("herve@grand-fai.example") == Subscriber.Status.UNSUBSCRIBED
    assert status_of("marc@lent.example") == Subscriber.Status.CONFIRMED  # a delay is soft
    assert status_of("nadia@atelier-bois.example") == Subscriber.Status.CONFIRMED
    assert Suppression.covers("claire.martin@example.net") and Suppression.covers("herve@grand-fai.example")
    assert set(BounceEvent.objects.values_list("provider", flat=True)) == {"mailbox"}
    assert "Undelivered Mail Returned to Sender" in BounceEvent.objects.get(kind="hard").raw


def test_it_reads_unseen_imap_mail_and_marks_what_it_handled(settings, readers):
    store = mixed_store()
    store.messages[3].flags.add("\\Seen")  # already read: skipped
    with serve(ImapHandler, store) as port:
        outcome = fetch(settings, url("imap", port))
        assert (outcome["messages"], outcome["handled"], outcome["stored"]) == (3, 2, 2)
        assert [bool(m.flags) for m in store.messages] == [True, False, True, True]
        assert "\\Seen" in store.messages[0].flags and len(store.messages) == 4
        assert fetch(settings, url("imap", port))["messages"] == 1  # only the ordinary mail is still unseen
    assert status_of("claire.martin@example.net") == Subscriber.Status.BOUNCED
    assert status_of("herve@grand-fai.example") == Subscriber.Status.UNSUBSCRIBED
    assert not BounceEvent.objects.filter(email="marc@lent.example").exists()


def test_it_deletes_handled_imap_mail_when_asked(settings, readers):
    store = mixed_store()
    with serve(ImapHandler, store) as port:
        assert fetch(settings, url("imap", port), "--delete")["handled"] == 3
    assert [m.raw for m in store.messages] == [sample("ordinary.eml")]


def broken(*args, **kwargs):
    raise RuntimeError("database is down")


def test_it_leaves_the_mail_in_place_when_recording_fails(settings, readers, monkeypatch):
    monkeypatch.setattr(record, "store", broken)
    store = mixed_store()
    with serve(ImapHandler, store) as port:
        with pytest.raises(RuntimeError):
            fetch(settings, url("imap", port))
    assert all(not m.flags for m in store.messages) and len(store.messages) == 4
    with serve(Pop3Handler, store) as port:
        with pytest.raises(RuntimeError):
            fetch(settings, url("pop3", port))
    assert len(store.messages) == 4


@pytest.mark.parametrize("scheme, handler", [("pop3", Pop3Handler), ("imap", ImapHandler)])
def test_it_reports_a_wrong_password_without_showing_it(settings, scheme, handler):
    with serve(handler, Store([])) as port:
        with pytest.raises(CommandError) as error:
            fetch(settings, url(scheme, port, password="wrong-horse"))
    assert f"{scheme}://{USER}@127.0.0.1:{port}" in str(error.value)
    assert "wrong-horse" not in str(error.value)


def test_it_reports_an_unreachable_mailbox(settings):
    with serve(Pop3Handler, Store([])) as port:
        pass  # closed: nothing listens on the port any more
    with pytest.raises(CommandError, match="Connection refused"):
        fetch(settings, url("pop3", port))


def test_it_refuses_to_fetch_when_disabled(settings):
    settings.BOUNCE_MAILBOX_URL = ""
    with pytest.raises(CommandError, match="désactivée"):
        call_command("bounces", "fetch")


def test_it_processes_eml_files_once(readers, capsys):
    paths = [str(SAMPLES / name) for name in ("exim.eml", "qmail.eml", "ordinary.eml", "postfix-hard.eml")]
    call_command("bounces", "process-file", *paths)
    first = capsys.readouterr()
    assert "événements enregistrés : 4" in first.out and "ordinary.eml : ni rebond" in first.err
    assert status_of("claire.martin@example.net") == Subscriber.Status.BOUNCED
    assert Suppression.covers("sophie@boite.example") and Suppression.covers("lucie@vieux-serveur.example")
    assert not Suppression.covers("bernard@vieux-serveur.example")  # 4.4.2: soft
    call_command("bounces", "process-file", *paths)
    assert "événements enregistrés : 0, déjà connus : 4" in capsys.readouterr().out
    assert BounceEvent.objects.filter(provider="file").count() == 4


def test_it_rejects_a_missing_file():
    with pytest.raises(CommandError, match="fichier introuvable"):
        call_command("bounces", "process-file", "/nonexistent/bounce.eml")


def test_it_retries_events_whose_processing_failed(readers, monkeypatch, capsys):
    monkeypatch.setattr(record, "suppress", broken)
    call_command("bounces", "process-file", str(SAMPLES / "postfix-hard.eml"))
    assert "en échec : 1" in capsys.readouterr().out
    assert not Suppression.covers("claire.martin@example.net")
    monkeypatch.undo()
    call_command("bounces", "retry", "--json")
    assert json.loads(capsys.readouterr().out) == {"processed": 1, "failed": 0}
    assert Suppression.covers("claire.martin@example.net")


def test_the_test_servers_parse_imap_words():
    assert mailservers.tokens('a1 LOGIN rebonds "p@ss \\"w\\""') == ["a1", "LOGIN", "rebonds", 'p@ss "w"']


@pytest.mark.parametrize("value", ["http://host/INBOX", "imaps://", "smtp://user:pass@host"])
def test_it_fails_fast_on_a_bad_mailbox_url(value):
    from demain import conf

    with pytest.raises(conf.SettingError, match="BOUNCE_MAILBOX_URL"):
        conf.load({"BOUNCE_MAILBOX_URL": value})


def test_it_reads_the_mailbox_url_with_defaults_and_escapes():
    from demain.delivery.bounces.mailbox import MailboxAddress

    address = MailboxAddress.parse("imaps://bounce%40demain.example:p%2Fw@mail.example")
    assert (address.user, address.password, address.port, address.folder) == ("bounce@demain.example", "p/w", 993, "INBOX")
    assert "p/w" not in str(address)
    assert MailboxAddress.parse("pop3s://u:p@mail.example").port == 995
