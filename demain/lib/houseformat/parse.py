"""Read an issue in the house format.

Layout, block by block (blocks are separated by blank lines):

1. optional masthead « Le monde / de demAIn »;
2. optional metadata line « N° 12 — 22 novembre 2026 » (or « N° 12 », or a date);
3. the untitled editorial: paragraphs, the last one (if short) being the punchline;
4. articles: a title (one short line, no final period), fact paragraphs, an
   optional turn (from the paragraph starting with « Sauf que » up to the
   subheading), « Enjeux et perspectives », analysis paragraphs, the closing
   line (last paragraph), then « Source » / « Sources » (see sources.py);
5. optional « App sous le radar : NOM », intro paragraphs, « Le bon : … »,
   « Le moins bon : … », « Le verdict : … », and its « Source ».

The first article's title is the first title-like block of the issue; after
each source list the next block must be a title. Whatever follows the last
source list and is not an article (no « Enjeux et perspectives »), or follows
the app review's source, is returned in ``skipped`` with its line number.
"""

from __future__ import annotations

from .blocks import Block, read_blocks
from .dates import parse_date
from .markers import ANALYSIS, APP, META, TURN, app_part, is_masthead, is_title
from .model import HouseFormatError, ParsedAppReview, ParsedArticle, ParsedIssue
from .sources import is_bullet_list, is_sources_heading, parse_sources

Segment = tuple[list[Block], list[Block]]  # content blocks, source blocks
PUNCHLINE_MAX_CHARS = 300  # a longer last paragraph is not a punchline: it stays in the editorial


def parse(text: str) -> ParsedIssue:
    blocks = read_blocks(text)
    if not blocks:
        raise HouseFormatError(1, "le texte est vide : aucun numéro à lire")
    issue = ParsedIssue()
    start = read_header(blocks, issue)
    app_at = next((i for i in range(start, len(blocks)) if APP.match(blocks[i].lines[0])), len(blocks))
    read_articles(blocks[start:app_at], issue, blocks[start].line if start < len(blocks) else 1)
    if app_at < len(blocks):
        issue.app_review, rest = read_app_review(blocks[app_at:])
        issue.skipped += [(block.line, block.raw) for block in rest]
    return issue


def read_header(blocks: list[Block], issue: ParsedIssue) -> int:
    """Skip the masthead, read the metadata line; return the index of the editorial."""
    index = 1 if is_masthead(blocks[0]) else 0
    if index < len(blocks) and len(blocks[index].lines) == 1:
        line = blocks[index].lines[0]
        match = META.match(line)
        if match:
            issue.number = int(match.group(1))
            issue.date = match.group(2) and read_date(match.group(2), blocks[index].line)
            return index + 1
        if parse_date(line):
            issue.date = parse_date(line)
            return index + 1
    return index


def read_date(text: str, line: int):
    date = parse_date(text)
    if date is None:
        raise HouseFormatError(line, f"date illisible « {text} » (attendu : « 22 novembre 2026 » ou « 2026-11-22 »)")
    return date


def split_on_sources(blocks: list[Block]) -> list[Segment]:
    segments: list[Segment] = []
    content: list[Block] = []
    i = 0
    while i < len(blocks):
        if not is_sources_heading(blocks[i]):
            content.append(blocks[i])
            i += 1
            continue
        end = i + 1
        while end < len(blocks) and is_bullet_list(blocks[end]):
            end += 1
        segments.append((content, blocks[i:end]))
        content, i = [], end
    segments.append((content, []))
    return segments


def read_articles(blocks: list[Block], issue: ParsedIssue, first_line: int) -> None:
    segments = split_on_sources(blocks)
    trailing, _ = segments.pop()
    if trailing and any(ANALYSIS.match(block.lines[0]) for block in trailing):
        segments.append((trailing, []))
    else:
        issue.skipped += [(block.line, block.raw) for block in trailing]
    if not segments:
        raise HouseFormatError(first_line, "aucun article : ni « Enjeux et perspectives » ni « Source » trouvés")
    for number, (content, sources) in enumerate(segments):
        if number == 0:
            content = split_editorial(content, sources, issue)
        issue.articles.append(read_article(content, sources, issue.articles))


def split_editorial(content: list[Block], sources: list[Block], issue: ParsedIssue) -> list[Block]:
    """Take the editorial off the first segment; return the first article's blocks."""
    limit = next((i for i, block in enumerate(content) if ANALYSIS.match(block.lines[0])), len(content))
    title_at = next((i for i in range(limit) if is_title(content[i])), None)
    if title_at is None:
        where = content[limit].line if limit < len(content) else sources[0].line
        raise HouseFormatError(where, "aucun titre d’article avant cette ligne (un titre est une ligne courte, sans point final)")
    paragraphs = [block.text for block in content[:title_at]]
    if len(paragraphs) >= 2 and len(paragraphs[-1]) <= PUNCHLINE_MAX_CHARS:
        issue.punchline = paragraphs.pop()
    issue.editorial = paragraphs
    return content[title_at:]


def read_article(content: list[Block], sources: list[Block], previous: list[ParsedArticle]) -> ParsedArticle:
    if not content:
        raise HouseFormatError(sources[0].line, "une liste de sources sans article (titre et texte manquants)")
    title = content[0]
    if not is_title(title):
        after = f" après l’article « {previous[-1].title} »" if previous else ""
        raise HouseFormatError(title.line, f"titre d’article attendu{after} (une ligne courte, sans point final), trouvé « {title.text[:60]}… »")
    article = ParsedArticle(title=title.text, line=title.line)
    body = content[1:]
    marks = [i for i, block in enumerate(body) if ANALYSIS.match(block.lines[0])]
    if len(marks) > 1:
        raise HouseFormatError(body[marks[1]].line, f"second « Enjeux et perspectives » dans l’article « {article.title} » : manque-t-il « Source » et un titre avant ?")
    before, after = (body[: marks[0]], body[marks[0] + 1:]) if marks else (body, [])
    turn_at = next((i for i, block in enumerate(before) if TURN.match(block.text)), len(before))
    article.facts = [block.text for block in before[:turn_at]]
    article.turn = [block.text for block in before[turn_at:]]
    article.analysis = [block.text for block in after]
    if len(article.analysis) >= 2:
        article.closing = article.analysis.pop()
    article.sources = parse_sources(sources) if sources else []
    return article


def read_app_review(blocks: list[Block]) -> tuple[ParsedAppReview, list[Block]]:
    """The review and the blocks after it (not part of the issue)."""
    header = blocks[0]
    review = ParsedAppReview(name=(APP.match(header.lines[0]).group(1) or "").strip(), line=header.line)
    review.intro = []
    current = None
    for i, block in enumerate(blocks[1:], start=1):
        part = app_part(block.lines[0])
        if part:
            current = part[0]
            setattr(review, current, " ".join([part[1], *block.lines[1:]]).strip())
        elif is_sources_heading(block):
            end = i + 1
            while end < len(blocks) and is_bullet_list(blocks[end]):
                end += 1
            review.source = parse_sources(blocks[i:end])[0]
            return review, blocks[end:]
        elif current is None:
            review.intro.append(block.text)
        elif current == "verdict":
            return review, blocks[i:]
        else:
            setattr(review, current, f"{getattr(review, current)}\n\n{block.text}")
    return review, []
