"""Article extraction: main text, title, author, date and language of one HTML page.

Pure code (no Django). `extract()` is the one entry point; it raises `ExtractionError`
with a clear message on input it refuses (binary, empty, giant, unparseable).
"""

from __future__ import annotations

from demain.lib.extract.core import DEFAULT_MAX_BYTES, Extraction, ExtractionError, extract

__all__ = ["DEFAULT_MAX_BYTES", "Extraction", "ExtractionError", "extract"]
