"""Sources on disk: a directory of .txt and .html files, each one source named by its file."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Source

__all__ = ["SUFFIXES", "SourceError", "read_sources"]

SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 5_000_000
_URL_LINE = re.compile(r"\A\s*(?:URL|Source)\s*:\s*(https?://\S+)\s*\n", re.IGNORECASE)


class SourceError(ValueError):
    """A source that cannot be read; the message names the file."""


def read_sources(directory: Path | str) -> list[Source]:
    """One Source per .txt/.html file of ``directory`` (not recursive), sorted by name.
    A .txt file may start with a line « URL: https://… ». HTML goes through
    demain.lib.extract (main text, title, canonical link)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SourceError(f"{directory}: no such directory")
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise SourceError(f"{directory}: no .txt or .html source in it")
    return [read_source(path) for path in files]


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read it ({error.strerror or error})") from error
    if len(data) > MAX_BYTES:
        raise SourceError(f"{path}: larger than {MAX_BYTES} bytes")
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: binary content, not text")
    if path.suffix.lower() == ".txt":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        url = ""
        match = _URL_LINE.match(text)
        if match:
            url, text = match.group(1), text[match.end():]
        if not text.strip():
            raise SourceError(f"{path}: empty")
        return Source(path.name, text, url=url)
    from demain.lib.extract import ExtractionError, extract

    try:
        page = extract(data)
    except ExtractionError as error:
        raise SourceError(f"{path}: {error}") from error
    text = "\n\n".join(part for part in (page.title, page.text) if part)
    if not text.strip():
        raise SourceError(f"{path}: no text found in the page")
    return Source(path.name, text, lang=page.language if page.language in ("fr", "en") else None)
