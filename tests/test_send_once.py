"""One issue reaches one reader once: a second campaign excludes who already has it, unless the editor asks.

The editor sees and confirms the recipient count first (admin: a confirmation step; CLI: a prompt).
"""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from django.core.management import CommandError, call_command

from demain.audience.models import Subscriber
from demain.delivery import campaigns
from demain.delivery.models import Campaign, Delivery
from demain.lib.smtpsink import Sink
from tests.conftest import ROOT
from tests.delivery_helpers import finish, published_issue, start_worker, subscribers, worker_env

S = Delivery.Status
NNBSP = "\u202f"


def send(*args) -> str:
    out = io.StringIO()
    call_command("send", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def add_in_admin(client, issue, **fields) -> str:
    """The admin's two steps: the form, then the confirmation page; returns the confirmation page."""
    data = {"issue": issue.pk, **fields}
    step = client.post("/admin/delivery/campaign/add/", data)
    assert step.status_code == 200
    page = step.content.decode()
    client.post("/admin/delivery/campaign/add/", {**data, "_confirmed": "1"})
    return page


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_it_sends_the_same_issue_twice_and_each_reader_gets_it_once(admin_client):
    subscribers(5)
    issue = published_issue()
    with Sink() as sink:
        add_in_admin(admin_client, issue)
        call_command("db_worker", "--batch", "--no-startup-delay")  # prepares the admin's campaign
        finish([start_worker(sink.port)])
        first = dict(sink.handler.counts)
        assert sorted(first.values()) == [1] * 5

        subscribers(2, prefix="nouveau")
        result = json.loads(send("7", "--yes", "--json"))
        assert (result["queued"], result["skipped"]) == (2, 5)
        finish([start_worker(sink.port)])
        with pytest.raises(CommandError, match="personne à qui envoyer.*--resend"):
            send("7", "--yes")
        counts = dict(sink.handler.counts)
    assert sorted(counts) == sorted(Subscriber.objects.values_list("email", flat=True))
    assert sorted(counts.values()) == [1] * 7
    assert Delivery.objects.filter(status=S.SENT).count() == 7
    skipped = Delivery.objects.filter(status=S.SKIPPED)
    assert skipped.count() == 5 and {row.smtp_reply for row in skipped} == {campaigns.ALREADY_RECEIVED}


@pytest.mark.django_db
@pytest.mark.postgres
def test_it_excludes_readers_in_flight_or_uncertain_and_resends_only_when_asked():
    subscribers(4)
    issue = published_issue()
    first = campaigns.create_campaign(issue)
    first.deliveries.filter(email="lecteur0@example.org").update(status=S.SENT)
    first.deliveries.filter(email="lecteur1@example.org").update(status=S.UNCERTAIN)
    first.deliveries.filter(email="lecteur2@example.org").update(status=S.FAILED)
    # lecteur3 is still queued in the first campaign: in flight.
    second = campaigns.create_campaign(issue)
    assert list(second.deliveries.filter(status=S.QUEUED).values_list("email", flat=True)) == [
        "lecteur2@example.org"]
    again = campaigns.create_campaign(issue, resend=True)
    assert sorted(again.deliveries.filter(status=S.QUEUED).values_list("email", flat=True)) == [
        "lecteur0@example.org", "lecteur1@example.org"]  # lecteur2 queued by the second, lecteur3 by the first
    other_issue = campaigns.create_campaign(published_issue(number=8))
    assert other_issue.deliveries.filter(status=S.QUEUED).count() == 4
    # The reader who got it left, then signed up again: a new subscriber row, the same reader.
    Subscriber.objects.filter(email="lecteur0@example.org").delete()
    Subscriber.objects.create(email="Lecteur0@example.org", status=Subscriber.Status.CONFIRMED)
    assert not campaigns.select_audience([], issue).recipients


@pytest.mark.django_db
def test_it_asks_the_editor_before_sending_from_the_cli(monkeypatch):
    subscribers(3)
    published_issue()

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    err = io.StringIO()
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    with pytest.raises(CommandError, match="annulé"):
        call_command("send", "7", stdout=io.StringIO(), stderr=err)
    assert f"Envoyer le N° 7 à 3 lecteurs{NNBSP}? [o/N]" in err.getvalue()
    assert not Campaign.objects.exists()
    monkeypatch.setattr("sys.stdin", Terminal("oui\n"))
    out = send("7")
    assert Campaign.objects.get().deliveries.filter(status=S.QUEUED).count() == 3
    assert "Campagne" in out and "3 en attente" in out


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_send_without_a_terminal_or_yes():
    subscribers(2)
    published_issue()
    command = [str(ROOT / ".venv/bin/demain"), "send", "7"]
    refused = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                             env=worker_env(25), timeout=120)
    assert refused.returncode == 1
    assert "pas de terminal pour confirmer" in refused.stderr and "--yes" in refused.stderr
    assert not Campaign.objects.exists()
    done = subprocess.run([*command, "--yes", "--json"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          env=worker_env(25), timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["queued"] == 2


@pytest.mark.django_db
def test_it_lists_and_checks_the_interest_codes_in_the_cli(capsys):
    subscribers(2, interests=["tools"])
    published_issue()
    from demain.delivery.management.commands.send import Command

    help_text = " ".join(Command().create_parser("demain", "send").format_help().split())
    assert "tools (Outils et applications)" in help_text and "health (Santé et pharmacie)" in help_text
    with pytest.raises(CommandError, match="centre d’intérêt inconnu sante"):
        send("7", "--segment", "tools,sante", "--yes")
    assert not Campaign.objects.exists()
    call_command("send", "7", "--dry-run", "--segment", "tools")
    assert capsys.readouterr().out.strip() == f"Envoyer le N° 7 à 2 lecteurs{NNBSP}?"


def test_it_writes_the_count_the_french_way():
    assert campaigns.readers(1234) == f"1{NNBSP}234 lecteurs"
    assert campaigns.readers(1) == "1 lecteur" and campaigns.readers(0) == "0 lecteur"


@pytest.mark.django_db
def test_it_confirms_in_the_admin_with_labelled_interest_checkboxes(admin_client):
    subscribers(3, interests=["tools"])
    subscribers(1, prefix="sante", interests=["health", "tools"])
    issue = published_issue()
    form = admin_client.get("/admin/delivery/campaign/add/").content.decode()
    assert 'type="checkbox" name="interests" value="tools"' in form
    assert "Outils et applications (4 lecteurs)" in form and "Santé et pharmacie (1 lecteur)" in form
    assert "Artisanat (0 lecteur)" in form
    page = add_in_admin(admin_client, issue, interests=["health"])
    assert f"Envoyer le N° 7 à 1 lecteur{NNBSP}?" in page and "Santé et pharmacie" in page
    campaign = Campaign.objects.get()
    assert campaign.interests == ["health"] and campaign.status == Campaign.Status.PREPARING
    assert "en préparation" in add_in_admin(admin_client, issue)  # its readers are not known yet: said so
    Campaign.objects.exclude(pk=campaign.pk).delete()
    campaigns.prepare(campaign)  # what the task does

    # The same issue again: one reader is getting it already; the page says so.
    page = add_in_admin(admin_client, issue)
    assert f"Envoyer le N° 7 à 3 lecteurs{NNBSP}?" in page and "1 lecteur l’a déjà reçu" in page
    page = add_in_admin(admin_client, issue, resend="on")
    assert "Renvoi demandé" in page


@pytest.mark.django_db
def test_it_saves_nothing_before_the_editor_confirms_in_the_admin(admin_client):
    subscribers(2)
    issue = published_issue()
    page = admin_client.post("/admin/delivery/campaign/add/", {"issue": issue.pk}).content.decode()
    assert f"Envoyer le N° 7 à 2 lecteurs{NNBSP}?" in page and 'name="_confirmed"' in page
    assert not Campaign.objects.exists()
    bad = admin_client.post("/admin/delivery/campaign/add/", {"issue": issue.pk, "interests": ["nope"]})
    assert "nope" in bad.content.decode() and not Campaign.objects.exists()
