"""The ``openai`` backend: any OpenAI-compatible chat-completions endpoint, through httpx.

Mistral's API, Ollama, vLLM, a llama.cpp server… ``LLM_BASE_URL`` (up to
``/v1``), ``LLM_API_KEY``, ``LLM_MODEL``. Connect and read timeouts; 429, 5xx
and timeouts are retried with exponential backoff (``LLM_RETRY_SECONDS``,
doubling), honouring Retry-After (capped at ``LLM_RETRY_MAX_SECONDS``); a bad
key (401/403), an unknown model (404 or ``model_not_found``) and a server that
is down (connection refused) are DraftingErrors in French and English.
Identical requests are answered from the cache. JSON mode: ``response_format``
as ``LLM_RESPONSE_FORMAT`` says (``json_schema``, ``json_object`` or ``none``).
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import httpx

from demain.lib.footprint import Generation

from .cache import Store, request_key
from .errors import DraftingError
from .result import Completion

RETRY_STATUSES = {429, 500, 502, 503, 504}
USER_AGENT = "demain/0.1 (newsroom drafting)"


@dataclass
class OpenAISettings:
    base_url: str
    api_key: str = ""
    model: str = ""
    connect_timeout: float = 5.0
    read_timeout: float = 120.0
    max_retries: int = 3
    retry_seconds: float = 1.0
    retry_max_seconds: float = 60.0
    response_format: str = "json_object"
    provider: str = ""  # EcoLogits' provider name, for the footprint

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> "OpenAISettings":
        return cls(base_url=values["LLM_BASE_URL"], api_key=values["LLM_API_KEY"], model=values["LLM_MODEL"],
                   connect_timeout=values["LLM_CONNECT_TIMEOUT"], read_timeout=values["LLM_READ_TIMEOUT"],
                   max_retries=values["LLM_MAX_RETRIES"], retry_seconds=values["LLM_RETRY_SECONDS"],
                   retry_max_seconds=values["LLM_RETRY_MAX_SECONDS"],
                   response_format=values["LLM_RESPONSE_FORMAT"], provider=values["LLM_PROVIDER"])


class OpenAIBackend:
    name = "openai"

    def __init__(self, settings: OpenAISettings, cache: Store | None = None,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self.model = settings.model
        self.cache = cache
        self.sleep = sleep
        self.json_mode_refused = False
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        headers = {"User-Agent": USER_AGENT}
        if settings.api_key:
            headers["Authorization"] = f"Bearer {settings.api_key}"
        self.client = httpx.Client(base_url=settings.base_url.rstrip("/") + "/", timeout=timeout,
                                   headers=headers, transport=transport)

    def close(self) -> None:
        self.client.close()

    def body(self, messages: list[dict], schema: dict, max_tokens: int) -> dict:
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": 0.2}
        if self.settings.response_format == "json_schema":
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "draft", "schema": schema, "strict": True}}
        elif self.settings.response_format == "json_object":
            body["response_format"] = {"type": "json_object"}
        return body

    def complete(self, messages: list[dict], schema: dict, max_tokens: int) -> Completion:
        body = self.body(messages, schema, max_tokens)
        key = request_key(self.settings.base_url, body)
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            return Completion(cached["text"], Generation(self.name, self.model, cached["input_tokens"],
                                                         cached["output_tokens"], 0.0, 0.0, cached=True,
                                                         provider=self.settings.provider))
        started, cpu_started = time.perf_counter(), time.process_time()
        data = self.post(body)
        try:
            text = data["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise DraftingError("http_error", "Réponse du serveur sans message (format inattendu).",
                                "Server answer without a message (unexpected format).", str(data)[:200]) from None
        usage = data.get("usage") or {}
        generation = Generation(self.name, str(data.get("model") or self.model), int(usage.get("prompt_tokens") or 0),
                                int(usage.get("completion_tokens") or 0), time.perf_counter() - started,
                                time.process_time() - cpu_started, provider=self.settings.provider)
        if self.cache is not None:
            self.cache.put(key, {"text": text, "input_tokens": generation.input_tokens,
                                 "output_tokens": generation.output_tokens})
        return Completion(text, generation)

    def post(self, body: dict) -> dict:
        attempts = self.settings.max_retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self.client.post("chat/completions", json=body)
            except httpx.ConnectError as error:
                raise server_down(self.settings.base_url, error) from None
            except httpx.TimeoutException as error:
                if last:
                    raise DraftingError(
                        "timeout", f"Le serveur {self.settings.base_url} n’a pas répondu à temps, {attempts} essais.",
                        f"The server {self.settings.base_url} timed out, {attempts} tries.", type(error).__name__) from None
                self.sleep(self.backoff(attempt, None))
                continue
            if response.status_code == 200:
                try:
                    return response.json()
                except ValueError:
                    raise DraftingError("http_error", "Le serveur a répondu sans JSON.",
                                        "The server did not answer in JSON.", response.text[:200]) from None
            if response.status_code in RETRY_STATUSES and not last:
                self.sleep(self.backoff(attempt, response.headers.get("Retry-After")))
                continue
            if response.status_code == 400 and "response_format" in body and "response_format" in response.text:
                # A server without JSON mode: ask again without it; the schema check still holds the answer.
                body = {key: value for key, value in body.items() if key != "response_format"}
                self.json_mode_refused = True
                continue
            raise self.error_for(response, attempts)
        raise AssertionError("unreachable")

    def backoff(self, attempt: int, retry_after: str | None) -> float:
        delay = self.settings.retry_seconds * (2 ** attempt)
        wait = parse_retry_after(retry_after)
        if wait is not None:
            delay = max(delay, wait)
        return min(delay, self.settings.retry_max_seconds)

    def error_for(self, response: httpx.Response, attempts: int) -> DraftingError:
        status = response.status_code
        detail = response.text[:300]
        code = error_code(response)
        if status in (401, 403):
            return DraftingError(
                "bad_key", f"Clé d’API refusée par {self.settings.base_url} (HTTP {status}) : vérifiez LLM_API_KEY.",
                f"API key refused by {self.settings.base_url} (HTTP {status}): check LLM_API_KEY.", detail)
        if status == 404 or code == "model_not_found":
            return DraftingError(
                "unknown_model", f"Modèle « {self.model} » inconnu de {self.settings.base_url} : vérifiez LLM_MODEL.",
                f"Model « {self.model} » unknown to {self.settings.base_url}: check LLM_MODEL.", detail)
        if status in RETRY_STATUSES:
            return DraftingError(
                "http_error", f"Le serveur répond HTTP {status} après {attempts} essais ; réessayez plus tard.",
                f"The server answers HTTP {status} after {attempts} tries; try again later.", detail)
        return DraftingError("http_error", f"Le serveur a refusé la requête (HTTP {status}).",
                             f"The server refused the request (HTTP {status}).", detail)


def server_down(base_url: str, error: Exception) -> DraftingError:
    return DraftingError(
        "server_down", f"Impossible de joindre le serveur {base_url} : est-il démarré ? (LLM_BASE_URL)",
        f"Cannot reach the server {base_url}: is it running? (LLM_BASE_URL)", str(error))


def error_code(response: httpx.Response) -> str:
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return ""
    if isinstance(error, dict):
        return str(error.get("code") or error.get("type") or "")
    return ""


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds, from a number of seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
