"""The ``openai`` backend against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import time

import pytest

from demain.lib.drafting import Disagreement, DraftingError, Story, TokenBudget, draft
from demain.lib.drafting.cache import DirectoryStore
from demain.lib.drafting.openai import OpenAIBackend, OpenAISettings, parse_retry_after
from tests.drafts.fake_openai import FakeOpenAI, chat_reply, closed_port
from tests.drafts.stories import ARTICLE_A, DISAGREEMENT, RESERVED, STORY, settings, valid_article

URLS = ("https://gazette.example/centre-donnees", "https://courrier.example/rhone-serveurs")


def openai_settings(fake: FakeOpenAI | None, tmp_path, **overrides) -> dict:
    values = dict(DRAFT_BACKEND="openai", LLM_BASE_URL=fake.base_url if fake else "http://127.0.0.1:9/v1",
                  LLM_MODEL="fake-model", VAR_DIR=str(tmp_path), LLM_CACHE=False, LLM_RETRY_SECONDS=0.01)
    values.update(overrides)
    return settings(**values)


def test_it_drafts_an_article_through_an_openai_compatible_server(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        result = draft(STORY, openai_settings(fake, tmp_path))
    assert result.backend == "openai" and result.prompt_version == "article.v1" and result.attempts == 1
    assert result.draft["title"] == "Un long fleuve pas si tranquille"
    assert "\n\nSauf que.\n\n" in result.text and "\n\nEnjeux et perspectives\n\n" in result.text
    assert "- Le Courrier de la vallée — https://courrier.example/rhone-serveurs" in result.text
    assert [f for f in result.findings if f.severity == "error"] == []
    (generation,) = result.generations
    assert (generation.input_tokens, generation.output_tokens, generation.cached) == (120, 80, False)
    body = fake.requests[0]
    assert body["model"] == "fake-model" and body["response_format"] == {"type": "json_object"}
    prompt = "\n".join(m["content"] for m in body["messages"])
    assert ARTICLE_A.text.split(". ")[0] in prompt and "12 mégawatts selon l’opérateur" in prompt
    assert "$" not in prompt.replace("$schema", "")  # every placeholder filled


def test_it_asks_for_the_json_schema_when_configured(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        draft(STORY, openai_settings(fake, tmp_path, LLM_RESPONSE_FORMAT="json_schema"))
    schema = fake.requests[0]["response_format"]["json_schema"]["schema"]
    assert schema["required"] == ["title", "facts", "enjeux", "closing", "sources"]


def test_it_answers_an_identical_request_from_the_cache(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        values = openai_settings(fake, tmp_path, LLM_CACHE=True)
        budget = TokenBudget(10_000)
        first = draft(STORY, values, budget=budget)
        second = draft(STORY, values, budget=budget)
    assert len(fake.requests) == 1
    assert first.draft == second.draft
    assert second.generations[0].cached and not first.generations[0].cached
    assert budget.used == 200  # the cached answer spent nothing
    assert list((tmp_path / "llm-cache").rglob("*.json"))


def test_it_refuses_a_call_that_could_exceed_the_token_budget_before_sending_it(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path, LLM_TOKEN_BUDGET=500))
    assert caught.value.code == "token_budget" and "LLM_TOKEN_BUDGET" in caught.value.french
    assert fake.requests == []


def test_it_shares_one_budget_across_a_run(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS), prompt_tokens=3000, completion_tokens=500)]) as fake:
        values = openai_settings(fake, tmp_path, LLM_MAX_OUTPUT_TOKENS=1000)
        budget = TokenBudget(5000)
        draft(STORY, values, budget=budget)
        with pytest.raises(DraftingError, match="Budget de jetons"):
            draft(Story(title="Autre sujet", articles=STORY.articles), values, budget=budget)
    assert len(fake.requests) == 1 and budget.used == 3500


def test_it_retries_a_503_after_the_delay_retry_after_asks(tmp_path):
    script = [(503, {"error": {"message": "overloaded"}}, {"Retry-After": "1"}), chat_reply(valid_article(URLS))]
    with FakeOpenAI(script) as fake:
        started = time.monotonic()
        result = draft(STORY, openai_settings(fake, tmp_path))
        elapsed = time.monotonic() - started
    assert len(fake.requests) == 2 and result.draft["title"]
    assert elapsed >= 1.0  # the server's Retry-After, not the 0.01 s backoff


def test_it_backs_off_exponentially_then_reports_an_overloaded_server(tmp_path):
    waits = []
    with FakeOpenAI([(429, {"error": {"message": "rate limited"}}, {})]) as fake:
        backend = OpenAIBackend(OpenAISettings(fake.base_url, model="fake-model", max_retries=3, retry_seconds=0.5),
                                sleep=waits.append)
        with pytest.raises(DraftingError) as caught:
            draft(STORY, settings(), backend=backend)
    assert caught.value.code == "http_error" and "HTTP 429 après 4 essais" in caught.value.french
    assert len(fake.requests) == 4 and waits == [0.5, 1.0, 2.0]


def test_it_retries_a_timeout_then_says_so(tmp_path):
    with FakeOpenAI([(200, {}, {}, 1.0)]) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path, LLM_READ_TIMEOUT=0.2, LLM_MAX_RETRIES=1))
    assert caught.value.code == "timeout" and "n’a pas répondu à temps" in caught.value.french
    assert len(fake.requests) == 2


def test_it_explains_a_bad_key_in_french_and_english(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))], api_key="la-bonne-cle") as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path, LLM_API_KEY="une-mauvaise-cle"))
    error = caught.value
    assert error.code == "bad_key" and "Clé d’API refusée" in error.french and "API key refused" in error.english
    assert "LLM_API_KEY" in str(error)
    assert len(fake.requests) == 1  # a bad key is not retried


def test_it_sends_the_key_as_a_bearer_token(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))], api_key="la-bonne-cle") as fake:
        draft(STORY, openai_settings(fake, tmp_path, LLM_API_KEY="la-bonne-cle"))
    assert fake.headers[0]["Authorization"] == "Bearer la-bonne-cle"
    assert fake.headers[0]["User-Agent"].startswith("demain/")


def test_it_explains_an_unknown_model(tmp_path):
    with FakeOpenAI([chat_reply(valid_article(URLS))]) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path, LLM_MODEL="modele-inexistant"))
    assert caught.value.code == "unknown_model"
    assert "« modele-inexistant » inconnu" in caught.value.french and "LLM_MODEL" in caught.value.english


def test_it_explains_a_server_that_is_down(tmp_path):
    values = openai_settings(None, tmp_path, LLM_BASE_URL=f"http://127.0.0.1:{closed_port()}/v1")
    with pytest.raises(DraftingError) as caught:
        draft(STORY, values)
    assert caught.value.code == "server_down"
    assert "Impossible de joindre le serveur" in caught.value.french and "is it running" in caught.value.english


def test_it_retries_an_invalid_answer_once_with_the_error_then_reports_it(tmp_path):
    script = [chat_reply("Voici votre article : pas de JSON ici."), chat_reply(json.dumps({"title": "Sans le reste"}))]
    with FakeOpenAI(script) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path))
    assert caught.value.code == "invalid_answer" and "'facts' is a required property" in caught.value.detail
    assert len(fake.requests) == 2 and len(caught.value.generations) == 2
    retry = fake.requests[1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": "Voici votre article : pas de JSON ici."}
    assert "n’est pas du JSON valide" in retry[-1]["content"]


def test_it_accepts_a_valid_second_answer(tmp_path):
    invented = valid_article(("https://invente.example/nulle-part",))
    with FakeOpenAI([chat_reply(invented), chat_reply(valid_article(URLS))]) as fake:
        result = draft(STORY, openai_settings(fake, tmp_path))
    assert result.attempts == 2 and len(result.generations) == 2
    assert "n’est pas celle d’un des articles fournis" in fake.requests[1]["messages"][-1]["content"]


def test_it_never_sends_a_tdm_reserved_article_to_the_model(tmp_path):
    story = Story(title=STORY.title, articles=(RESERVED, ARTICLE_A))
    with FakeOpenAI([chat_reply(valid_article())]) as fake:
        result = draft(story, openai_settings(fake, tmp_path))
    sent = json.dumps(fake.requests, ensure_ascii=False)
    assert "girafe turquoise" not in sent and RESERVED.url not in sent and RESERVED.source not in sent
    assert ARTICLE_A.url in sent
    assert result.left_out == [{"source": RESERVED.source, "url": RESERVED.url, "reason": "tdm_reserved"}]
    assert any("TDM" in note and RESERVED.source in note for note in result.notes)


def test_it_keeps_a_disagreement_quoting_a_reserved_article_from_the_model(tmp_path):
    quoting = Disagreement(summary="La girafe turquoise contre les autres",
                           sentences=("Il mentionne une phrase témoin unique, la girafe turquoise du quai Perrache, "
                                      "que personne d’autre n’écrit.",))
    naming = Disagreement(summary="un désaccord sans phrase", sources=(RESERVED.source, ARTICLE_A.source))
    story = Story(title=STORY.title, articles=(RESERVED, ARTICLE_A), disagreements=(quoting, naming, DISAGREEMENT))
    with FakeOpenAI([chat_reply(valid_article())]) as fake:
        result = draft(story, openai_settings(fake, tmp_path))
    sent = json.dumps(fake.requests, ensure_ascii=False)
    assert "girafe" not in sent and "sans phrase" not in sent and RESERVED.source not in sent
    assert DISAGREEMENT.summary in sent
    assert any("désaccord" in note for note in result.notes)


def test_it_refuses_when_every_article_is_tdm_reserved(tmp_path):
    with FakeOpenAI([chat_reply(valid_article())]) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(Story(title="Réservé", articles=(RESERVED,)), openai_settings(fake, tmp_path))
    assert caught.value.code == "no_usable_source" and "extractive" in caught.value.french
    assert fake.requests == []


def test_it_drafts_app_sous_le_radar_in_its_own_schema(tmp_path):
    review = json.dumps({"name": "Carnet", "intro": ["Carnet range les factures."], "good": "Simple.",
                         "bad": "Pas d’export.", "verdict": "Utile pour commencer.",
                         "source": {"label": "Site", "url": ARTICLE_A.url}}, ensure_ascii=False)
    story = Story(title="Carnet", articles=(ARTICLE_A,), kind="app_review", app_name="Carnet")
    with FakeOpenAI([chat_reply(review)]) as fake:
        result = draft(story, openai_settings(fake, tmp_path))
    assert result.prompt_version == "app_review.v1"
    assert result.text.startswith("App sous le radar : Carnet\n\nCarnet range les factures.\n\nLe bon : Simple.")
    assert "Le verdict : Utile pour commencer." in result.text
    assert "« Carnet »" in fake.requests[0]["messages"][1]["content"]


@pytest.mark.parametrize("value, expected", [("3", 3.0), (None, None), ("bientôt", None),
                                             ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_it_reads_retry_after_as_seconds_or_a_date(value, expected):
    assert parse_retry_after(value) == expected


def test_it_stores_cache_entries_atomically(tmp_path):
    store = DirectoryStore(tmp_path)
    store.put("ab" * 32, {"text": "x"})
    assert store.get("ab" * 32) == {"text": "x"} and store.get("cd" * 32) is None


def test_it_asks_again_without_json_mode_when_the_server_does_not_offer_it(tmp_path):
    refused = (400, {"error": {"message": "Unrecognized request argument: response_format"}}, {})
    with FakeOpenAI([refused, chat_reply(valid_article(URLS))]) as fake:
        result = draft(STORY, openai_settings(fake, tmp_path))
    assert result.attempts == 1 and len(fake.requests) == 2
    assert "response_format" in fake.requests[0] and "response_format" not in fake.requests[1]


def test_it_reports_another_client_error_as_is(tmp_path):
    with FakeOpenAI([(400, {"error": {"message": "context length exceeded"}}, {})]) as fake:
        with pytest.raises(DraftingError) as caught:
            draft(STORY, openai_settings(fake, tmp_path))
    assert caught.value.code == "http_error" and "HTTP 400" in caught.value.french
    assert "context length exceeded" in caught.value.detail and len(fake.requests) == 1
