"""The editor's drafting pages: « Rédiger » from the newsroom, the batch's progress, a draft's checked text,
« Accepter », « Revérifier », « Approuver »; and the draft page in Chromium with axe-core."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from django.urls import reverse

from demain.drafts import services
from demain.drafts.models import Draft
from tests.conftest import axe_violations
from tests.drafts.stories import ARTICLE_A, RESERVED
from tests.drafts.workflow_helpers import draft_issue, editor, stored_story

INVENTED = "Le site emploiera 450 techniciens selon la mairie."


@pytest.fixture
def logged_in(client, db):
    client.force_login(editor())
    return client


def checked_draft(text_edit: bool = True, story=None) -> Draft:
    draft = services.run(services.start(story or stored_story(), "extractive", enqueue=False).pk)
    if text_edit:
        title, rest = draft.text.split("\n\n", 1)
        services.edit(draft, f"{title}\n\n{INVENTED}\n\n{rest}")
    return Draft.objects.get(pk=draft.pk)


def page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.postgres
def test_it_drafts_the_selected_stories_and_follows_their_progress(logged_in):
    issue = draft_issue()
    first = stored_story()
    second = stored_story(replace(ARTICLE_A, url="https://gazette.example/autre"), disagreements=(),
                          title="Un autre sujet")
    response = logged_in.post(reverse("admin:stories_story_changelist"),
                              {"action": "draft_stories", "_selected_action": [first.pk, second.pk]})
    drafts = list(Draft.objects.order_by("pk"))
    assert len(drafts) == 2 and {d.story_id for d in drafts} == {first.pk, second.pk}
    assert len({d.batch for d in drafts}) == 1 and drafts[0].batch
    batch_url = reverse("admin:drafts_draft_batch", args=[drafts[0].batch])
    assert response.status_code == 302 and response.url == batch_url
    assert issue.articles.count() == 2
    page = logged_in.get(batch_url)
    assert '<meta http-equiv="refresh" content="3">' in page.content.decode()
    assert "0 sur 2 terminé" in page_text(page) and "En attente" in page_text(page)
    services.run(drafts[0].pk)  # what demain db_worker does
    page = logged_in.get(batch_url)
    assert "1 sur 2 terminé" in page_text(page) and "Vérifié" in page_text(page)
    services.run(drafts[1].pk)
    page = logged_in.get(batch_url)
    assert "http-equiv" not in page.content.decode() and "2 sur 2 terminés" in page_text(page)
    assert "<script" not in page.content.decode().split("</head>")[1]  # no inline script (strict CSP)


def test_it_says_why_no_draft_could_be_started(logged_in):
    from demain.stories.models import Story

    story = stored_story()
    empty = Story.objects.create(title="Un sujet vidé de ses articles")
    response = logged_in.post(reverse("admin:stories_story_changelist"),
                              {"action": "draft_stories", "_selected_action": [empty.pk]}, follow=True)
    assert "n’a aucun article source" in page_text(response)
    assert not Draft.objects.exists() and not story.drafts.exists()


@pytest.mark.postgres
def test_it_shows_each_checked_item_highlighted_with_its_source_and_blocks_approval(logged_in):
    draft_issue()
    draft = checked_draft()
    response = logged_in.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    items = list(draft.items.all())
    marks = re.findall(r'<mark class="check check-(\w+)[^"]*" id="mark-(\d+)">', body)
    assert len(marks) == len(items)
    assert ("unsupported", str([i.text for i in items].index("450") + 1)) in marks
    supported = next(i for i in items if i.status == "supported" and i.snippet)
    assert html.escape(supported.snippet) in body or supported.snippet in page_text(response)
    text = page_text(response)
    assert "Approbation impossible pour l’instant" in text and "« 450 »" in text
    assert re.search(r'<button type="submit" class="button draft-button draft-approve" disabled', body)
    assert "Raison de publier tel quel" in text and "Revérifier" in text
    listing = logged_in.get(reverse("admin:drafts_draft_changelist"))
    assert "Vérifié" in page_text(listing) and "1 à traiter" in page_text(listing)


@pytest.mark.postgres
def test_it_accepts_an_item_with_a_reason_then_approves_into_the_issue(logged_in):
    issue = draft_issue()
    draft = checked_draft()
    item = draft.items.get(status="unsupported")
    accept = reverse("admin:drafts_draft_accept", args=[draft.pk, item.pk])
    response = logged_in.post(accept, {"reason": "  "}, follow=True)
    assert "Donnez la raison" in page_text(response)
    item.refresh_from_db()
    assert item.accepted_reason == ""
    approve = reverse("admin:drafts_draft_approve", args=[draft.pk])
    response = logged_in.post(approve, follow=True)
    assert "Approbation refusée" in page_text(response)
    assert Draft.objects.get(pk=draft.pk).status == "checked"
    logged_in.post(accept, {"reason": "Chiffre confirmé par la mairie."})
    item.refresh_from_db()
    assert item.accepted_reason == "Chiffre confirmé par la mairie." and item.accepted_by.username == "redaction"
    response = logged_in.post(approve, follow=True)
    assert "Brouillon approuvé" in page_text(response)
    article = issue.articles.get()
    assert article.title == draft.data["title"] and INVENTED in article.facts
    assert "accepté" in page_text(logged_in.get(reverse("admin:drafts_draft_change", args=[draft.pk]))).lower()
    assert logged_in.get(approve).status_code == 405


def test_it_saves_the_edited_text_and_checks_it_again(logged_in):
    draft_issue()
    draft = checked_draft(text_edit=False)
    assert not [i for i in draft.items.all() if i.blocking]
    title, rest = draft.text.split("\n\n", 1)
    response = logged_in.post(reverse("admin:drafts_draft_change", args=[draft.pk]),
                              {"text": f"{title}\r\n\r\nIl y aura 450 techniciens.\r\n\r\n{rest}"}, follow=True)
    assert "Texte enregistré et vérifié à nouveau : 1 non étayé, 0 contredit" in page_text(response)
    draft.refresh_from_db()
    assert "\r" not in draft.text and [i.text for i in draft.items.all() if i.blocking] == ["450"]
    response = logged_in.post(reverse("admin:drafts_draft_recheck", args=[draft.pk]), follow=True)
    assert "Vérifié à nouveau" in page_text(response)


def test_it_tells_the_editor_why_a_tdm_reserved_article_was_not_sent_to_a_model(logged_in):
    draft_issue()
    draft = services.start(stored_story(RESERVED, ARTICLE_A), "openai", enqueue=False)
    Draft.objects.filter(pk=draft.pk).update(  # as the openai backend left it (tested in test_workflow.py)
        status="checked", text="Un titre\n\nUn fait.\n\nEnjeux et perspectives\n\nUne analyse.\n\nUne chute.\n",
        left_out=[{"source": RESERVED.source, "url": RESERVED.url, "reason": "tdm_reserved"}],
        notes=["« Le Quotidien réservé » n’a pas été envoyé au modèle : son éditeur réserve ses droits (TDM)."])
    text = page_text(logged_in.get(reverse("admin:drafts_draft_change", args=[draft.pk])))
    assert f"Non transmis au modèle : {RESERVED.source}" in text
    assert "réserve ses droits de fouille de textes et de données (TDM)" in text


def test_it_shows_a_failed_draft_with_its_message_and_lets_the_editor_retry(logged_in):
    draft_issue()
    draft = services.start(stored_story(RESERVED, disagreements=()), "openai", enqueue=False)
    services.fail(draft, "Tous les articles de ce sujet réservent leurs droits de fouille (TDM).")
    text = page_text(logged_in.get(reverse("admin:drafts_draft_change", args=[draft.pk])))
    assert "Échec de la rédaction : Tous les articles" in text and "Relancer la rédaction" in text
    logged_in.post(reverse("admin:drafts_draft_retry", args=[draft.pk]))
    assert Draft.objects.get(pk=draft.pk).status == "queued"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_the_draft_page_accessibly_in_chromium(page, live_server, client):
    draft_issue()
    draft = checked_draft()
    client.force_login(editor())
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/admin/drafts/draft/{draft.pk}/change/")
    unsupported = page.locator("mark.check-unsupported").first
    assert not [e for e in errors if "Content Security Policy" in e], errors  # before axe-core runs in the page
    assert unsupported.inner_text().startswith("450")
    assert page.locator("button.draft-approve").is_disabled()
    styles = unsupported.evaluate("node => getComputedStyle(node).backgroundColor")
    assert styles == "rgb(255, 232, 199)"  # the stylesheet applies (no inline style under the CSP)
    violations = [(found["id"], [n["target"] for n in found["nodes"]]) for found in axe_violations(page)]
    assert violations == []
    page.fill(f"#reason-{draft.items.get(status='unsupported').pk}", "Confirmé par la mairie.")
    page.get_by_role("button", name="Accepter").first.click()
    page.wait_for_load_state()
    assert not page.locator("button.draft-approve").is_disabled()
    page.locator("button.draft-approve").click()
    page.wait_for_load_state()
    assert "Brouillon approuvé" in page.locator(".messagelist").inner_text()


def test_it_refuses_to_publish_from_the_issue_page_while_a_draft_is_not_approved(logged_in):
    issue = draft_issue()
    draft = checked_draft(text_edit=False)
    services.approve(draft)
    other = checked_draft(story=stored_story(replace(ARTICLE_A, url="https://gazette.example/bis"), disagreements=(),
                                             title="Un autre sujet"))  # an unsupported figure, not accepted
    other.article.title = "Écrit à la main"
    other.article.save()
    for status in ("review", "approved"):
        response = logged_in.post(reverse("admin:issues_issue_transition", args=[issue.pk, status]), follow=True)
    text = page_text(response)
    assert "Approbation du numéro 3 refusée" in text
    assert f"article 2 « Écrit à la main » : Son brouillon n° {other.pk} est « Vérifié »" in text
    issue.refresh_from_db()
    assert issue.status == "review"
