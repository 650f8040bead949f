"""The drafting workflow on a real database: story → draft (task) → checked → accepted or fixed → approved."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from demain.drafts import services
from demain.drafts.models import CheckItem, Draft, Generation
from demain.issues.models import Issue
from demain.issues.services import PublishBlocked, transition
from demain.stories.models import EditorDecision
from tests.drafts.fake_openai import FakeOpenAI, chat_reply
from tests.drafts.stories import ARTICLE_A, ARTICLE_B, ARTICLE_EN, RESERVED, valid_article
from tests.drafts.workflow_helpers import draft_issue, editor, stored_story

pytestmark = pytest.mark.django_db
URLS = (ARTICLE_A.url, ARTICLE_B.url)


def drafted(story=None, backend="extractive") -> Draft:
    draft = services.start(story or stored_story(), backend, enqueue=False)
    return services.run(draft.pk)


def invented(draft: Draft, sentence: str) -> str:
    """The draft's text with one more fact paragraph, right after the title."""
    title, rest = draft.text.split("\n\n", 1)
    return f"{title}\n\n{sentence}\n\n{rest}"


def test_it_turns_a_stored_story_into_what_drafting_reads():
    story = stored_story(ARTICLE_A, ARTICLE_B, RESERVED, ARTICLE_EN)
    data = services.story_input(story)
    assert [a.source for a in data.articles] == [ARTICLE_A.source, ARTICLE_B.source, RESERVED.source, ARTICLE_EN.source]
    assert [a.url for a in data.articles] == [ARTICLE_A.url, ARTICLE_B.url, RESERVED.url, ARTICLE_EN.url]
    assert [a.language for a in data.articles] == ["fr", "fr", "fr", "en"]
    assert [a.tdm_reserved for a in data.articles] == [False, False, True, False]
    assert data.articles[0].text == ARTICLE_A.text
    (disagreement,) = data.disagreements
    assert disagreement.sources == (ARTICLE_A.source, ARTICLE_B.source)
    assert disagreement.sentences[0].startswith("Selon l’opérateur, le site consomme 12 mégawatts")
    assert "18 mégawatts" in disagreement.sentences[1] and "12 mégawatts" in disagreement.summary


