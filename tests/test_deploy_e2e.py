"""The deployed configuration, for real, on loopback: nginx (deploy/nginx/demain.conf, TLS with a
self-signed certificate) in front of `demain serve`, `demain db_worker` and `demain worker`, each
started from its systemd unit's ExecStart with the environment of deploy/demain.env.example —
values for loopback substituted: a scratch PostgreSQL database, an SMTP sink (aiosmtpd), ports.
Through HTTPS: a sign-up, its confirmation from the emailed link, a send, the newsletter arriving,
and the RFC 8058 one-click unsubscribe."""

from __future__ import annotations

import email
import email.policy
import http.cookiejar
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from html import unescape
from pathlib import Path

import pytest

from demain.lib.smtpsink import Sink, free_port
from demain.site.management.commands.demo import DEMO_NUMBER
from tests.conftest import ROOT
from tests.ops_helpers import DEMAIN, scratch
from tests.test_deploy_files import INSTALL_DIR, UNITS, VAR_DIR, env_template, nginx_site, unit_commands

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (scripts/system-deps)")]
READER = "lectrice.deploy@exemple.fr"
TLS = ssl.create_default_context()
TLS.check_hostname, TLS.verify_mode = False, ssl.CERT_NONE  # the test's own self-signed certificate


def production_env(db, tmp: Path, site: str, serve_port: int, smtp_port: int) -> dict[str, str]:
    """The template as an operator fills it, with loopback values where it needs real ones."""
    env = env_template()
    assert "CHANGE-ME" in env["SECRET_KEY"], "the template ships no real secret"
    env.update({
        "SITE_URL": site, "ALLOWED_HOSTS": "127.0.0.1", "SECRET_KEY": "deploy-test-" + "x" * 40,
        "DATABASE_URL": db.url, "VAR_DIR": str(tmp / "var"), "SERVE_BIND": f"127.0.0.1:{serve_port}",
        "PUBLISH_STATIC_DIR": env.get("PUBLISH_STATIC_DIR", "").replace(VAR_DIR, str(tmp / "var")),
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "EMAIL_USE_TLS": "false",
        "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": "",
        "DEFAULT_FROM_EMAIL": "Le monde de demAIn <lettre@demain.example>", "EDITOR_EMAIL": "redaction@demain.example",
        "LIST_ID": "Le monde de demAIn <lettre.demain.example>", "POSTAL_ADDRESS": "1 rue du Test, 75000 Paris",
    })
    assert not [key for key, value in env.items() if "CHANGE-ME" in value], "every placeholder replaced"
    return {"PATH": os.environ["PATH"], "HOME": str(tmp), "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1", **env}


def start(unit: str, env: dict[str, str], tmp: Path) -> subprocess.Popen:
    command = [DEMAIN, *unit_commands()[unit]]
    log = (tmp / f"{unit}.log").open("w")
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def opener_with_cookies():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                       urllib.request.HTTPSHandler(context=TLS))


