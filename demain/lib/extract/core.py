"""The extraction entry point, its result and its refusals."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from trafilatura.utils import decode_file

from demain.lib.extract.language import detect_language
from demain.lib.extract.main_text import main_text
from demain.lib.extract.metric import WORD

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Real pages nest a few dozen elements deep (at most 290 on the 181 benchmark pages);
# thousands of levels make the C++ and Python tree walkers crawl or crash.
MAX_DEPTH = 2000
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>")
# Elements that never nest (void) or whose end tag is optional: they do not count as depth.
FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen command basefont frame "
    "image isindex p li dt dd tr td th option optgroup tbody thead tfoot colgroup caption rb rt rtc rp "
    "html head body".split()
)
MARKUP = re.compile(r"<\s*[a-zA-Z!?/]")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Byte-order marks, longest first (UTF-32's starts like UTF-16's); UTF-16 and 32 text holds NUL bytes.
UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)
# Signatures of common binary formats a server may send where HTML was expected.
BINARY_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data (decompress it first)"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00", "binary data"),
)


class ExtractionError(ValueError):
    """The page cannot be extracted; the message says why."""


@dataclass(frozen=True)
class Extraction:
    title: str | None
    text: str
    author: str | None
    date: str | None  # ISO date, YYYY-MM-DD
    language: str | None  # ISO 639-1


def extract(html: bytes | str, url: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Extract the article of one page, or raise ExtractionError saying why not."""
    page = decode(html, max_bytes)
    try:
        document = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
        metadata = {"title": document.title, "author": document.author, "date": document.date} if document else {}
        text = main_text(page, (document.text if document else "") or "")
        language = detect_language(page, text)
    except Exception as error:  # the parsers raise many kinds on broken input; one page never stops a batch
        raise ExtractionError(f"unparseable HTML ({type(error).__name__}: {error})") from error
    title = clean(metadata.get("title"))
    text = without_headline(text.strip(), title)
    if not text:
        raise ExtractionError("no article text found in the page")
    return Extraction(
        title=title,
        text=text,
        author=clean(metadata.get("author")),
        date=publication_date(page, url, metadata.get("date")),
        language=language,
    )


def decode(html: bytes | str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The page as text, refusing giant, empty, binary and markup-less input."""
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ExtractionError(f"page too large: {size} bytes, over the {max_bytes}-byte limit")
    if isinstance(html, bytes):
        html = decode_bytes(html)
    if "\x00" in html[:4096]:
        raise ExtractionError("binary content, not HTML (NUL characters)")
    if not html.strip():
        raise ExtractionError("empty page")
    if not MARKUP.search(html[:65536]):
        raise ExtractionError("not HTML: no markup in the first 64 KiB")
    depth = nesting_depth(html, MAX_DEPTH)
    if depth > MAX_DEPTH:
        raise ExtractionError(f"HTML nested too deeply: over {MAX_DEPTH} levels")
    return html


def nesting_depth(html: str, stop: int) -> int:
    """How deep the page's elements nest, counted on its tags; stops counting past `stop`."""
    depth = deepest = 0
    for match in TAG.finditer(html):
        closing, name = match.groups()
        if name.lower() in FLAT or match.group(0).endswith("/>"):
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                break
    return deepest


def decode_bytes(data: bytes) -> str:
    """Text from bytes: by their byte-order mark, else as trafilatura guesses (UTF-8 first)."""
    for bom, codec in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise ExtractionError(f"invalid {codec} text after its byte-order mark: {error}") from error
    check_not_binary(data)
    return decode_file(data)


def check_not_binary(data: bytes) -> None:
    head = data[:4096]
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"binary content, not HTML ({kind})")
    if b"\x00" in head:
        raise ExtractionError("binary content, not HTML (NUL bytes)")
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.1:
        raise ExtractionError("binary content, not HTML (control bytes)")


def without_headline(text: str, title: str | None) -> str:
    """The text without its first line when that line only repeats the title.

    The title may carry the site's name before or after the headline
    (« Headline - Site », « Site | Headline »): a first line of three words or more
    that starts or ends the title counts as a repeat.
    """
    first, _, rest = text.partition("\n")
    line, heading = words(first), words(title or "")
    if not rest.strip() or not line:
        return text
    if line == heading or (len(line) >= 3 and line in (heading[: len(line)], heading[-len(line) :])):
        return rest.strip()
    return text


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def publication_date(page: str, url: str | None, found: str | None) -> str | None:
    """trafilatura's date (htmldate, extensive search), unless it is only a copyright year.

    With nothing better, htmldate's extensive search falls back on « © 2026 » and
    answers 2026-01-01. A 1 January that the page's markup and URL do not confirm
    is taken for that fallback, and dropped: no date is better than a wrong one.
    """
    found = (found or "")[:10]
    if not ISO_DATE.match(found):
        return None
    if found.endswith("-01-01"):
        try:
            confirmed = find_date(page, url=url, original_date=True, extensive_search=False)
        except Exception:  # htmldate on broken markup: the date stays unconfirmed
            confirmed = None
        if confirmed != found:
            return None
    return found
