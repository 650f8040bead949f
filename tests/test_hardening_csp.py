"""Security headers on every response, and the CSP holding in real Chromium on the main pages.

Chromium reports each CSP violation on the console ("Refused to … because it violates the following
Content Security Policy directive"), from the page and from its frames: the test collects them all.
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.urls import reverse

from demain.audience import links
from demain.audience.models import Subscriber
from demain.delivery.models import OutboxMessage
from tests.delivery_helpers import published_issue

ARTICLE = "Quand le chat n’est pas là, les modèles dansent"
PASSWORD = "mot-de-passe-de-test-solide"


def violations_of(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text)
            if "Content Security Policy" in message.text else None)
    return found


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_every_response(client):
    published_issue()
    urls = ["/", "/numeros/7/", "/numeros/", "/inscription/", "/admin/login/", "/nulle-part/", "/static/site/site.css"]
    for url in urls * 2:  # twice: a page served again from a cache carries them too
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url


@pytest.mark.django_db
def test_it_gives_the_admin_email_frame_its_own_narrow_policy(client):
    issue = published_issue()
    user = get_user_model().objects.create_superuser("redac", "redac@example.org", PASSWORD)
    client.force_login(user)
    response = client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/html/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "style-src 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy and "script" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_shows_the_main_pages_in_chromium_without_a_csp_violation(live_server, settings, page):
    settings.SITE_URL = live_server.url
    settings.FORM_MIN_SECONDS = 0
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    issue = published_issue()
    violations = violations_of(page)
    site = live_server.url

    # The listener hears a violation when there is one: an inline script added to the page is refused.
    page.goto(f"{site}/")
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.inlineRan = true'; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.inlineRan === undefined")
    assert any("script-src" in text for text in violations), violations
    page.evaluate("() => { document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>'); }")
    page.wait_for_timeout(200)
    assert any("style-src" in text for text in violations), violations  # an inline style is heard too
    violations.clear()

    page.goto(f"{site}/")
    page.goto(f"{site}/numeros/7/")
    page.get_by_text(ARTICLE).first.wait_for()
    page.goto(f"{site}/inscription/")
    page.get_by_label("Adresse e-mail").fill("camille@boulangerie.example")
    page.get_by_label("J’accepte", exact=False).check()
    page.get_by_role("button", name="Je m’inscris").click()
    page.wait_for_url("**/inscription/merci/")
    [link] = re.findall(r"https?://\S+/inscription/confirmer/\S+/", mail.outbox[0].body)
    page.goto(link)  # the confirmation page submits itself, from a static script
    page.get_by_role("heading", name="Félicitations, votre inscription est confirmée").wait_for()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    page.goto(links.unsubscribe_url(subscriber))
    page.get_by_role("button", name="Confirmer la désinscription").click()
    page.get_by_role("heading", name="C’est fait : vous êtes désinscrit").wait_for()

    get_user_model().objects.create_superuser("redac", "redac@example.org", PASSWORD)
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("redac")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{site}/admin/")
    page.goto(f"{site}/admin/issues/issue/{issue.pk}/change/")
    page.wait_for_load_state("networkidle")
    for model in admin.site._registry:  # every list of the admin, and the dashboard
        page.goto(site + reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    for path in ["/admin/", "/admin/delivery/campaign/add/", reverse("admin:audience_subscriber_import")]:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    page.goto(f"{site}/admin/delivery/campaign/apercu/{issue.pk}/")
    for frame in page.frame_locator("iframe").first, page.frame_locator("iframe").last:
        frame.get_by_text(ARTICLE).last.wait_for()  # the sandboxed email frames still show the email
    message = EmailMultiAlternatives("Un message", "texte", to=["lea@example.org"],
                                     connection=get_connection("demain.delivery.outbox.OutboxBackend"))
    message.attach_alternative('<html><head><style>p{color:#a00}</style></head>'
                               '<body><p style="font-weight:bold">Bonjour Léa</p></body></html>', "text/html")
    message.send()
    page.goto(f"{site}/admin/delivery/outboxmessage/{OutboxMessage.objects.get().pk}/change/")
    frame = page.frame_locator("iframe.mailbox__frame")
    frame.get_by_text("Bonjour Léa").wait_for()
    assert frame.locator("p").evaluate("p => getComputedStyle(p).fontWeight") == "700"  # inline style applies
    page.wait_for_timeout(300)
    assert violations == []


@pytest.mark.django_db
def test_it_shows_an_outbox_frame_only_to_staff_who_may_view_the_outbox(client):
    message = EmailMultiAlternatives("Un message", "texte", to=["lea@example.org"],
                                     connection=get_connection("demain.delivery.outbox.OutboxBackend"))
    message.attach_alternative("<p>Bonjour Léa</p>", "text/html")
    message.send()
    url = f"/admin/delivery/outboxmessage/{OutboxMessage.objects.get().pk}/html/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(get_user_model().objects.create_user("pigiste", "p@example.org", PASSWORD, is_staff=True))
    assert client.get(url).status_code == 404
    client.force_login(get_user_model().objects.create_superuser("redac", "redac@example.org", PASSWORD))
    assert "Bonjour Léa" in client.get(url).content.decode()
