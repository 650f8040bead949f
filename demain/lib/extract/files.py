"""Pages on disk: which files a path names, and their bytes (gzip opened with a size cap)."""

from __future__ import annotations

import zlib
from pathlib import Path

from demain.lib.extract.core import DEFAULT_MAX_BYTES, ExtractionError

SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def page_files(path: Path) -> list[Path]:
    """The path itself if it is a file, else the HTML pages under it, sorted."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"no such file or directory: {path}")
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))


def read_page(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped when it ends in .gz, never more than max_bytes."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractionError(f"cannot read the file: {error.strerror or error}") from error
    if not path.name.lower().endswith(".gz"):
        return data
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        page = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise ExtractionError(f"not valid gzip data: {error}") from error
    if len(page) > max_bytes:
        raise ExtractionError(f"page too large once decompressed: over the {max_bytes}-byte limit")
    if not inflater.eof:
        raise ExtractionError("truncated gzip data")
    return page
