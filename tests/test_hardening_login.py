"""The admin login is throttled per account and per IP, in the database cache, with a French message."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

PASSWORD = "mot-de-passe-de-test-solide"
REFUSED = "Trop de tentatives de connexion échouées"

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # the counters live in the database cache


@pytest.fixture(autouse=True)
def accounts(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT, settings.LOGIN_FAILURES_PER_IP = 3, 5
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, for the test only
    cache.clear()
    for name in ["redac", "chef", "pigiste", "stagiaire"]:
        get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)
    yield
    cache.clear()


def log_in(username: str, password: str, ip: str) -> tuple[bool, str]:
    """(logged in, the login page's text) through the real admin login form."""
    client = Client(REMOTE_ADDR=ip)
    response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session, response.content.decode()


def test_it_refuses_an_account_after_n_failures_even_with_the_right_password():
    for i in range(3):
        ok, page = log_in("redac", "mauvais", f"203.0.113.{i}")  # from three addresses
        assert not ok and REFUSED not in page
    ok, page = log_in("redac", PASSWORD, "203.0.113.50")
    assert not ok and REFUSED in page and "15 minutes" in page
    assert log_in("chef", PASSWORD, "203.0.113.0")[0]  # another account, even from a guilty address


def test_it_refuses_an_ip_after_n_failures_on_any_accounts():
    for name in ["redac", "chef", "pigiste", "stagiaire", "personne"]:
        assert not log_in(name, "mauvais", "198.51.100.7")[0]
    ok, page = log_in("chef", PASSWORD, "198.51.100.7")  # the account has failed once only
    assert not ok and REFUSED in page
    assert log_in("chef", PASSWORD, "198.51.100.8")[0]  # another IP is unaffected


def test_it_counts_failures_below_the_limit_and_clears_them_on_success():
    for _ in range(2):
        assert not log_in("redac", "mauvais", "203.0.113.1")[0]
    assert log_in("redac", PASSWORD, "203.0.113.1")[0]
    for _ in range(2):
        assert not log_in("redac", "mauvais", "203.0.113.1")[0]
    assert log_in("redac", PASSWORD, "203.0.113.1")[0]  # 4 failures in all, never 3 in a row


def test_it_keeps_the_counts_in_the_shared_database_cache(settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    log_in("redac", "mauvais", "203.0.113.1")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM demain_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert sum("login-failures:" in key for key in keys) == 2


def test_it_counts_the_client_behind_a_trusted_proxy_not_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for name in ["redac", "chef", "pigiste", "stagiaire", "personne"]:
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
        client.post("/admin/login/", {"username": name, "password": "mauvais"})
    other = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.post("/admin/login/?next=/admin/", {"username": "chef", "password": PASSWORD}).status_code == 302
    guilty = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert REFUSED in guilty.post("/admin/login/", {"username": "chef", "password": PASSWORD}).content.decode()


def test_it_lifts_an_account_lockout_from_the_command_line():
    import io
    import json

    from django.core.management import call_command

    for _ in range(3):
        log_in("chef", "mauvais", "203.0.113.20")
    refused, page = log_in("chef", PASSWORD, "203.0.113.21")  # another address: the account itself is locked
    assert not refused and REFUSED in page
    out = io.StringIO()
    call_command("unlock", "chef", "--json", stdout=out)
    assert json.loads(out.getvalue())["failures"] == {"account": 3}
    assert log_in("chef", PASSWORD, "203.0.113.21")[0]


def test_it_lifts_an_ip_lockout_from_the_command_line():
    import io

    from django.core.management import CommandError, call_command

    for name in ["redac", "chef", "pigiste", "stagiaire", "redac"]:
        log_in(name, "mauvais", "198.51.100.7")
    refused, page = log_in("stagiaire", PASSWORD, "198.51.100.7")
    assert not refused and REFUSED in page
    out = io.StringIO()
    call_command("unlock", "--ip", "198.51.100.7", stdout=out)
    assert "adresse 198.51.100.7 : débloqué (5 échecs effacés)" in out.getvalue()
    assert log_in("stagiaire", PASSWORD, "198.51.100.7")[0]
    with pytest.raises(CommandError, match="adresse IP invalide"):
        call_command("unlock", "--ip", "pas-une-ip")
    with pytest.raises(CommandError, match="indiquez"):
        call_command("unlock")
