"""The deployment files are valid as far as this machine can tell: the systemd units pass
`systemd-analyze verify`, the nginx site passes `nginx -t` (with a self-signed certificate made here),
compose.yaml and the Dockerfile have the expected structure (docker cannot run here), and the
environment template names only settings that exist."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import get_commands

from demain import conf
from demain.lib.smtpsink import free_port
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
INSTALL_DIR, ENV_FILE, VAR_DIR = "/srv/demain", "/etc/demain/demain.env", "/var/lib/demain"
# Commands of apps being built on other branches: checked once their app is installed.
LATER = {"ingest": "demain.sources"}


def env_template() -> dict[str, str]:
    values = {}
    for number, line in enumerate((DEPLOY / "demain.env.example").read_text().splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"""([A-Z][A-Z0-9_]*)=("[^"$`\\]*"|[^\s"'$`\\]*)""", line)
            assert match, f"demain.env.example:{number}: not a KEY=value or KEY=\"value\" line: {line!r}"
            values[match[1]] = match[2].strip('"')
    return values


def unit_commands() -> dict[str, list[str]]:
    """Each unit's `demain` command line, from its ExecStart."""
    found = {}
    for unit in sorted(UNITS.glob("*.service")):
        exec_start = re.search(r"^ExecStart=(.*)$", unit.read_text(), re.MULTILINE)[1].split()
        assert exec_start[0] == f"{INSTALL_DIR}/.venv/bin/demain", unit.name
        found[unit.name] = exec_start[1:]
    return found


def test_it_reads_the_env_template_as_sh_does(tmp_path):
    """What `set -a; . demain.env` gives a shell is what systemd and the tests read."""
    shell = subprocess.run(["sh", "-c", f'set -a; . "{DEPLOY / "demain.env.example"}"; env -0'],
                           env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=30, check=True)
    seen = dict(item.split("=", 1) for item in shell.stdout.split("\0") if "=" in item)
    for key, value in env_template().items():
        assert seen[key] == value, key


def test_it_names_only_declared_settings_in_the_env_template():
    declared = {setting.name for setting in conf.SETTINGS}
    template = env_template()
    assert set(template) - declared == set(), "the template names settings demain does not read"
    for name in ("DATABASE_URL", "SECRET_KEY", "SITE_URL", "ALLOWED_HOSTS", "EMAIL_BACKEND", "EMAIL_HOST",
                 "SERVE_BIND", "SERVE_WORKERS", "TRUSTED_PROXIES", "SECURE"):
        assert name in template, f"the production template must set {name}"
    filled = {key: value.replace("CHANGE-ME", "x") for key, value in template.items()}
    assert conf.load(filled)["EMAIL_BACKEND"] == "smtp", "the template's values parse"


def test_it_has_a_unit_for_the_server_the_workers_and_timers_for_ingestion_bounces_and_backups():
    commands = unit_commands()
    assert commands["demain-web.service"][0] == "serve"
    assert commands["demain-db-worker.service"] == ["db_worker"]
    assert commands["demain-worker@.service"] == ["worker"]
    assert commands["demain-ingest.service"][0] == "ingest"
    assert commands["demain-bounces.service"] == ["bounces", "fetch"]
    assert commands["demain-backup.service"] == ["backup"]
    for name in ("demain-ingest", "demain-bounces", "demain-backup"):
        timer = (UNITS / f"{name}.timer").read_text()
        assert "OnCalendar=" in timer and "WantedBy=timers.target" in timer
        assert "Type=oneshot" in (UNITS / f"{name}.service").read_text()
    known = get_commands()
    for unit, command in commands.items():
        if command[0] in LATER and not apps.is_installed(LATER[command[0]]):
            continue
        assert command[0] in known, f"{unit} runs `demain {command[0]}`, which does not exist"
    for unit in UNITS.glob("*.service"):
        text = unit.read_text()
        assert f"EnvironmentFile={ENV_FILE}" in text and "User=demain" in text, unit.name


