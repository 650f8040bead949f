"""Reading on a phone and in the dark, in real headless Chromium, checked with axe-core
(contrast included): the folded menu, the themed forms, and the outbox read like a mailbox."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from demain.audience import links
from demain.audience.models import Subscriber
from demain.delivery.models import OutboxMessage
from tests.conftest import ROOT, axe_violations
from tests.site_factory import make_issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = Path(os.environ.get("DEMAIN_SCREENSHOTS", ROOT / "var" / "screenshots"))


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def luminance(css_color: str) -> float:
    """Relative luminance (WCAG) of an rgb()/rgba() colour."""
    values = [float(v) for v in css_color[css_color.index("(") + 1:-1].split(",")[:3]]
    linear = [(v / 255 / 12.92) if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.fixture
def site(live_server, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


def test_it_folds_the_menu_on_a_phone_and_keeps_subscribe_in_view(site, page):
    make_issue(1)
    page.set_viewport_size(PHONE)
    page.goto(site + "/numeros/1/")
    header = page.locator("header.masthead").bounding_box()
    assert header["height"] < 200, header
    toggle = page.locator("summary.masthead__toggle")
    assert toggle.is_visible() and toggle.inner_text().strip().lower() == "menu"
    assert not page.get_by_role("link", name="Archives", exact=True).is_visible()
    subscribe = page.locator("header").get_by_role("link", name="S’abonner")
    assert subscribe.is_visible() and subscribe.bounding_box()["y"] + subscribe.bounding_box()["height"] <= 200
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    assert axe_violations(page) == []
    shoot(page, "phone-375-issue")

    toggle.click()
    archives = page.get_by_role("link", name="Archives", exact=True)
    assert archives.is_visible()
    assert page.locator("details.masthead__menu").get_attribute("open") is not None
    assert axe_violations(page) == []
    shoot(page, "phone-375-menu-open")
    archives.click()
    page.wait_for_url("**/numeros/")

    page.keyboard.press("Tab")  # skip link, then the title, then the menu's summary: reachable by keyboard
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_it_shows_the_whole_menu_on_a_wide_screen(site, page):
    make_issue(1)
    page.set_viewport_size(DESKTOP)
    page.goto(site + "/")
    assert not page.locator("summary.masthead__toggle").is_visible()
    assert page.get_by_role("link", name="Archives", exact=True).is_visible()
    assert page.locator("header").get_by_role("link", name="S’abonner").is_visible()
    assert axe_violations(page) == []
    shoot(page, "desktop-1280-home")
    page.locator(".signup-box").scroll_into_view_if_needed()
    shoot(page, "desktop-1280-signup-box")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_it_keeps_forms_readable_in_dark_mode(site, browser, viewport):
    make_issue(1)
    subscriber = Subscriber.objects.create(email="lea@atelier.example", status=Subscriber.Status.CONFIRMED)
    context = browser.new_context(locale="fr-FR", color_scheme="dark", viewport=viewport)
    page = context.new_page()
    try:
        for name, url in [("inscription", site + "/inscription/"),
                          ("preferences", links.preferences_url(subscriber)),
                          ("desinscription", links.unsubscribe_url(subscriber)),
                          ("numero", site + "/numeros/1/")]:
            page.goto(url)
            card = page.locator(".card").first
            card.scroll_into_view_if_needed()
            background = card.evaluate("e => getComputedStyle(e).backgroundColor")
            label = page.locator(".card label, .card p").first.evaluate("e => getComputedStyle(e).color")
            assert luminance(background) < 0.05, (name, background)
            assert luminance(label) > 0.5, (name, label)
            assert axe_violations(page) == [], name  # includes color-contrast
            shoot(page, f"dark-{viewport['width']}-{name}")
    finally:
        context.close()


def test_it_shows_an_outbox_message_in_a_sandbox(site, page, settings):
    settings.EMAIL_BACKEND = "demain.delivery.outbox.OutboxBackend"
    get_user_model().objects.create_superuser("editeur", "editeur@demain.example", "mot-de-passe-de-test")
    message = EmailMultiAlternatives("Le numéro 1", "Bonjour,\nhttps://demain.example/numeros/1/",
                                     "lettre@demain.example", ["lea@atelier.example"])
    message.attach_alternative('<p id="corps">Bonjour <a href="https://demain.example/numeros/1/">Lire</a></p>'
                               '<script>document.getElementById("corps").textContent = "script exécuté";'
                               'parent.document.title = "piraté";</script>', "text/html")
    message.send()
    kept = OutboxMessage.objects.get()
    assert mail.outbox == []
    page.goto(site + "/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("editeur")
    page.get_by_label("Mot de passe").fill("mot-de-passe-de-test")
    page.get_by_role("button", name="Connexion").click()
    page.goto(f"{site}/admin/delivery/outboxmessage/{kept.pk}/change/")
    frame = page.frame_locator("iframe.mailbox__frame")
    assert frame.locator("#corps").inner_text() == "Bonjour Lire"  # the script did not run
    assert page.title() != "piraté"
    assert page.locator(".mailbox__links a").first.get_attribute("href") == "https://demain.example/numeros/1/"
    assert page.locator(".mailbox__text").inner_text().startswith("Bonjour,")
    assert page.locator("select[name=action]").count() == 0
    page.set_viewport_size(DESKTOP)
    shoot(page, "desktop-1280-outbox-message")
