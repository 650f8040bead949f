"""/recherche/ in real headless Chromium: typed, submitted, followed to the passage; axe-core finds nothing."""

import pytest

from tests.conftest import axe_violations
from tests.search.archive_helpers import issue_with

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_it_searches_the_archive_and_opens_the_passage(page, live_server):
    long_facts = "\n\n".join(f"Paragraphe {n} : une chaîne de boulangeries prévoit ses ventes avec un modèle."
                               for n in range(30))
    issue_with(3, [("Pain sur la planche", long_facts),
                   ("Le coût d’une requête", "Google chiffre l’énergie d’une requête à son assistant à 0,24 wattheure, "
                                              "l’équivalent de neuf secondes de télévision.")])
    page.goto(live_server.url + "/numeros/")
    page.get_by_label("Rechercher dans les archives").fill("requete energie")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche/?q=requete+energie")
    assert "1 passage trouvé" in page.locator(".page-lede").inner_text()
    assert page.locator(".search-hit mark").all_inner_texts() == ["énergie", "requête"]
    assert axe_violations(page) == []

    page.get_by_role("link", name="Le coût d’une requête").click()
    page.wait_for_url("**/numeros/3/#article-2*")
    assert page.evaluate("location.hash") == "#article-2"  # the text directive is for the browser only
    # The browser scrolled down to the passage (and highlights it: ::target-text).
    page.wait_for_function("""() => {
        const box = document.querySelector('#article-2 p').getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight; }""", timeout=5000)

    page.goto(live_server.url + "/recherche/?q=photosynth%C3%A8se")
    assert "Aucun passage" in page.locator(".page-lede").inner_text()
    assert axe_violations(page) == []


def test_it_reads_on_a_phone_and_in_the_dark(browser, live_server):
    issue_with(3, [("Le coût d’une requête", "Google chiffre l’énergie d’une requête à son assistant.")])
    context = browser.new_context(locale="fr-FR", color_scheme="dark", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/recherche/?q=" + "énergie" * 40)
        page.goto(live_server.url + "/recherche/?q=%C3%A9nergie")
        assert page.locator(".search-hit").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        assert axe_violations(page) == []
    finally:
        context.close()