def localised(text: str, tmp: Path) -> str:
    return (text.replace(f"{INSTALL_DIR}/.venv/bin/demain", str(ROOT / ".venv" / "bin" / "demain"))
            .replace(ENV_FILE, str(tmp / "demain.env")).replace(INSTALL_DIR, str(ROOT)))


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_it_passes_systemd_analyze_verify(tmp_path):
    (tmp_path / "demain.env").write_text("")
    for unit in UNITS.iterdir():
        (tmp_path / unit.name).write_text(localised(unit.read_text(), tmp_path))
    shutil.copy(tmp_path / "demain-worker@.service", tmp_path / "demain-worker@1.service")
    units = sorted(str(p) for p in tmp_path.glob("demain-*") if "@." not in p.name)
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", *units], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def nginx_site(tmp: Path) -> Path:
    """The site configuration with its placeholders made real on loopback: ports, a self-signed
    certificate, this checkout and a temporary VAR_DIR."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=demain.example", "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
                   check=True, capture_output=True, timeout=60)
    site = (DEPLOY / "nginx" / "demain.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/demain.example/fullchain.pem", str(tmp / "cert.pem"))
    site = site.replace("/etc/letsencrypt/live/demain.example/privkey.pem", str(tmp / "key.pem"))
    site = site.replace(f"{INSTALL_DIR}/", f"{ROOT}/").replace(VAR_DIR, str(tmp / "var"))
    site = re.sub(r"listen 80;", f"listen 127.0.0.1:{free_port()};", site)
    site = re.sub(r"listen 443 ssl", f"listen 127.0.0.1:{free_port()} ssl", site)
    site = re.sub(r"\s*listen \[::\]:\d+( ssl)?( http2)?;", "", site)
    assert "demain.example/" not in site
    main = tmp / "nginx.conf"
    main.write_text(f"""pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    {site}
}}
""")
    return main


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (scripts/system-deps installs it)")
def test_it_passes_nginx_t_with_a_self_signed_certificate(tmp_path):
    main = nginx_site(tmp_path)
    text = (DEPLOY / "nginx" / "demain.conf").read_text()
    assert "include /srv/demain/deploy/nginx-cached-pages.conf;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "alias /var/lib/demain/static/;" in text
    done = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "test is successful" in done.stderr


def test_it_describes_web_workers_and_postgresql_15_in_compose():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"] == "postgres:15"
    assert "pgdata" in compose["volumes"] and any("pgdata:" in v for v in services["db"]["volumes"])
    commands = {name: service.get("command") for name, service in services.items()}
    assert commands["web"][:2] == ["demain", "serve"]
    assert commands["db_worker"] == ["demain", "db_worker"]
    assert commands["worker"] == ["demain", "worker"]
    assert commands["migrate"] == ["demain", "migrate", "--noinput"]
    for name in ("web", "db_worker", "worker"):
        service = services[name]
        assert service["build"] == "." and service["env_file"] == "demain.env"
        assert service["environment"]["DATABASE_URL"].startswith("postgres://demain:")
        assert "@db:5432/demain" in service["environment"]["DATABASE_URL"]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert any(v.startswith("private:/var/lib/demain/private") for v in service["volumes"])
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]
    declared = {setting.name for setting in conf.SETTINGS}
    assert set(services["web"]["environment"]) <= declared


def test_it_builds_a_non_root_image_from_python_3_11_slim_with_collected_static_files():
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert lines[0] == "FROM python:3.11-slim"
    user = [n for n, line in enumerate(lines) if line.startswith("USER ")]
    assert user and lines[user[-1]] == "USER demain"
    assert any("collectstatic" in line for line in lines[:user[-1]]), "static files collected at build time"
    cmd = [line for line in lines if line.startswith("CMD ")]
    assert cmd[-1] == 'CMD ["demain", "serve", "--no-collectstatic"]'
    assert lines.index(cmd[-1]) > user[-1]