def fetch(opener, url: str, data: dict | bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def wait_until(predicate, what: str, timeout: float = 90, every: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def mail_to(sink: Sink, address: str, subject_part: str):
    for raw in list(sink.handler.messages):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        if address in str(message["To"]) and subject_part.lower() in str(message["Subject"]).lower():
            return message
    return None


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def hidden_fields(html: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in
            re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html)}


def subscriber_status(db) -> str:
    import psycopg

    with psycopg.connect(db.url.replace("postgres://", "postgresql://")) as connection:
        row = connection.execute("SELECT status FROM audience_subscriber WHERE email = %s", [READER]).fetchone()
    return row[0] if row else ""


def test_it_signs_up_confirms_sends_and_unsubscribes_on_the_deployed_configuration(tmp_path):
    serve_port, smtp = free_port(), None
    main = nginx_site(tmp_path)
    conf_text = main.read_text().replace("127.0.0.1:8000", f"127.0.0.1:{serve_port}")
    if os.geteuid() == 0:
        conf_text = "user root;\n" + conf_text  # the workers must read this test's private temp dir
    main.write_text(conf_text)
    tls_port = re.search(r"listen 127\.0\.0\.1:(\d+) ssl", conf_text)[1]
    site = f"https://127.0.0.1:{tls_port}"
    processes: list[subprocess.Popen] = []
    with scratch("postgresql", tmp_path) as db, Sink(keep=True) as smtp:
        env = production_env(db, tmp_path, site, serve_port, smtp.port)
        for step in (["migrate", "--noinput", "-v0"], ["demo"]):
            done = subprocess.run([DEMAIN, *step], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr
        try:
            for unit in ("demain-web.service", "demain-db-worker.service", "demain-worker@.service"):
                processes.append(start(unit, env, tmp_path))
            processes.append(subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(main), "-g", "daemon off;"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            browser = opener_with_cookies()

            def healthy():
                try:
                    return fetch(browser, f"{site}/healthz")[0] == 200
                except (urllib.error.URLError, ConnectionError):
                    return False

            wait_until(healthy, "/healthz 200 through nginx", timeout=120)
            status, page = fetch(browser, f"{site}/numeros/{DEMO_NUMBER}/")
            assert status == 200 and f"N° {DEMO_NUMBER}" in unescape(page).replace("\u202f", " ").replace("\xa0", " ")
            css = re.search(r'href="(/static/[^"]+\.css)"', page)[1]
            assert fetch(browser, site + css)[0] == 200

            # Sign-up: the form as a person fills it, after the minimum fill time.
            status, form = fetch(browser, f"{site}/inscription/")
            assert status == 200
            fields = hidden_fields(form)
            assert {"csrfmiddlewaretoken", "started"} <= set(fields) and fields.get("website", "") == ""
            time.sleep(int(env.get("FORM_MIN_SECONDS", "3")) + 0.5)
            status, sent = fetch(browser, f"{site}/inscription/",
                                 {**fields, "email": READER, "consent": "on", "website": ""},
                                 headers={"Referer": f"{site}/inscription/"})
            assert status == 200, sent
            assert subscriber_status(db) == "pending"

            confirmation = wait_until(lambda: mail_to(smtp, READER, "confirm"), "the confirmation email")
            link = re.search(rf"{re.escape(site)}/inscription/confirmer/[^\s>\"]+", text_of(confirmation))[0]
            status, landing = fetch(opener_with_cookies(), link)  # as the reader's mail client opens it
            assert status == 200 and subscriber_status(db) == "pending", "a GET alone confirms nothing"
            status, confirmed = fetch(browser, link, hidden_fields(landing) or {"confirm": "1"},
                                      headers={"Referer": link})
            assert status == 200 and subscriber_status(db) == "confirmed", confirmed[:500]

            # The editor sends the current demo issue; `demain worker` delivers it through SMTP.
            done = subprocess.run([DEMAIN, "send", str(DEMO_NUMBER), "--yes", "--json"], env=env, cwd=ROOT, capture_output=True,
                                  text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout)["queued"] >= 1
            newsletter = wait_until(lambda: mail_to(smtp, READER, f"N° {DEMO_NUMBER}"), "the newsletter at the sink")
            assert f"{site}/numeros/{DEMO_NUMBER}/" in text_of(newsletter)
            assert newsletter["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            one_click = re.search(r"<(https://[^>]+)>", str(newsletter["List-Unsubscribe"]))[1]
            assert one_click.startswith(site)

            # RFC 8058: the mail client POSTs, without cookies or CSRF token.
            status, answer = fetch(opener_with_cookies(), one_click, b"List-Unsubscribe=One-Click",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert status == 200, answer
            assert subscriber_status(db) == "unsubscribed"

            report = subprocess.run([DEMAIN, "status", "--json"], env=env, cwd=ROOT, capture_output=True, text=True,
                                    timeout=120)
            health = json.loads(report.stdout)
            assert report.returncode == 0 and health["healthy"], health["problems"]
            assert len(health["delivery_workers"]) == 1 and health["tasks"]["last_finished_at"]
        finally:
            for process in processes:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM) if process.args[0] == DEMAIN else process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL) if process.args[0] == DEMAIN else process.kill()
                    process.wait()
        logs = {unit: (tmp_path / f"{unit}.log").read_text() for unit in
                ("demain-web.service", "demain-db-worker.service", "demain-worker@.service")}
        for unit, log in logs.items():
            assert "Traceback" not in log, f"{unit}:\n{log[-3000:]}"
