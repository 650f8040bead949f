import time
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from demain.audience import links
from demain.audience.models import DownloadLead, Resource, Subscriber
from tests.audience.conftest import human, links_in, path_of

PDF = b"%PDF-1.4\n% demo chapter\n" + b"x" * 100_000 + b"\n%%EOF\n"


@pytest.fixture
def resource(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return Resource.objects.create(slug="extrait", title="L’extrait", description="Le premier chapitre.",
                                   file=SimpleUploadedFile("chapitre-1.pdf", PDF))


def ask(client, resource, **fields):
    return client.post(resource.get_absolute_url(), human(email="Zoe@Studio.example", **fields))


def download_path() -> str:
    return path_of([u for u in links_in(mail.outbox[0].body) if "/telechargement/" in u][0])


def test_it_keeps_the_file_out_of_public_media(resource, settings):
    path = resource.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(settings.MEDIA_ROOT) in path
    with pytest.raises(ValueError):
        resource.file.url


@pytest.mark.postgres
def test_it_emails_a_link_that_streams_the_file(client, resource):
    response = ask(client, resource, name="Zoé")
    assert response["Location"] == "/ressources/extrait/merci/"
    assert "Félicitations, votre demande a été approuvée" in client.get(response["Location"]).content.decode()
    lead = DownloadLead.objects.get()
    assert (lead.email, lead.newsletter, lead.uses) == ("zoe@studio.example", False, 0)
    assert lead.email_sent_at is not None
    assert not Subscriber.objects.exists()  # the newsletter box was left empty
    file_response = client.get(download_path())
    assert file_response.status_code == 200
    assert file_response["Content-Type"] == "application/pdf"
    assert file_response["Content-Disposition"] == 'attachment; filename="chapitre-1.pdf"'
    assert file_response.streaming and b"".join(file_response.streaming_content) == PDF
    lead.refresh_from_db()
    assert lead.uses == 1 and lead.downloaded and lead.first_downloaded_at


def test_it_signs_up_for_the_newsletter_only_when_asked(client, resource):
    ask(client, resource, newsletter="on")
    assert Subscriber.objects.get().status == "pending"
    assert sorted(m.subject.split(" ")[0] for m in mail.outbox) == ["Confirmez", "Votre"]


def test_it_refuses_the_eighth_use(client, resource):
    ask(client, resource)
    url = download_path()
    codes = [client.get(url).status_code for _ in range(8)]
    assert codes == [200] * 7 + [410]
    assert DownloadLead.objects.get().uses == 7


def test_it_refuses_the_link_on_day_eight(client, resource):
    with mock.patch("time.time", return_value=time.time() - 8 * 86400):
        ask(client, resource)
    assert client.get(download_path()).status_code == 410
    assert DownloadLead.objects.get().uses == 0


def test_it_still_works_on_day_six(client, resource):
    with mock.patch("time.time", return_value=time.time() - 6 * 86400):
        ask(client, resource)
    assert client.get(download_path()).status_code == 200


def test_it_cannot_be_reached_by_guessing_or_editing(client, resource):
    ask(client, resource)
    lead = DownloadLead.objects.get()
    url = download_path()
    token = url.split("/")[2]
    assert client.get(url.replace(token, token[:-3] + "abc")).status_code == 404
    other = links.download_url(DownloadLead(pk=lead.pk, nonce="guessed"))
    assert client.get(path_of(other)).status_code == 404
    assert client.get(f"/telechargement/{lead.pk}/").status_code == 404
    assert client.get("/private/").status_code == 404 and client.get("/media/").status_code == 404


def test_it_drops_a_bot_and_never_echoes_its_text(client, resource):
    ask(client, resource, website="x")
    assert not DownloadLead.objects.exists() and mail.outbox == []
    ask(client, resource, name="<b>MARQUEUR</b>")
    assert "MARQUEUR" not in mail.outbox[0].message().as_string()


def test_it_rate_limits_requests_per_address(client, resource, settings):
    settings.FORM_RATE_PER_ADDRESS = 2
    codes = [ask(client, resource).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_it_hides_unpublished_resources(client, resource):
    Resource.objects.update(published=False)
    assert client.get(resource.get_absolute_url()).status_code == 404
