"""Subscriber import from another tool's CSV export (issue 7, item 9): preview, counts, consent source."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from demain.audience import importing
from demain.audience.models import ConsentRecord, Subscriber, Suppression, email_hash

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

MAILCHIMP = (
    "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME\r\n"
    "lea@atelier.example,Léa,Martin,2,2024-03-01 10:00:00,2024-03-01 10:05:00\r\n"
    "ANCIEN@example.org,Paul,,1,2023-01-01 09:00:00,\r\n"
    "efface@example.org,Eve,,1,,\r\n"
    "pas-une-adresse,Max,,1,,\r\n"
    "Lea@Atelier.example,Léa,M.,2,,\r\n"
    "nouveau@ferme.example,,,1,15/02/2025,\r\n"
)


@pytest.fixture
def existing(db):
    Subscriber.objects.create(email="ancien@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    Suppression.objects.create(email_hash=email_hash("efface@example.org"), reason=Suppression.Reason.ERASED)


def test_it_reads_the_headers_of_other_tools(existing):
    plan = importing.plan(MAILCHIMP.encode())
    assert plan.columns == {"email": "Email Address", "prénom": "First Name", "nom": "Last Name", "date": "OPTIN_TIME"}
    assert plan.counts == {"new": 2, "present": 1, "suppressed": 1, "invalid": 1, "repeated": 1}
    first = plan.rows[0]
    assert (first.email, first.name, first.date.year, first.date.month) == ("lea@atelier.example", "Léa Martin", 2024, 3)
    assert plan.rows[-1].date.date().isoformat() == "2025-02-15"
    substack = importing.plan(b"email,active_subscription,expiry,plan,email_disabled,created_at\n"
                              b"a@example.org,true,,free,false,2024-05-06T07:08:09.000Z\n")
    assert substack.columns == {"email": "email", "date": "created_at"} and substack.rows[0].date.day == 6
    brevo = importing.plan("EMAIL;PRENOM;NOM;DATE_CREATION\nb@example.org;Zoé;Durand;01/02/2024\n".encode("cp1252"))
    assert brevo.rows[0].name == "Zoé Durand" and brevo.rows[0].email == "b@example.org"
    headerless = importing.plan(b"c@example.org\nd@example.org\n")
    assert headerless.counts["new"] == 2
    assert Subscriber.objects.count() == 1  # a plan writes nothing


@pytest.mark.parametrize("data, message", [
    (b"", "vide"),
    (b"nom,ville\nLea,Paris\n", "Aucune colonne d"),
    (b"email\n" + b"a@example.org\n" * 200_000, "trop gros"),
])
def test_it_refuses_a_file_it_cannot_read_and_says_why(data, message):
    with pytest.raises(importing.ImportRefused, match=message):
        importing.plan(data)


def counts_of(page: str) -> dict[str, str]:
    return dict(re.findall(r'<tr class="import-(\w+)"><th scope="row">[^<]*</th><td>(\d+)</td>', page))


def test_it_imports_from_the_admin_after_a_preview_and_a_consent_source(admin_client, existing):
    url = "/admin/audience/subscriber/importer/"
    assert "Importer (CSV)" in admin_client.get("/admin/audience/subscriber/").content.decode()
    page = admin_client.post(url, {"file": SimpleUploadedFile("mailchimp.csv", MAILCHIMP.encode())}).content.decode()
    assert counts_of(page) == {"new": "2", "present": "1", "suppressed": "1", "invalid": "1", "repeated": "1"}
    assert "lea@atelier.example" in page and "Léa Martin" in page and "adresse bloquée" in page
    assert Subscriber.objects.count() == 1  # the preview writes nothing
    payload = re.search(r'name="payload" value="([^"]+)"', page).group(1)

    page = admin_client.post(url, {"payload": payload, "consent_source": " "}).content.decode()
    assert "sans lui, pas d’import" in page and Subscriber.objects.count() == 1

    response = admin_client.post(url, {"payload": payload, "consent_source": "Formulaire Mailchimp, double opt-in"})
    assert response.status_code == 302
    added = Subscriber.objects.filter(source="import mailchimp.csv").order_by("email")
    assert [(s.email, s.name, s.status) for s in added] == [
        ("lea@atelier.example", "Léa Martin", "confirmed"), ("nouveau@ferme.example", "", "confirmed")]
    assert added[0].confirmed_at.date().isoformat() == "2024-03-01"
    consent = ConsentRecord.objects.get(subscriber=added[0])
    assert (consent.action, consent.text, consent.version) == ("imported", "Formulaire Mailchimp, double opt-in", "import")
    assert not Subscriber.objects.filter(email="efface@example.org").exists()
    assert Subscriber.objects.get(email="ancien@example.org").status == "unsubscribed"


def test_it_refuses_a_tampered_preview(admin_client):
    response = admin_client.post("/admin/audience/subscriber/importer/",
                                 {"payload": "faux", "consent_source": "x"}, follow=True)
    assert "Aperçu expiré ou altéré" in response.content.decode() and not Subscriber.objects.exists()


def test_it_shows_an_unreadable_file_as_an_error_in_the_admin(admin_client):
    page = admin_client.post("/admin/audience/subscriber/importer/",
                             {"file": SimpleUploadedFile("liste.csv", b"nom\nLea\n")}).content.decode()
    assert "Aucune colonne d’adresses e-mail trouvée" in page and not Subscriber.objects.exists()


def test_it_imports_from_the_command_line(existing, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(MAILCHIMP)
    out = io.StringIO()
    call_command("subscribers", "import", str(path), "--dry-run", "--json", stdout=out)
    assert json.loads(out.getvalue())["new"] == 2 and Subscriber.objects.count() == 1
    with pytest.raises(CommandError, match="consentement"):
        call_command("subscribers", "import", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("subscribers", "import", str(path), "--consent-source", "Substack", stdout=out)
    assert "2 adresses ajoutées" in out.getvalue() and "1 adresse (sur la liste des adresses bloquées) non ajoutée" in out.getvalue()
    assert Subscriber.objects.count() == 3
    out = io.StringIO()
    call_command("subscribers", "import", str(path), "--consent-source", "Substack", "--json", stdout=out)
    assert json.loads(out.getvalue())["new"] == 0  # run twice: nothing added twice
    with pytest.raises(CommandError, match="Impossible de lire"):
        call_command("subscribers", "import", str(tmp_path / "absent.csv"), "--consent-source", "x")
