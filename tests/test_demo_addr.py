"""`make demo DEMO_ADDR=…`: every link the demo prints, serves and emails follows the address it serves on."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from demain import conf
from demain.site.management.commands.demo import DEMO_NUMBER
from tests.conftest import ROOT


def test_it_builds_site_url_and_allowed_hosts_from_demo_addr():
    assert conf.load({"DEMO_ADDR": "127.0.0.1:8200"})["SITE_URL"] == "http://127.0.0.1:8200"
    assert conf.load({"DEMO_ADDR": "8200"})["SITE_URL"] == "http://127.0.0.1:8200"
    assert conf.load({"DEMO_ADDR": "0.0.0.0:8300"})["SITE_URL"] == "http://127.0.0.1:8300"
    lan = conf.load({"DEMO_ADDR": "192.168.1.20:8200"})
    assert lan["SITE_URL"] == "http://192.168.1.20:8200" and "192.168.1.20" in lan["ALLOWED_HOSTS"]
    assert conf.load({"DEMO_ADDR": "127.0.0.1:8200", "SITE_URL": "https://demain.example"})["SITE_URL"] == \
        "https://demain.example"
    assert conf.load({})["SITE_URL"] == "http://127.0.0.1:8000"


@pytest.mark.parametrize("value", ["127.0.0.1:", "localhost:port", "127.0.0.1:99999"])
def test_it_refuses_a_bad_demo_addr_naming_it(value):
    with pytest.raises(conf.SettingError, match="DEMO_ADDR"):
        conf.load({"DEMO_ADDR": value})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_line(process: subprocess.Popen, pattern: str, timeout: float = 120) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if re.search(pattern, line):
            return lines
    raise AssertionError(f"scripts/demo never printed {pattern!r}:\n{''.join(lines)}")


def get(opener, url: str) -> str:
    # scripts/demo ingests the sample corpus before it serves: minutes on a loaded 2-core machine.
    deadline = time.monotonic() + 300
    while True:
        try:
            with opener.open(url, timeout=10) as response:
                return response.read().decode()
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def outbox(db: str, like: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(
            "SELECT raw FROM delivery_outboxmessage WHERE subject LIKE ?", (like,))]


def wait_for_mail(db: str, like: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = outbox(db, like)
        if found:
            return found[0].replace("=\r\n", "").replace("=\n", "")
        time.sleep(0.3)
    raise AssertionError(f"no email {like!r} in the outbox")


def test_it_runs_the_demo_on_another_port_with_every_link_on_it(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    db = str(tmp_path / "demo.sqlite3")
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "ALLOWED_HOSTS", "DEMO_ADDR"}}
    env.update(DATABASE_URL=f"sqlite:///{db}", VAR_DIR=str(tmp_path), FORM_MIN_SECONDS="0", EMAIL_BACKEND="outbox",
               DELIVERY_POLL_SECONDS="0.2", PYTHONUNBUFFERED="1",
               SAMPLE_PORT=str(free_port()))  # not the default 8001: a `make demo` or another run may hold it
    demo = subprocess.Popen([str(ROOT / "scripts" / "demo"), f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        printed = "".join(wait_for_line(demo, r"Administration\s+http"))
        current = f"{base}/numeros/{DEMO_NUMBER}/"  # the current demo issue, after the archive
        assert f"{base}/flux/rss/" in printed and current in printed
        assert ":8000" not in printed
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        assert f"Sitemap: {base}/sitemap.xml" in get(opener, f"{base}/robots.txt")
        sitemap = get(opener, f"{base}/sitemap.xml")
        assert f"<loc>{current}</loc>" in sitemap and f"<loc>{base}/numeros/1/</loc>" in sitemap
        assert ":8000" not in sitemap
        rss = get(opener, f"{base}/flux/rss/")
        assert f"<link>{current}</link>" in rss and ":8000" not in rss
        assert f'<link rel="canonical" href="{current}">' in get(opener, current)

        form = get(opener, f"{base}/inscription/")
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]*)"', form))
        fields.update(email="lectrice@example.org", consent="on")
        opener.open(urllib.request.Request(f"{base}/inscription/", data=urllib.parse.urlencode(fields).encode(),
                                           headers={"Referer": f"{base}/inscription/"}), timeout=10).read()
        confirmation = wait_for_mail(db, "%onfirm%")
        assert f"{base}/" in confirmation and ":8000" not in confirmation

        # A confirmed reader gets the newsletter from the demo's own sender, links on the same port.
        confirm = subprocess.run(
            [str(ROOT / ".venv/bin/demain"), "shell", "-c",
             "from demain.audience.models import Subscriber; "
             "Subscriber.objects.filter(email='lectrice@example.org').update(status='confirmed')"],
            env={**env, "DEMO_ADDR": f"127.0.0.1:{port}"}, capture_output=True, text=True, timeout=120)
        assert confirm.returncode == 0, confirm.stderr
        # Typed in another terminal, with nothing exported: it follows the address the demo recorded.
        sent = subprocess.run([str(ROOT / ".venv/bin/demain"), "send", str(DEMO_NUMBER), "--yes", "--json"],
                              env=env, capture_output=True, text=True, timeout=120)
        assert sent.returncode == 0, sent.stderr
        newsletter = wait_for_mail(db, f"%n° {DEMO_NUMBER}%")
        assert current in newsletter
        assert f"List-Unsubscribe: <{base}/" in newsletter
        assert ":8000" not in newsletter
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(timeout=30)


def test_it_lets_a_command_typed_beside_the_demo_follow_its_address(tmp_path):
    from demain.cli import remember_demo_address

    (tmp_path / "demo-addr").write_text("127.0.0.1:8200\n")
    environ = {"VAR_DIR": str(tmp_path)}
    remember_demo_address(environ)
    assert environ["DEMO_ADDR"] == "127.0.0.1:8200"
    explicit = {"VAR_DIR": str(tmp_path), "SITE_URL": "https://lettre.example"}
    remember_demo_address(explicit)
    assert "DEMO_ADDR" not in explicit  # a configured SITE_URL always wins
    (tmp_path / "demo-addr").unlink()
    nothing = {"VAR_DIR": str(tmp_path)}
    remember_demo_address(nothing)
    assert "DEMO_ADDR" not in nothing
