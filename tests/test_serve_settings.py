"""The serving settings: bind address, page cache backend, and the cache key that follows SITE_URL."""

import pytest

from demain import conf


def test_it_reads_the_serving_settings():
    values = conf.load({"SERVE_BIND": "0.0.0.0:8080", "SERVE_WORKERS": "4", "SERVE_THREADS": "2"})
    assert (values["SERVE_BIND"], values["SERVE_WORKERS"], values["SERVE_THREADS"]) == ("0.0.0.0:8080", 4, 2)
    assert conf.load({})["SERVE_BIND"] == "127.0.0.1:8000"


@pytest.mark.parametrize("name, value", [("SERVE_BIND", "8000"), ("SERVE_BIND", "localhost:http"),
                                         ("SERVE_WORKERS", "two"), ("CACHE_URL", "mysql://x"),
                                         ("HEALTHZ_TASK_MAX_AGE", "soon")])
def test_it_refuses_bad_serving_values_naming_the_variable(name, value):
    with pytest.raises(conf.SettingError, match=name):
        conf.load({name: value})


def test_it_picks_the_page_cache_backend_from_cache_url():
    assert conf.page_cache_backend("") == {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                           "LOCATION": "demain_pages_cache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    assert conf.page_cache_backend("redis://cache:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/1"}
    assert conf.page_cache_backend("memcached://cache:11211") == {
        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": "cache:11211"}


def test_it_changes_the_page_cache_keys_when_the_site_url_changes():
    assert conf.fingerprint("https://a.fr", "/static/") == conf.fingerprint("https://a.fr", "/static/")
    assert conf.fingerprint("https://a.fr", "/static/") != conf.fingerprint("https://b.fr", "/static/")
