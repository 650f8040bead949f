"""Reading and signing up: the sign-up box, the latest issue after confirming, « L’extrait » linked,
and a pause or fewer letters offered before leaving."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demain.audience import links
from demain.audience.models import Resource, Subscriber
from demain.delivery.models import Campaign, Delivery
from tests.audience.conftest import human, links_in, path_of
from tests.site_factory import make_issue

pytestmark = pytest.mark.django_db


def signup_box(html: str) -> str:
    [box] = re.findall(r'<aside class="signup-box.*?</aside>', html, re.S)
    return box


@pytest.mark.parametrize("path", ["/", "/numeros/2/"])
def test_it_ends_the_home_and_each_issue_with_a_signup_box_that_works(client, path):
    make_issue(1)
    make_issue(2)
    box = signup_box(client.get(path).content.decode())
    assert 'action="/inscription/"' in box and 'type="email"' in box and 'name="consent"' in box
    assert 'name="csrfmiddlewaretoken"' in box and 'name="started"' in box and 'name="website"' in box
    response = client.post("/inscription/", human(email="zoe@studio.example", consent="on"))
    assert response.status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_it_shows_the_signup_box_even_before_the_first_issue(client):
    assert "signup-box" in client.get("/").content.decode()


def test_it_points_a_confirmed_reader_to_the_latest_issue(client):
    make_issue(1)
    make_issue(2, title="Le plus récent")
    client.post("/inscription/", human(email="zoe@studio.example", consent="on"))
    [confirm] = [u for u in links_in(mail.outbox[0].body) if "/inscription/confirmer/" in u]
    page = client.post(path_of(confirm)).content.decode()
    assert 'href="/numeros/2/"' in page and "Le plus récent" in page
    welcome = mail.outbox[1]
    assert "https://demain.example/numeros/2/" in welcome.body
    assert 'href="https://demain.example/numeros/2/"' in welcome.alternatives[0][0]


def test_it_links_the_free_extract_from_the_site(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    make_issue(1)
    Resource.objects.create(slug="extrait", title="L’extrait", file=SimpleUploadedFile("e.pdf", b"%PDF-1.4\n"))
    Resource.objects.create(slug="brouillon", title="Pas encore", published=False,
                            file=SimpleUploadedFile("b.pdf", b"%PDF-1.4\n"))
    for path in ("/", "/numeros/1/", "/numeros/", "/inscription/"):
        html = client.get(path).content.decode()
        assert 'href="/ressources/extrait/"' in html, path
        assert "/ressources/brouillon/" not in html


def test_it_offers_a_pause_or_fewer_letters_before_the_final_click(client, subscriber):
    url = path_of(links.unsubscribe_url(subscriber))
    page = client.get(url).content.decode()
    assert page.index('value="pause"') < page.index('value="unsubscribe"')
    assert page.index('value="monthly"') < page.index('value="unsubscribe"')

    answer = client.post(url, {"choice": "pause"}).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.paused_until == timezone.localdate() + timedelta(days=90)
    assert "vous restez abonné" in answer

    client.post(url, {"choice": "monthly"})
    subscriber.refresh_from_db()
    assert subscriber.frequency == Subscriber.Frequency.MONTHLY and subscriber.status == Subscriber.Status.CONFIRMED
    assert 'value="monthly"' not in client.get(url).content.decode()

    client.post(url, {"choice": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.postgres
def test_it_sends_no_more_often_than_the_reader_asked(db):
    issue = make_issue(1)
    every, weekly, monthly = (Subscriber.objects.create(email=f"{name}@example.org", frequency=name,
                                                        status=Subscriber.Status.CONFIRMED)
                              for name in ("every", "weekly", "monthly"))
    campaign = Campaign.objects.create(issue=issue)
    ten_days_ago = timezone.now() - timedelta(days=10)
    for reader in (every, weekly, monthly):
        Delivery.objects.create(campaign=campaign, subscriber=reader, email=reader.email,
                                status=Delivery.Status.SENT, sent_at=ten_days_ago)
    assert set(Subscriber.objects.mailable()) == {every, weekly}
    Delivery.objects.update(sent_at=timezone.now() - timedelta(days=2))
    assert set(Subscriber.objects.mailable()) == {every}
