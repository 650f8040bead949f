"""A real `demain serve` (granian) on a free loopback port, with its production settings."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from demain.site.management.commands.demo import DEMO_NUMBER
from tests.conftest import ROOT

DEMAIN = str(ROOT / ".venv" / "bin" / "demain")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 10):
    """Status, headers (case-insensitive), body."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"demain serve exited: {process.stderr.read().decode()[-2000:]}")
        try:
            get(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"demain serve did not answer {url} within {seconds}s")


@pytest.fixture
def database_url(tmp_path):
    """A database of its own: a SQLite file, or a fresh database on the PostgreSQL server under test."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'served.sqlite3'}"
        return
    import psycopg

    name = f"demain_serve_{uuid.uuid4().hex[:8]}"
    server = f"host={default['HOST']} port={default['PORT']} user={default['USER']} dbname=postgres"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{default['USER']}@{default['HOST']}:{default['PORT']}/{name}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def environment(tmp_path: Path, database_url: str, port: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DEMO_ADDR"}
    env.update({"DATABASE_URL": database_url, "VAR_DIR": str(tmp_path / "var"), "DEBUG": "false",
                "ALLOWED_HOSTS": "127.0.0.1", "SITE_URL": f"http://127.0.0.1:{port}",
                "SERVE_BIND": f"127.0.0.1:{port}", "SERVE_WORKERS": "2", "DATABASE_CONN_MAX_AGE": "60"})
    return env


@pytest.mark.postgres
def test_it_serves_the_site_for_real_and_sees_edits_made_elsewhere(tmp_path, database_url):
    port = free_port()
    env = environment(tmp_path, database_url, port)
    for command in (["migrate"], ["demo"]):
        subprocess.run([DEMAIN, *command], env=env, check=True, capture_output=True)
    server = subprocess.Popen([DEMAIN, "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", server)
        current = f"/numeros/{DEMO_NUMBER}/"  # the current demo issue
        status, headers, body = get(base + current)
        assert status == 200 and f"N° {DEMO_NUMBER}" in body.decode() and "csrftoken=" in headers.get("Set-Cookie", "")
        assert headers.get("Server") == "granian"
        for _ in range(3):
            assert get(base + current)[0] == 200
        status, headers, css = get(base + "/static/site/site.css")  # whitenoise, DEBUG off, collected
        assert status == 200 and b"--" in css and "max-age" in headers.get("Cache-Control", "")
        health = get(base + "/healthz")
        assert health[0] == 200 and json.loads(health[2])["status"] == "ok"
        # An edit made by another process shows within the page cache's generation delay.
        rename = (f"from demain.issues.models import Issue; i = Issue.objects.get(number={DEMO_NUMBER}); "
                  "i.title = 'Titre changé ailleurs'; i.save()")
        subprocess.run([DEMAIN, "shell", "-c", rename], env=env, check=True, capture_output=True)
        deadline = time.monotonic() + 5
        while "Titre changé ailleurs" not in get(base + current)[2].decode():
            assert time.monotonic() < deadline, "the edit never showed"
            time.sleep(0.2)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    lines = [json.loads(line) for line in errors.decode().splitlines() if line.startswith("{")]
    pages = [line for line in lines if line.get("path") == f"/numeros/{DEMO_NUMBER}/"]
    assert pages[0]["cache"] == "miss" and any(line["cache"] == "hit" for line in pages)
    assert all(line["status"] == 200 and line["bytes"] > 1000 for line in pages)


def test_it_answers_503_when_the_database_is_down(tmp_path):
    port, nowhere = free_port(), free_port()  # nothing listens on the second port
    env = environment(tmp_path, f"postgres://demain@127.0.0.1:{nowhere}/demain", port)
    server = subprocess.Popen([DEMAIN, "serve", "--no-collectstatic", "--workers", "1"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        status, _, body = get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert status == 503
    answer = json.loads(body)
    assert answer["status"] == "fail" and answer["checks"]["database"]["ok"] is False
    assert answer["checks"]["database"]["error"]


def test_it_refuses_a_bad_bind_address():
    result = subprocess.run([DEMAIN, "serve", "--bind", "nowhere"], capture_output=True, text=True)
    assert result.returncode != 0 and "--bind" in result.stderr
