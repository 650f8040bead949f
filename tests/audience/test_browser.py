"""Real headless Chromium: sign-up, unsubscribe and download, with axe-core on each page."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from demain.audience import links
from demain.audience.models import DownloadLead, Resource, Subscriber
from tests.audience.conftest import links_in
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server, settings):
    settings.SITE_URL = live_server.url
    settings.FORM_MIN_SECONDS = 0
    return live_server.url


def assert_accessible(page):
    assert axe_violations(page) == []


def test_it_signs_up_and_confirms_in_a_browser(site, page):
    page.goto(f"{site}/inscription/")
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill("Camille@Boulangerie.example")
    page.get_by_label("Artisanat").check()
    page.get_by_label("J’accepte", exact=False).check()
    page.get_by_role("button", name="Je m’inscris").click()
    page.wait_for_url("**/inscription/merci/")
    assert_accessible(page)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    [link] = [u for u in links_in(mail.outbox[0].body) if "/inscription/confirmer/" in u]
    page.goto(link)  # the page posts itself: one click in the email is enough
    page.get_by_role("heading", name="Félicitations, votre inscription est confirmée").wait_for()
    assert_accessible(page)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.interests == ["artisans"]


def test_it_unsubscribes_from_the_visible_link(site, page):
    subscriber = Subscriber.objects.create(email="paul@garage.example", status=Subscriber.Status.CONFIRMED)
    page.goto(links.preferences_url(subscriber))
    assert_accessible(page)
    page.get_by_role("link", name="Me désinscrire").click()
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer la désinscription").click()
    page.get_by_role("heading", name="C’est fait : vous êtes désinscrit").wait_for()
    assert_accessible(page)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_it_downloads_a_gated_file(site, page, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    content = b"%PDF-1.4\n% chapitre\n%%EOF\n"
    resource = Resource.objects.create(slug="extrait", title="L’extrait", description="Le chapitre 1.",
                                       file=SimpleUploadedFile("chapitre-1.pdf", content))
    page.goto(site + resource.get_absolute_url())
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill("ines@pharmacie.example")
    page.get_by_role("button", name="Recevoir le lien").click()
    page.get_by_role("heading", name="Félicitations, votre demande a été approuvée").wait_for()
    assert_accessible(page)
    [link] = [u for u in links_in(mail.outbox[0].body) if "/telechargement/" in u]
    page.set_content(f'<a href="{link}">télécharger</a>')
    with page.expect_download() as info:
        page.click("a")
    download = info.value
    assert download.suggested_filename == "chapitre-1.pdf"
    assert open(download.path(), "rb").read() == content
    assert DownloadLead.objects.get().uses == 1


@pytest.mark.usefixtures("demo_offers")
@pytest.mark.parametrize("slug", ["developpement-ia", "conference-ere-de-l-ia", "formations", "contact"])
def test_it_serves_accessible_offer_pages(site, page, slug):
    page.goto(f"{site}/offres/{slug}/")
    assert_accessible(page)


@pytest.mark.usefixtures("demo_offers")
def test_it_sends_a_talk_request_from_the_browser(site, page):
    page.goto(f"{site}/offres/conference-ere-de-l-ia/")
    page.locator("#id_name").fill("Nadia")
    page.get_by_label("Adresse e-mail").fill("nadia@cci.example")
    page.get_by_label("Nombre de participants").fill("60")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.get_by_role("heading", name="Merci, votre demande est bien arrivée").wait_for()
    assert_accessible(page)
    assert [m.to for m in mail.outbox] == [[settings_editor()]]


def settings_editor():
    from django.conf import settings

    return settings.EDITOR_EMAIL
