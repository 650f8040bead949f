"""Shared fixtures. Seeds are read from ../shared/seeds/, never copied here."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_issue_path() -> Path:
    path = SHARED / "seeds" / "000_186302cdc7413e06.txt"
    assert path.exists(), f"seed missing: {path} (shared/ must sit beside the clone)"
    return path


@pytest.fixture
def seed_talk_path() -> Path:
    path = SHARED / "seeds" / "002_4977fdf965c4c814.txt"
    assert path.exists(), f"seed missing: {path}"
    return path
