import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory

from demain.audience.models import Inquiry, OfferPage, TrainingModule
from tests.audience.conftest import human

pytestmark = pytest.mark.usefixtures("demo_offers")


def test_it_ships_the_demo_offer_pages_in_menu_order(client):
    titles = list(OfferPage.objects.values_list("slug", flat=True))
    assert titles == ["developpement-ia", "conference-ere-de-l-ia", "formations", "contact"]
    page = client.get("/offres/conference-ere-de-l-ia/").content.decode()
    for slug in titles:
        assert f'href="/offres/{slug}/"' in page  # the menu in every page


def test_it_shows_the_talks_three_part_outline(client):
    page = OfferPage.objects.get(slug="conference-ere-de-l-ia")
    assert page.sections.count() == 3
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Demander cette conférence" in html
    for section in page.sections.all():
        assert section.title.replace("’", "&#x27;")[:10] in html or section.title[:10] in html


def test_it_lists_fixed_and_a_la_carte_modules():
    assert list(TrainingModule.objects.filter(introduction=True).values_list("number", flat=True)) == [1, 2, 3, 4]
    assert list(TrainingModule.objects.filter(introduction=False).values_list("number", flat=True)) == list(range(5, 11))


def test_it_puts_menu_pages_in_every_template_context():
    request = RequestFactory().get("/")
    from demain.audience.context_processors import menu

    rendered = Template("{% for p in menu_pages %}{{ p.title }}|{% endfor %}").render(Context(menu(request)))
    assert rendered.startswith("Développement et intégration d’IA|Conférence")


@pytest.mark.postgres
def test_it_stores_a_training_request_with_modules_and_tells_the_editor(client, settings):
    modules = TrainingModule.objects.filter(number__in=[5, 9])
    data = human(name="Jean <b>INJECT</b>", email="jean@ferme.example", organisation="Ferme",
                 message="SECRET-MOT =cmd|", modules=[m.pk for m in modules])
    response = client.post("/offres/formations/", data)
    assert response.status_code == 302 and response["Location"] == "/offres/formations/merci/"
    inquiry = Inquiry.objects.get()
    assert inquiry.kind == "training" and set(inquiry.modules.all()) == set(modules)
    [message] = mail.outbox
    assert message.to == [settings.EDITOR_EMAIL]
    assert message.reply_to == ["jean@ferme.example"]
    assert message.message()["Reply-To"] == "jean@ferme.example"
    assert message.subject == "Nouvelle demande\u202f: Demande de formation — Jean <b>INJECT</b> (Ferme)"
    assert "Nom\u202f: Jean <b>INJECT</b>" in message.body and "Message\u202f: SECRET-MOT =cmd|" in message.body
    assert "Entreprise ou organisation\u202f: Ferme" in message.body
    assert "Modules choisis\u202f: Module 5" in message.body and "Module 9" in message.body
    assert "Téléphone" not in message.body  # left empty: not listed
    html = message.alternatives[0][0]
    assert "Jean &lt;b&gt;INJECT&lt;/b&gt;" in html and "<b>INJECT" not in html  # escaped
    assert f"/admin/audience/inquiry/{inquiry.pk}/change/" in message.body


@pytest.mark.postgres
def test_it_shows_a_request_with_its_own_form_fields_and_a_read_only_message(admin_client):
    talk = Inquiry.objects.create(kind="talk", name="Léa", email="lea@example.org", preferred_date="mai",
                                  audience_size=40, message="Bonjour, une conférence ?")
    contact = Inquiry.objects.create(kind="contact", name="Max", email="max@example.org", message="Un mot.")
    page = admin_client.get(f"/admin/audience/inquiry/{talk.pk}/change/").content.decode()
    assert 'name="preferred_date"' in page and 'name="audience_size"' in page
    assert 'name="modules"' not in page and 'name="message"' not in page
    assert "Bonjour, une conférence ?" in page
    page = admin_client.get(f"/admin/audience/inquiry/{contact.pk}/change/").content.decode()
    for absent in ("preferred_date", "audience_size", "modules", "message"):
        assert f'name="{absent}"' not in page
    assert 'name="phone"' in page and "Un mot." in page
    response = admin_client.post(f"/admin/audience/inquiry/{contact.pk}/change/", {
        "handled": "on", "name": "Max", "email": "max@example.org", "organisation": "", "phone": "",
        "message": "Réécrit par l’admin"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.handled and contact.message == "Un mot."


def test_it_refuses_an_introduction_module_as_a_choice(client):
    intro = TrainingModule.objects.get(number=1)
    response = client.post("/offres/formations/", human(name="J", email="j@example.org", modules=[intro.pk]))
    assert response.status_code == 200 and not Inquiry.objects.exists()


@pytest.mark.parametrize("slug, kind, extra", [
    ("conference-ere-de-l-ia", "talk", {"preferred_date": "printemps", "audience_size": "40"}),
    ("contact", "contact", {"message": "Bonjour"}),
    ("developpement-ia", "services", {"message": "Un projet"}),
])
def test_it_stores_each_form_request(client, slug, kind, extra):
    response = client.post(f"/offres/{slug}/", human(name="Ana", email="ana@example.org", **extra))
    assert response.status_code == 302
    assert Inquiry.objects.get().kind == kind
    assert len(mail.outbox) == 1


def test_it_drops_bots_and_too_fast_posts_on_offer_forms(client):
    client.post("/offres/contact/", human(name="B", email="b@example.org", message="x", website="y"))
    fast = human(name="B", email="b@example.org", message="x")
    fast["started"] = ""
    assert client.post("/offres/contact/", fast).status_code == 200
    assert not Inquiry.objects.exists() and mail.outbox == []


def test_it_rate_limits_offer_forms(client, settings):
    settings.FORM_RATE_PER_IP = 1
    client.post("/offres/contact/", human(name="A", email="a@example.org", message="x"))
    assert client.post("/offres/contact/", human(name="A", email="c@example.org", message="x")).status_code == 429
    assert Inquiry.objects.count() == 1


def test_it_requires_a_message_on_the_contact_form(client):
    response = client.post("/offres/contact/", human(name="A", email="a@example.org"))
    assert response.status_code == 200 and not Inquiry.objects.exists()


def test_it_404s_on_an_unknown_page(client):
    assert client.get("/offres/nulle-part/").status_code == 404
