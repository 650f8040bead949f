"""/question/ in real headless Chromium: the form without JavaScript, the cited answer, the refusal, axe-core."""

import pytest

from tests.ask_helpers import make_archive
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def archive():
    return make_archive()


def test_it_answers_with_linked_citations_without_javascript(browser, live_server, archive):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.get_by_role("link", name="Poser une question").click()
        page.wait_for_url("**/question/")
        assert page.locator("h1").inner_text() == "Poser une question aux archives"
        assert axe_violations_without_js(browser, live_server.url + "/question/") == []
        page.get_by_label("Votre question").fill("Combien d’énergie consomme une requête à Gemini selon Google ?")
        page.get_by_role("button", name="Demander").click()
        page.wait_for_selector(".answer")
        first = page.locator(".answer__sentence").first
        assert "0,24" in first.inner_text()
        first.get_by_role("link", name="N° 1, Le watt qui cache la forêt").click()
        page.wait_for_url("**/numeros/1/#article-1")
        assert page.locator("#article-1 h2").inner_text() == "Le watt qui cache la forêt"
    finally:
        context.close()


def axe_violations_without_js(browser, url):
    """axe needs JavaScript: the same page in a context that has it."""
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(url)
        return axe_violations(page)
    finally:
        context.close()


def test_it_shows_an_answer_and_a_refusal_accessibly_on_a_phone(page, live_server, archive):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/question/")
    page.get_by_label("Votre question").fill("Combien Mistral AI a-t-elle levé ?")
    page.get_by_role("button", name="Demander").click()
    page.wait_for_selector(".answer__sentence")
    assert "1,7 milliard" in page.locator(".answer__sentences").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    assert axe_violations(page) == []

    page.get_by_label("Votre question").fill("Quelle est la recette de la tarte Tatin aux pommes ?")
    page.get_by_role("button", name="Demander").click()
    page.wait_for_selector(".answer__refusal")
    assert page.locator(".answer__refusal").inner_text() == "Les archives n'en parlent pas."
    assert page.locator(".answer__sentence").count() == 0
    assert page.locator(".answer__suggestions li").count() >= 1
    assert axe_violations(page) == []
