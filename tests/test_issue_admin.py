import datetime
import html
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from demain.issues.models import Article, ArticleSource, Issue, StatusChange
from demain.issues.services import save_parsed_issue, transition
from demain.lib.houseformat import parse
from tests.houseformat_samples import SAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


class FormFields(HTMLParser):
    """The values a browser would submit for the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, {}
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif not self.inside or "name" not in attrs and tag != "option":
            return
        elif tag == "input" and attrs.get("type") not in {"submit", "button", "checkbox", "file"}:
            self.data[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = ""
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self.textarea:
                self.data[self.textarea] = self.data[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_data(page: str) -> dict:
    parser = FormFields("issue_form")
    parser.feed(page)
    return parser.data


def help_text(page: str, field_id: str) -> str:
    match = re.search(rf'id="{field_id}_helptext">\s*<div>(.*?)</div>\s*</div>', page, re.S)
    return html.unescape(match.group(1)) if match else ""


@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser("editrice", "editrice@demain.example", "motdepasse-long")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def issue():
    return save_parsed_issue(parse(SAMPLE), 7, datetime.date(2027, 3, 3))


def change_url(issue):
    return reverse("admin:issues_issue_change", args=[issue.pk])


def test_it_shows_findings_next_to_the_fields_they_concern(admin_client, issue):
    Article.objects.filter(issue=issue, position=2).update(closing="")
    Issue.objects.filter(pk=issue.pk).update(editorial_punchline="")
    page = admin_client.get(change_url(issue)).content.decode()
    assert "L’article n’a pas de chute" in help_text(page, "id_articles-1-closing")
    assert "L’article n’a pas de chute" not in help_text(page, "id_articles-0-closing")
    assert "pas de chute" in help_text(page, "id_editorial_punchline")
    assert "1 erreur (l’approbation et la publication sont bloquées)" in page


def test_it_shows_a_clean_issue_as_clean(admin_client, issue):
    page = admin_client.get(change_url(issue)).content.decode()
    assert "aucune remarque" in page
    assert "lint-error" not in page


def test_it_saves_sources_edited_in_the_article_inline(admin_client, issue):
    data = form_data(admin_client.get(change_url(issue)).content.decode())
    assert data["articles-1-sources"] == "Communiqué du fabricant — https://example.org/communique"
    data["articles-1-sources"] = "Nouvel article — https://example.org/nouveau\nAgence de presse"
    data["articles-1-title"] = "Qui va à la chasse perd sa serrure"
    response = admin_client.post(change_url(issue), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(issue=issue, position=2)
    assert article.title == "Qui va à la chasse perd sa serrure"
    assert list(article.sources.values_list("label", "url")) == [
        ("Nouvel article", "https://example.org/nouveau"), ("Agence de presse", "")]
    assert ArticleSource.objects.filter(article__position=1).count() == 2
    page = admin_client.get(change_url(issue)).content.decode()
    assert "n’a pas d’URL" in help_text(page, "id_articles-1-sources")


def test_it_refuses_a_bad_source_url_and_keeps_the_old_sources(admin_client, issue):
    data = form_data(admin_client.get(change_url(issue)).content.decode())
    data["articles-0-sources"] = "Un lien cassé — https://exa mple"
    data["articles-0-title"] = "Titre qui ne doit pas être enregistré"
    response = admin_client.post(change_url(issue), data)
    assert response.status_code == 200
    assert "URL invalide" in response.content.decode()
    assert Article.objects.get(issue=issue, position=1).title == "Pain sur la planche"
    assert ArticleSource.objects.filter(article__position=1).count() == 2


def test_it_refuses_to_publish_from_the_admin_while_errors_remain(admin_client, issue):
    transition(issue, "review")
    transition(issue, "approved")
    Article.objects.filter(issue=issue, position=1).update(facts="")
    url = reverse("admin:issues_issue_transition", args=[issue.pk, "published"])
    page = admin_client.post(url, follow=True).content.decode()
    assert "Publication du numéro 7 refusée" in page
    assert "L’article n’a pas de faits" in page
    issue.refresh_from_db()
    assert issue.status == "approved" and issue.published_at is None
    Article.objects.filter(issue=issue, position=1).update(facts="Un fait vérifié.")
    page = admin_client.post(url, follow=True).content.decode()
    issue.refresh_from_db()
    assert issue.status == "published" and issue.published_at
    assert StatusChange.objects.filter(to_status="published", by=admin_client.user).count() == 1
    assert "Numéro 7 : Publié." in page


def test_it_refuses_to_approve_from_the_admin_while_errors_remain(admin_client, issue):
    transition(issue, "review")
    Article.objects.filter(issue=issue, position=1).update(facts="")
    url = reverse("admin:issues_issue_transition", args=[issue.pk, "approved"])
    page = admin_client.post(url, follow=True).content.decode()
    assert "Approbation du numéro 7 refusée : 1 erreur à corriger" in page
    assert Issue.objects.get(pk=issue.pk).status == "review"
    changelist = reverse("admin:issues_issue_changelist")
    admin_client.post(changelist, {"action": "approve", "_selected_action": [issue.pk]})
    assert Issue.objects.get(pk=issue.pk).status == "review"
    Article.objects.filter(issue=issue, position=1).update(facts="Un fait vérifié.")
    admin_client.post(url)
    assert Issue.objects.get(pk=issue.pk).status == "approved"


def test_it_offers_the_workflow_buttons_and_the_history(admin_client, issue):
    page = admin_client.get(change_url(issue)).content.decode()
    assert "Envoyer en relecture" in page and "Publier</button>" not in page
    admin_client.post(reverse("admin:issues_issue_transition", args=[issue.pk, "review"]))
    page = admin_client.get(change_url(issue)).content.decode()
    assert "Approuver</button>" in page and "Renvoyer en brouillon</button>" in page
    assert "historique des statuts" in page.lower() and "editrice" in page


def test_it_refuses_a_transition_by_get(admin_client, issue):
    response = admin_client.get(reverse("admin:issues_issue_transition", args=[issue.pk, "review"]))
    assert response.status_code == 405
    assert StatusChange.objects.count() == 0


def test_it_publishes_from_the_list_action_only_without_errors(admin_client, issue):
    other = save_parsed_issue(parse(SAMPLE), 8, datetime.date(2027, 3, 10))
    for each in (issue, other):
        transition(each, "review")
        transition(each, "approved")
    Article.objects.filter(issue=other, position=2).update(title="")
    changelist = reverse("admin:issues_issue_changelist")
    page = admin_client.post(changelist, {"action": "publish", "_selected_action": [issue.pk, other.pk]},
                             follow=True).content.decode()
    assert "Numéro 7 : Publié." in page
    assert "Publication du numéro 8 refusée" in page
    assert list(Issue.objects.order_by("number").values_list("status", flat=True)) == ["published", "approved"]


def test_it_opens_the_add_page(admin_client):
    assert admin_client.get(reverse("admin:issues_issue_add")).status_code == 200


def test_it_fixes_the_typography_from_the_admin(admin_client, issue):
    Article.objects.filter(issue=issue, position=1).update(closing="Le pain ? L'IA le cuit.")
    page = admin_client.get(change_url(issue)).content.decode()
    assert "Corriger la typographie" in page
    assert "Espace fine insécable attendue avant « ? »" in help_text(page, "id_articles-0-closing")
    page = admin_client.post(reverse("admin:issues_issue_fix_typography", args=[issue.pk]), follow=True).content.decode()
    assert "Typographie corrigée : 1 champ modifié." in page
    assert Article.objects.get(issue=issue, position=1).closing == "Le pain\u202f? L’IA le cuit."
    assert "Corriger la typographie" not in page
