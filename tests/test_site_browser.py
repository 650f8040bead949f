"""The public site in real headless Chromium: rendered text, phone layout, axe-core."""

import io

import pytest

from tests.conftest import axe_violations
from tests.site_factory import make_issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_it_renders_the_home_and_an_issue_readably_and_accessibly(page, live_server):
    make_issue(1, title="Le premier numéro")
    make_issue(2, title="Le numéro du jour")

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Le numéro du jour"
    assert "Le monde" in page.locator(".masthead__title").inner_text()
    assert page.locator(".masthead .masthead__ai").inner_text() == "AI"
    assert page.locator("article.article").count() == 2
    assert page.locator(".punchline").inner_text() == "Chute de l’éditorial 2."
    assert axe_violations(page) == []

    page.get_by_role("link", name="Archives", exact=True).click()
    page.get_by_role("link", name="Le premier numéro").click()
    page.wait_for_url("**/numeros/1/")
    assert page.locator("h1").inner_text() == "Le premier numéro"
    page.get_by_role("link", name="Article 2 du numéro 1").first.click()
    assert page.evaluate("location.hash") == "#article-2"
    assert page.locator("#article-2 h2").inner_text() == "Article 2 du numéro 1"
    assert page.locator("#article-1 .turn__lead").inner_text() == "Sauf que."
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/numeros/1/", "/numeros/"])
def test_it_fits_a_phone_screen_without_horizontal_scrolling(page, live_server, path):
    issue = make_issue(1)
    source = issue.articles.first().sources.first()
    source.label = "https://exemple.org/" + "un-tres-long-chemin-sans-espace-" * 6
    source.save()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + path)
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []


def test_it_keeps_a_dark_reader_accessible(browser, live_server):
    make_issue(1)
    context = browser.new_context(locale="fr-FR", color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/numeros/1/")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(251, 248, 242)"
        assert axe_violations(page) == []
    finally:
        context.close()


def test_it_shows_the_demo_issue_on_a_phone(page, live_server):
    from django.core.management import call_command

    from demain.site.management.commands.demo import DEMO_NUMBER

    call_command("demo", stdout=io.StringIO())
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + f"/numeros/{DEMO_NUMBER}/")
    assert page.locator("h1").inner_text() == "Les agents ont une carte bleue"
    assert page.locator(".toc li").count() == 5
    assert page.locator(".app-review h2").inner_text().endswith("Scribouille")
    assert page.get_by_text("Enjeux et perspectives").count() == 4
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []
    # The archive issues, a week apart, are listed and as readable.
    page.goto(live_server.url + "/numeros/")
    assert page.locator(".archive__title").count() == DEMO_NUMBER
    page.get_by_role("link", name="L’addition, s’il vous plaît").click()
    page.wait_for_url("**/numeros/1/")
    assert page.locator(".toc li").count() == 6 and page.locator("article.article").count() == 5
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []
