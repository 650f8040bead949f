"""`demain check --deploy` with the README's production environment: no warning at all."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import ROOT


def production_environment() -> dict[str, str]:
    """The KEY=VALUE lines of the README's « # production environment » block."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```sh\n# production environment\n(.*?)```", readme, re.DOTALL)
    assert block, "README has no « # production environment » block"
    return dict(line.split("=", 1) for line in block.group(1).splitlines() if "=" in line)


def check_deploy(tmp_path, extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() 
           if key not in {"DEBUG", "SECRET_KEY", "DEMO_ADDR", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update({"VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", **extra})
    command = [sys.executable, "-m", "demain.cli", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_it_passes_check_deploy_with_the_documented_production_settings(tmp_path):
    production = production_environment()
    assert production["SECURE"] == "true" and production["TRUSTED_PROXIES"]
    result = check_deploy(tmp_path, production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_it_only_asks_for_preload_when_hsts_preload_is_dropped(tmp_path):
    production = {**production_environment(), "HSTS_PRELOAD": "false"}
    result = check_deploy(tmp_path, production)
    warnings = re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr)
    assert result.returncode != 0 and warnings == ["security.W021"]


def test_it_warns_without_them(tmp_path):
    result = check_deploy(tmp_path, {"ALLOWED_HOSTS": "demain.example"})
    assert result.returncode != 0
    for warning in ["security.W004", "security.W008", "security.W012", "security.W016"]:
        assert warning in result.stderr + result.stdout


def test_it_refuses_secure_with_an_http_site_url(tmp_path):
    result = check_deploy(tmp_path, {"SECURE": "true", "SITE_URL": "http://demain.example"})
    assert result.returncode != 0
    assert "SECURE: SITE_URL must start with https://" in result.stderr