def test_it_names_each_source_once_when_an_outlet_has_two_articles():
    assert services.source_names([("Le Monde", "Un"), ("Le Monde", "Deux"), ("AFP", "Trois")]) == [
        "Le Monde — Un", "Le Monde — Deux", "AFP"]
    assert services.source_names([("X", "Même"), ("X", "Même")]) == ["X — Même", "X — Même (2)"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_drafts_checks_and_records_a_story_in_a_background_task():
    issue, user = draft_issue(), editor()
    story = stored_story()
    draft = services.start(story, "extractive", user)
    assert draft.status == Draft.Status.QUEUED and draft.article.issue == issue and draft.article.title == ""
    assert list(draft.article.sources.values_list("url", flat=True)) == list(URLS)
    assert EditorDecision.objects.get().action == "draft"
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    draft.refresh_from_db()
    assert draft.status == Draft.Status.CHECKED and draft.error == ""
    assert draft.text.startswith(draft.data["title"]) and "Enjeux et perspectives" in draft.text
    assert "Sauf que." in draft.text  # the newsroom's disagreement feeds the turn
    assert draft.prompt_version == "idioms.fr.json" and draft.model == "extractive"
    assert [s["name"] for s in draft.sources] == [ARTICLE_A.source, ARTICLE_B.source]
    assert draft.sources[0]["text"] == ARTICLE_A.text
    items = list(draft.items.all())
    assert items and {i.kind for i in items} >= {"figure"}
    assert all(i.status == "supported" for i in items if i.kind == "figure")  # sentences are the sources'
    assert all(draft.text[i.start:i.end] == i.text for i in items)
    (generation,) = Generation.objects.filter(draft=draft)
    assert generation.issue == issue and generation.backend == "extractive" and generation.energy_wh is not None
    assert DBTaskResult.objects.get().return_value == "checked"


def test_it_opens_the_next_issue_when_none_is_in_preparation():
    story = stored_story()
    draft = services.start(story, "extractive", enqueue=False)
    issue = draft.article.issue
    assert issue.number == 1 and issue.status == "draft" and list(issue.articles.all()) == [draft.article]
    assert draft.article.sources.count() == 2


def test_it_refuses_to_start_with_an_unknown_backend():
    story = stored_story()
    draft_issue()
    with pytest.raises(services.DraftStartError, match="Moteur de rédaction inconnu : « gpt »"):
        services.start(story, "gpt", enqueue=False)
    assert not Draft.objects.exists() and not story.decisions.exists()


def test_it_claims_a_draft_once():
    draft_issue()
    draft = drafted()
    items = draft.items.count()
    again = services.run(draft.pk)  # a task queued twice: the second finds it taken
    assert again.status == Draft.Status.CHECKED and again.items.count() == items
    assert Generation.objects.filter(draft=draft).count() == 1


def test_it_marks_the_draft_failed_with_the_french_message_on_a_bad_key(settings, tmp_path):
    draft_issue()
    with FakeOpenAI([chat_reply(valid_article(URLS))], api_key="la-bonne-cle") as fake:
        settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = fake.base_url, "fake-model", "mauvaise"
        settings.LLM_CACHE, settings.VAR_DIR = False, tmp_path
        draft = drafted(backend="openai")
    assert draft.status == Draft.Status.FAILED and "clé" in draft.error.lower()
    assert draft.text == "" and draft.sources == [] and not draft.items.exists() and draft.data == {}
    assert draft.article.title == ""  # the issue's article is untouched


def test_it_stores_nothing_of_an_answer_invalid_twice_but_its_footprint(settings, tmp_path):
    draft_issue()
    script = [chat_reply("pas du JSON"), chat_reply(json.dumps({"title": "Sans le reste"}))]
    with FakeOpenAI(script) as fake:
        settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = fake.base_url, "fake-model", ""
        settings.LLM_CACHE, settings.LLM_RETRY_SECONDS, settings.VAR_DIR = False, 0.01, tmp_path
        draft = drafted(backend="openai")
    assert draft.status == Draft.Status.FAILED
    assert draft.error.startswith("Le modèle a répondu deux fois hors du schéma JSON attendu")
    assert draft.text == "" and not draft.items.exists() and draft.data == {}
    assert Generation.objects.filter(draft=draft).count() == 2  # the calls were made: their footprint counts


@pytest.mark.postgres
def test_it_never_sends_a_tdm_reserved_article_to_a_model_and_tells_the_editor(settings, tmp_path):
    draft_issue()
    story = stored_story(RESERVED, ARTICLE_A, ARTICLE_B)
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = fake.base_url, "fake-model", ""
        settings.LLM_CACHE, settings.VAR_DIR = False, tmp_path
        draft = drafted(story, backend="openai")
    sent = json.dumps(fake.requests, ensure_ascii=False)
    assert "girafe turquoise" not in sent and RESERVED.url not in sent and RESERVED.source not in sent
    assert ARTICLE_A.text.split(". ")[0] in sent
    assert draft.status == Draft.Status.CHECKED
    assert draft.left_out == [{"source": RESERVED.source, "url": RESERVED.url, "reason": "tdm_reserved"}]
    assert any("TDM" in note and RESERVED.source in note for note in draft.notes)
    assert RESERVED.source in [s["name"] for s in draft.sources]  # the checker (no model) still reads it


def test_it_fails_a_story_whose_every_article_is_tdm_reserved_with_a_model(settings, tmp_path):
    draft_issue()
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        settings.LLM_BASE_URL, settings.LLM_MODEL, settings.VAR_DIR = fake.base_url, "fake-model", tmp_path
        draft = drafted(stored_story(RESERVED, disagreements=()), backend="openai")
    assert fake.requests == []
    assert draft.status == Draft.Status.FAILED and "réservent leurs droits de fouille" in draft.error


@pytest.mark.postgres
def test_it_blocks_approval_until_an_invented_figure_is_accepted_with_a_reason():
    issue, user = draft_issue(), editor()
    draft = drafted()
    services.edit(draft, invented(draft, "Le site emploiera 450 techniciens selon la mairie."), user)
    draft.refresh_from_db()
    (item,) = [i for i in draft.items.all() if i.blocking]
    assert item.text.startswith("450") and item.status == "unsupported"
    with pytest.raises(services.ApprovalBlocked) as blocked:
        services.approve(draft, user)
    assert "« 450" in str(blocked.value) and "non étayé" in str(blocked.value)
    assert issue.articles.get().title == ""  # nothing written
    with pytest.raises(ValueError, match="Donnez la raison"):
        services.accept(item, "   ", user)
    services.accept(item, "Chiffre donné par la mairie au téléphone, noté par la rédaction.", user)
    item.refresh_from_db()
    assert item.accepted_by == user and item.accepted_at is not None
    services.approve(draft, user)
    draft.refresh_from_db()
    assert draft.status == Draft.Status.APPROVED and draft.approved_by == user and draft.approved_at
    article = issue.articles.get()
    assert article.title == draft.data["title"] and "450 techniciens" in article.facts
    assert article.turn.startswith("Sauf que.") and article.analysis and article.closing == draft.data["closing"]
    assert list(article.sources.values_list("url", flat=True)) == [s["url"] for s in draft.data["sources"]]


def test_it_keeps_an_acceptance_across_a_recheck_only_for_items_still_there():
    draft_issue()
    user = editor()
    draft = drafted()
    text = invented(draft, "Le site emploiera 450 techniciens et 75 ingénieurs selon la mairie.")
    services.edit(draft, text, user)
    four_fifty = draft.items.get(text__startswith="450")
    services.accept(four_fifty, "Confirmé par la mairie.", user)
    services.accept(draft.items.get(text__startswith="75"), "Confirmé aussi.", user)
    services.edit(draft, text.replace("75 ingénieurs", "80 ingénieurs"), user)
    assert draft.items.get(text__startswith="450").accepted_reason == "Confirmé par la mairie."
    assert draft.items.get(text__startswith="80").accepted_reason == ""
    assert not draft.items.filter(text__startswith="75").exists()


def test_it_passes_approval_once_the_editor_fixes_the_text():
    draft_issue()
    draft = drafted()
    original = draft.text
    services.edit(draft, invented(draft, "Le site emploiera 450 techniciens selon la mairie."))
    assert services.approval_blockers(Draft.objects.get(pk=draft.pk))
    services.edit(draft, original.replace("\n", "\r\n"))  # a browser's line ends
    draft.refresh_from_db()
    assert draft.text == original and services.approval_blockers(draft) == []
    assert services.approve(draft).status == Draft.Status.APPROVED


def test_it_refuses_to_approve_a_draft_that_is_not_in_the_house_format():
    draft_issue()
    draft = drafted()
    services.edit(draft, draft.text.split("Enjeux et perspectives")[0].replace("Sauf que.", "Mais."))
    draft.refresh_from_db()
    reasons = services.approval_blockers(draft)
    assert any("Format maison" in r for r in reasons)
    with pytest.raises(services.ApprovalBlocked):
        services.approve(draft)


def test_it_refuses_to_check_or_approve_a_draft_not_yet_drafted():
    draft_issue()
    draft = services.start(stored_story(), "extractive", enqueue=False)
    with pytest.raises(services.DraftStateError, match="rien à vérifier"):
        services.recheck(draft)
    assert "doit d’abord être rédigé" in services.approval_blockers(draft)[0]


def approved_issue_ready() -> tuple[Issue, Draft]:
    issue = draft_issue()
    draft = drafted()
    services.approve(draft)
    transition(issue, Issue.Status.REVIEW)
    return issue, draft


@pytest.mark.postgres
def test_it_refuses_to_publish_an_issue_with_an_unapproved_draft():
    issue = draft_issue()
    first = drafted()
    services.approve(first)
    second = drafted(stored_story(ARTICLE_EN, disagreements=(), title="A data center near Lyon"))
    services.edit(second, invented(second, "The site will employ 450 technicians."))
    second.article.title = "Un titre écrit à la main"
    second.article.save()
    transition(issue, Issue.Status.REVIEW)
    with pytest.raises(PublishBlocked) as blocked:
        transition(issue, Issue.Status.APPROVED)
    message = str(blocked.value)
    assert message.startswith("Approbation refusée") and f"brouillon n° {second.pk} est « Vérifié »" in message
    assert "article 2 « Un titre écrit à la main »" in message and f"n° {first.pk}" not in message
    issue.refresh_from_db()
    assert issue.status == Issue.Status.REVIEW


@pytest.mark.postgres
def test_it_refuses_to_publish_an_article_changed_after_approval_until_it_is_checked_again():
    issue, draft = approved_issue_ready()
    transition(issue, Issue.Status.APPROVED)
    article = issue.articles.get()
    assert article.title == draft.data["title"]
    article.facts += "\n\nUn ajout fait dans le numéro après l’approbation : 900 emplois."
    article.save()
    with pytest.raises(PublishBlocked, match="L’article a changé depuis l’approbation"):
        transition(issue, Issue.Status.PUBLISHED)
    with pytest.raises(services.ApprovalBlocked, match="modifié dans le numéro depuis l’approbation"):
        services.approve(Draft.objects.get(pk=draft.pk))  # approving again would overwrite the edit unchecked
    transition(issue, Issue.Status.DRAFT)
    services.recheck(draft)  # the article's text comes back into the draft, and is checked
    draft.refresh_from_db()
    assert draft.status == Draft.Status.CHECKED and "900 emplois" in draft.text
    blocking = [i for i in draft.items.all() if i.blocking]
    assert [i.text for i in blocking] == ["900"]
    services.accept(blocking[0], "Chiffre de la préfecture, vérifié au téléphone.")
    services.approve(draft)
    for status in (Issue.Status.REVIEW, Issue.Status.APPROVED, Issue.Status.PUBLISHED):
        transition(issue, status)
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.PUBLISHED


def test_it_publishes_an_issue_whose_drafts_are_all_approved():
    issue, _ = approved_issue_ready()
    transition(issue, Issue.Status.APPROVED)
    transition(issue, Issue.Status.PUBLISHED)
    assert issue.status == Issue.Status.PUBLISHED


def test_it_refuses_to_approve_into_a_published_issue():
    issue, draft = approved_issue_ready()
    transition(issue, Issue.Status.APPROVED)
    transition(issue, Issue.Status.PUBLISHED)
    assert any("est « Publié »" in r for r in services.approval_blockers(Draft.objects.get(pk=draft.pk)))


def test_it_lets_the_checker_command_read_a_stored_draft():
    draft_issue()
    draft = drafted()
    services.edit(draft, invented(draft, "Le site emploiera 450 techniciens selon la mairie."))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("check", str(draft.pk), "--json", stdout=out)
    assert exit_code.value.code == 1
    items = json.loads(out.getvalue())["items"]
    stored = list(CheckItem.objects.filter(draft=draft).order_by("position"))
    assert [(i["text"], i["status"]) for i in items] == [(i.text, i.status) for i in stored]
    (unsupported,) = [i for i in items if i["status"] != "supported"]
    assert unsupported["text"].startswith("450") and unsupported["source"] is None
    supported = [i for i in items if i["status"] == "supported"]
    assert supported and {i["source"] for i in supported} <= {ARTICLE_A.source, ARTICLE_B.source}


def test_it_says_a_stored_draft_without_text_cannot_be_checked():
    draft_issue()
    draft = services.start(stored_story(), "extractive", enqueue=False)
    err = io.StringIO()
    with pytest.raises(Exception) as caught:
        call_command("check", str(draft.pk), stderr=err)
    assert "pas encore de texte" in str(caught.value)
    with pytest.raises(Exception, match="aucun brouillon n° 99999"):
        call_command("check", "99999")
