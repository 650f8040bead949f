import csv
import io

import pytest
from django.core import mail

from demain.audience.models import DownloadLead, Resource
from demain.delivery.models import OutboxMessage


@pytest.fixture
def leads(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    resource = Resource.objects.create(slug="extrait", title="L’extrait", file="resources/a/x.pdf")
    DownloadLead.objects.create(resource=resource, email="a@example.org", name="=HYPERLINK(1)", uses=2)
    DownloadLead.objects.create(resource=resource, email="b@example.org")
    return resource


def test_it_exports_leads_as_csv(admin_client, leads):
    ids = [str(pk) for pk in DownloadLead.objects.values_list("pk", flat=True)]
    response = admin_client.post("/admin/audience/downloadlead/",
                                 {"action": "export_leads_csv", "_selected_action": ids})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["ressource", "email"]
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email["a@example.org"][5] == "2" and by_email["b@example.org"][5] == "0"
    assert by_email["a@example.org"][2] == "'=HYPERLINK(1)"  # no formula injection


@pytest.mark.parametrize("url", [
    "/admin/audience/subscriber/", "/admin/audience/inquiry/", "/admin/audience/downloadlead/",
    "/admin/audience/offerpage/", "/admin/audience/trainingmodule/", "/admin/audience/blockeddomain/",
    "/admin/audience/resource/", "/admin/audience/suppression/", "/admin/delivery/outboxmessage/",
])
def test_it_shows_every_audience_model_in_the_admin(admin_client, leads, url):
    assert admin_client.get(url).status_code == 200


def test_it_shows_outbox_messages_read_only(admin_client, settings):
    settings.EMAIL_BACKEND = "demain.delivery.outbox.OutboxBackend"
    mail.send_mail("Objet visible", "corps", "a@demain.example", ["b@example.org"])
    message = OutboxMessage.objects.get()
    page = admin_client.get(f"/admin/delivery/outboxmessage/{message.pk}/change/").content.decode()
    assert "Objet visible" in page and "Content-Type" in page
    assert admin_client.get("/admin/delivery/outboxmessage/add/").status_code == 403
