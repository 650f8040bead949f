"""Ask the archive: cited answers, refusals, the model's answer checked, the page, the command, the eval."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demain.drafts.models import Generation
from demain.lib.drafting import make_backend
from demain.site.archive.answer import REFUSAL, AskError, ask, sentence_supported
from demain.site.models import Passage, Question
from tests.ask_helpers import make_archive
from tests.drafts.fake_openai import FakeOpenAI, chat_reply

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ENERGY = "Combien d’énergie consomme une requête à Gemini selon Google ?"


@pytest.fixture
def archive():
    return make_archive()


def test_it_answers_with_the_archives_own_sentences_each_cited(archive, settings):
    answer = ask(ENERGY)
    assert not answer.refused
    assert answer.sentences
    for sentence in answer.sentences:
        assert sentence.citations
        for citation in sentence.citations:
            passage = Passage.objects.get(pk=citation.passage)
            assert sentence.text in passage.text
            assert citation.path == f"/numeros/{passage.issue.number}/#{passage.anchor}"
            assert citation.url == settings.SITE_URL + citation.path
        assert sentence_supported(sentence)
    first = answer.sentences[0]
    assert "0,24 Wh" in first.text
    assert (first.citations[0].issue, first.citations[0].article) == (1, "Le watt qui cache la forêt")
    assert answer.cited_urls[0] == "/numeros/1/#article-1"


def test_it_refuses_what_the_archive_does_not_speak_of(archive):
    answer = ask("Quelle est la recette de la tarte Tatin aux pommes ?")
    assert answer.refused
    assert answer.text == REFUSAL
    assert answer.sentences == []
    assert answer.cited_urls == []
    assert answer.evidence["unknown"] == ["Tatin"]  # the archive never names it
    assert answer.suggestions and all(s.path.startswith("/numeros/") for s in answer.suggestions)


def test_it_refuses_a_question_of_another_field_on_its_score(archive):
    answer = ask("Combien de calories apporte une baguette de pain ?")
    assert answer.refused, answer.evidence
    assert answer.evidence["unknown"] == []  # refused on the score, not on a name


def test_it_refuses_an_empty_or_overlong_question_clearly(archive):
    with pytest.raises(AskError, match="vide"):
        ask("   ")
    with pytest.raises(AskError, match="trop longue"):
        ask("mot " * 200)
    with pytest.raises(AskError, match="inconnu"):
        ask(ENERGY, backend="oracle")


def model_answer(*sentences: tuple[str, list[int]]) -> str:
    return json.dumps({"sentences": [{"text": text, "citations": cited} for text, cited in sentences]},
                      ensure_ascii=False)


def openai_backend(fake):
    from django.conf import settings

    return make_backend("openai", {**settings.ENV, "LLM_BASE_URL": fake.base_url, "LLM_MODEL": "fake-model",
                                   "LLM_CACHE": False, "LLM_MAX_RETRIES": 0})


def test_it_removes_a_model_sentence_whose_figure_the_passages_do_not_give(archive):
    reply = model_answer(("Selon Google, une requête texte à Gemini consomme 0,24 Wh.", [1]),
                         ("Cela fait 3,7 Wh par jour et par utilisateur.", [1]))
    with FakeOpenAI([chat_reply(reply)]) as fake:
        answer = ask(ENERGY, backend=openai_backend(fake))
    assert [s.text for s in answer.sentences] == ["Selon Google, une requête texte à Gemini consomme 0,24 Wh."]
    assert answer.sentences[0].citations[0].path == "/numeros/1/#article-1"
    assert [r["text"] for r in answer.removed] == ["Cela fait 3,7 Wh par jour et par utilisateur."]
    assert "3,7 Wh" in answer.removed[0]["reason"]
    prompt = fake.requests[0]["messages"][1]["content"]
    assert "0,24 Wh" in prompt and ENERGY in prompt
    row = Generation.objects.get()
    assert (row.purpose, row.backend, row.input_tokens, row.output_tokens) == (
        Generation.Purpose.QUESTION, "openai", 120, 80)


def test_it_refuses_a_model_answer_nothing_of_which_is_supported(archive):
    reply = model_answer(("Google annonce 2,9 Wh par requête, d’après Sundar Pichai.", [1]))
    with FakeOpenAI([chat_reply(reply)]) as fake:
        answer = ask(ENERGY, backend=openai_backend(fake))
    assert answer.refused and answer.reason == "unsupported"
    assert answer.text.startswith(REFUSAL)
    assert answer.sentences == [] and len(answer.removed) == 1
    assert Generation.objects.filter(purpose=Generation.Purpose.QUESTION).count() == 1


def test_it_drops_a_model_sentence_that_cites_no_given_passage(archive):
    reply = model_answer(("Selon Google, une requête texte à Gemini consomme 0,24 Wh.", [9]))
    with FakeOpenAI([chat_reply(reply)]) as fake:
        answer = ask(ENERGY, backend=openai_backend(fake))
    assert answer.refused
    assert answer.removed[0]["reason"] == "ne cite aucun passage fourni"


def test_it_falls_back_to_the_passages_when_the_model_answers_out_of_format(archive):
    with FakeOpenAI([chat_reply("Voici ma réponse, sans JSON.")]) as fake:
        answer = ask(ENERGY, backend=openai_backend(fake))
    assert not answer.refused and answer.backend == "extractive"
    assert "format" in answer.notes[0]
    assert all(s.text in Passage.objects.get(pk=s.citations[0].passage).text for s in answer.sentences)


def test_it_prints_the_answer_as_json_with_each_citation(archive):
    out = io.StringIO()
    call_command("ask", ENERGY, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["answered"] is True
    assert data["answer"] == " ".join(s["text"] for s in data["sentences"])
    citation = data["sentences"][0]["citations"][0]
    assert citation["issue"] == 1
    assert citation["article"] == "Le watt qui cache la forêt"
    assert citation["url"].endswith("/numeros/1/#article-1")
    assert data["sentences"][0]["text"] in citation["passage"]["text"]
    assert Passage.objects.filter(pk=citation["passage"]["id"]).exists()


def test_it_prints_the_refusal_and_rejects_a_bad_question_on_the_command_line(archive):
    out = io.StringIO()
    call_command("ask", "Qui a gagné le Tour de France 1987 ?", stdout=out)
    assert out.getvalue().startswith(REFUSAL)
    with pytest.raises(CommandError, match="vide"):
        call_command("ask", "  ", stdout=io.StringIO())


def test_it_scores_a_question_file(archive, tmp_path):
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([
        {"question": ENERGY, "answers": ["/numeros/1/#article-1"]},
        {"question": "Combien Mistral AI a-t-elle levé ?", "answers": ["/numeros/2/#article-1"]},
        {"question": "Quelle est la recette de la tarte Tatin ?", "answers": []},
    ], ensure_ascii=False))
    out = io.StringIO()
    call_command("eval", "archive", "--here", "--questions", str(questions), stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "recall_at_5=1.00 supported=1.00 refusals=1.00"
    out = io.StringIO()
    call_command("eval", "archive", "--here", "--json", "--questions", str(questions), stdout=out)
    data = json.loads(out.getvalue().strip().splitlines()[0])
    assert (data["answerable"], data["unanswerable"], data["refusals"]) == (2, 1, 1.0)


def test_it_counts_a_missed_article_and_a_wrong_answer(archive, tmp_path):
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([
        {"question": ENERGY, "answers": ["/numeros/2/#article-2"]},
        {"question": "Combien Mistral AI a-t-elle levé ?", "answers": []},
    ], ensure_ascii=False))
    out = io.StringIO()
    call_command("eval", "archive", "--here", "--questions", str(questions), stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "recall_at_5=0.00 supported=1.00 refusals=0.00"


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"), ("[]", "non-empty"), ('[{"question": "x"}]', "item 1"),
    ('[{"question": "x", "answers": ["https://ailleurs/"]}]', "/numeros/N/#anchor")])
def test_it_refuses_a_bad_question_file(tmp_path, content, message):
    questions = tmp_path / "questions.json"
    questions.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("eval", "archive", "--here", "--questions", str(questions), stdout=io.StringIO())


# --- The page ---------------------------------------------------------------------------------------

def ask_page(client, text, ip="203.0.113.7"):
    return client.get("/question/", {"q": text}, REMOTE_ADDR=ip)


def test_it_shows_the_form_and_answers_with_linked_citations(archive, client):
    page = client.get("/question/")
    assert page.status_code == 200
    assert 'name="q"' in page.content.decode() and 'method="post"' in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert Question.objects.count() == 0  # showing the form asks nothing
    response = ask_page(client, ENERGY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "0,24" in html
    assert 'href="/numeros/1/#article-1"' in html
    assert "N° 1, Le watt qui cache la forêt" in html


def test_it_shows_the_refusal_and_the_closest_articles(archive, client):
    html = ask_page(client, "Quelle est la recette de la tarte Tatin aux pommes ?").content.decode()
    assert "Les archives n&#x27;en parlent pas." in html
    assert "Les articles les plus proches" in html
    assert 'class="answer__sentence"' not in html
    assert html.count('<li><a href="/numeros/') >= 1


def test_it_limits_questions_per_ip_with_a_french_429(archive, client, settings):
    settings.ASK_RATE_PER_IP = 2
    assert ask_page(client, ENERGY).status_code == 200
    assert ask_page(client, ENERGY).status_code == 200
    limited = ask_page(client, ENERGY)
    assert limited.status_code == 429
    assert "Trop de questions" in limited.content.decode()
    assert ask_page(client, ENERGY, ip="198.51.100.9").status_code == 200  # another reader is not limited
    assert Question.objects.count() == 3


def test_it_keeps_questions_without_the_ip_and_shows_them_to_the_editor(archive, client, admin_client):
    ask_page(client, ENERGY, ip="203.0.113.77")
    ask_page(client, "Quelle est la recette de la tarte Tatin aux pommes ?", ip="203.0.113.77")
    answered, unanswered = Question.objects.get(answered=True), Question.objects.get(answered=False)
    assert answered.text == ENERGY and answered.citations[0] == "/numeros/1/#article-1"
    assert unanswered.citations == []
    for row in Question.objects.values():
        assert "203.0.113.77" not in json.dumps(row, default=str)
    listing = admin_client.get("/admin/public_site/question/?answered__exact=0").content.decode()
    assert "tarte Tatin" in listing and "Gemini" not in listing
    detail = admin_client.get(f"/admin/public_site/question/{answered.pk}/change/").content.decode()
    assert 'href="/numeros/1/#article-1"' in detail


def test_it_says_what_is_wrong_with_an_empty_question(archive, client):
    response = ask_page(client, "   ")
    assert response.status_code == 200
    assert "Écrivez une question." in response.content.decode()
    assert Question.objects.count() == 0


def test_it_answers_a_post_with_its_csrf_token_and_refuses_one_without(archive):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get("/question/")
    token = client.cookies["csrftoken"].value
    answered = client.post("/question/", {"q": ENERGY, "csrfmiddlewaretoken": token})
    assert answered.status_code == 200 and 'href="/numeros/1/#article-1"' in answered.content.decode()
    assert Client(enforce_csrf_checks=True).post("/question/", {"q": ENERGY}).status_code == 403
    assert Question.objects.count() == 1
