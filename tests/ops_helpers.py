"""Scratch databases and `demain` subprocesses for the operations tests (backup, deployment).

These tests run `demain` as a server would: in other processes, against a database of their own
(a SQLite file in a temporary directory, or a database created on the PostgreSQL cluster of
DEMAIN_TEST_POSTGRES_URL), never the one pytest-django manages.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import ROOT

DEMAIN = str(ROOT / ".venv" / "bin" / "demain")


def postgres_server_url() -> str | None:
    """The test PostgreSQL server: DEMAIN_TEST_POSTGRES_URL (scripts/test), or DATABASE_URL when it is one."""
    for name in ("DEMAIN_TEST_POSTGRES_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return None


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_sql(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


class Scratch:
    """One throwaway database plus VAR_DIR, and `demain` run against them."""

    def __init__(self, kind: str, tmp: Path):
        self.kind, self.tmp = kind, tmp
        self.var = tmp / "var"
        if kind == "sqlite":
            self.path = tmp / "scratch.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            server = postgres_server_url()
            if server is None:
                pytest.skip("no PostgreSQL server: set DEMAIN_TEST_POSTGRES_URL (scripts/test does)")
            self.server = server
            self.name = f"demain_scratch_{uuid.uuid4().hex[:10]}"
            self.url = with_database(server, self.name)

    def create(self) -> None:
        if self.kind == "postgresql":
            admin_sql(self.server, f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        if self.kind == "postgresql":
            admin_sql(self.server, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(urlsplit(self.url).path + suffix).unlink(missing_ok=True)

    def env(self, **extra) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if key not in {"SECRET_KEY", "SITE_URL", "ALLOWED_HOSTS", "DEMO_ADDR"}}
        env.update(DATABASE_URL=self.url, VAR_DIR=str(self.var), PYTHONUNBUFFERED="1")
        env.update({key: str(value) for key, value in extra.items()})
        return env

    def run(self, *args: str, check: bool = True, timeout: float = 180, **extra) -> subprocess.CompletedProcess:
        done = subprocess.run([DEMAIN, *args], env=self.env(**extra), capture_output=True, text=True,
                              timeout=timeout, cwd=self.tmp)
        if check and done.returncode != 0:
            raise AssertionError(f"demain {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done


@contextmanager
def scratch(kind: str, tmp: Path):
    database = Scratch(kind, tmp)
    database.create()
    try:
        yield database
    finally:
        database.drop()
