"""The admin login, throttled per account and per client IP.

Failed logins are counted in Django's cache (the database cache: every server
process shares it). Once an account, or an IP address, has failed
``LOGIN_FAILURES_PER_ACCOUNT`` (or ``LOGIN_FAILURES_PER_IP``) times, the form
refuses it, even with the right password, until ``LOGIN_LOCKOUT_MINUTES`` have
passed since its last failure. A successful login clears its account's count;
`demain unlock` lifts a refusal at once (someone who knows a username can lock it).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

from demain.site.proxy import client_ip_hash, ip_hash

REFUSED = ("Trop de tentatives de connexion échouées : par sécurité, la connexion est suspendue "
           "pendant {minutes} minutes pour ce compte ou depuis cette adresse. Réessayez plus tard.")


def account_key(username: str) -> str:
    return "login-failures:account:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()


def ip_key(hashed_ip: str) -> str:
    return f"login-failures:ip:{hashed_ip}"


def _keys(request, username: str) -> dict[str, str]:
    return {"account": account_key(username), "ip": ip_key(client_ip_hash(request))}


def _limits() -> dict[str, int]:
    return {"account": settings.LOGIN_FAILURES_PER_ACCOUNT, "ip": settings.LOGIN_FAILURES_PER_IP}


def is_refused(request, username: str) -> bool:
    keys, limits = _keys(request, username), _limits()
    counts = cache.get_many(keys.values())
    return any(counts.get(keys[kind], 0) >= limits[kind] for kind in keys)


def record_failure(request, username: str) -> None:
    seconds = settings.LOGIN_LOCKOUT_MINUTES * 60
    for key in _keys(request, username).values():
        cache.add(key, 0, seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)
        cache.touch(key, seconds)  # the refusal lasts LOGIN_LOCKOUT_MINUTES after the last failure


def clear_account(request, username: str) -> None:
    cache.delete(account_key(username))


def unlock(username: str | None = None, address: str | None = None) -> dict[str, int]:
    """Lift the refusal of an account and/or an IP address; the failures each had counted."""
    keys = {}
    if username:
        keys["account"] = account_key(username)
    if address:
        keys["ip"] = ip_key(ip_hash(address))
    counts = cache.get_many(keys.values())
    cache.delete_many(keys.values())
    return {kind: counts.get(key, 0) for kind, key in keys.items()}


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """Django's admin login form, refused once the account or the IP has failed too often."""

    error_messages = {**AdminAuthenticationForm.error_messages, "throttled": REFUSED}

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if is_refused(self.request, username):
            raise ValidationError(self.error_messages["throttled"].format(minutes=settings.LOGIN_LOCKOUT_MINUTES),
                                  code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if any(getattr(e, "code", None) == "invalid_login" for e in error.error_list):
                record_failure(self.request, username)
            raise
        clear_account(self.request, username)
        return cleaned
