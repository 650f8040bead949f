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
    everything = message.message().as_string()
    assert "INJECT" not in everything and "SECRET-MOT" not in everything and "ferme.example" not in everything
    assert f"/admin/audience/inquiry/{inquiry.pk}/change/" in message.body


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
