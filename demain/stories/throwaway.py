"""A labelled corpus through the real newsroom, in a throwaway database (`demain eval stories`).

    python -m demain.stories.throwaway ROOT --var-dir DIR

ROOT holds the corpus as the evaluation laid it out: ``pages/`` (the HTML pages) and
``feeds/corpus.rss`` (one item per page, dated by the page's markup). This process serves ROOT on
loopback with the sample server, points DATABASE_URL at ``ROOT/newsroom.sqlite3`` *before* Django
starts (the main database is never opened), migrates it (or copies a migrated template kept in
VAR_DIR, named by the migrations it holds), then runs the production stages:
`demain ingest` (fetch, extraction, duplicates, storage) and the stories stage
(demain.stories.services.run), once at the end of each day the corpus covers, as a daily run would.
Embeddings come from the shared file cache (VAR_DIR/embeddings.sqlite3), so a page is embedded
once across evaluations.

It prints ``progress N`` lines, then one JSON object: for each page URL, the story it ended in,
its language, or the error that kept it out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from datetime import datetime, time as dt_time, timezone
from pathlib import Path

FEED = "feeds/corpus.rss"


def template_key() -> str:
    """A name for the migrated schema: the hash of every migration's app, name and source."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for app, name in sorted(loader.disk_migrations):
        module = sys.modules[loader.disk_migrations[app, name].__module__]
        digest.update(f"{app}/{name}\0".encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def prepare_database(database: Path, var_dir: Path) -> None:
    """Copy the migrated template into place, or migrate and keep the result as the template."""
    from django.core.management import call_command
    from django.db import connections

    template = var_dir / f"eval-newsroom-{template_key()}.sqlite3"
    if template.is_file():
        shutil.copyfile(template, database)
        return
    call_command("migrate", verbosity=0, interactive=False)
    connections.close_all()
    var_dir.mkdir(parents=True, exist_ok=True)
    partial = template.with_suffix(f".{os.getpid()}.tmp")
    shutil.copyfile(database, partial)
    os.replace(partial, template)


class CachedEmbedder:
    """The stories stage's embedder, answering from the shared file cache first."""

    def __init__(self, var_dir: Path):
        from demain.lib.clustering.embed import E5Embedder, EmbeddingCache

        model = E5Embedder()
        self.name = model.name
        self.cache = EmbeddingCache(model, var_dir / "embeddings.sqlite3")

    def embed(self, texts):
        return self.cache.embed(list(texts))


def day_ends(moments: list[datetime]) -> list[datetime]:
    days = sorted({moment.astimezone(timezone.utc).date() for moment in moments})
    return [datetime.combine(day, dt_time(23, 59, 59), tzinfo=timezone.utc) for day in days]


def run(root: Path, var_dir: Path, emit) -> dict:
    from demain.sources.sample.server import SampleServer

    database = root / "newsroom.sqlite3"
    with SampleServer(root) as server:
        os.environ.update(DATABASE_URL=f"sqlite:///{database}", FETCH_ALLOWED_HOSTS=server.host,
                          FETCH_HOST_DELAY="0", VAR_DIR=str(var_dir))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demain.settings")
        import django

        django.setup()
        prepare_database(database, var_dir)

        from demain.sources.fetcher import PoliteFetcher
        from demain.sources.ingest import ingest_source
        from demain.sources.models import Article, FetchLog, Sighting, Source
        from demain.sources.services import add_source
        from demain.stories import services as stories
        from demain.stories.models import StoryArticle

        source = add_source(server.url("/" + FEED), name="corpus", outlet="corpus", kind=Source.Kind.RSS)
        with PoliteFetcher("eval stories") as fetcher:
            ingest_source(source.pk, force=True, fetcher=fetcher)
        emit("progress ingested")
        stories._embedder = CachedEmbedder(var_dir)
        moments = [stories.when(a) for a in Article.objects.all()]
        for end in day_ends(moments):
            stories.run(now=end)
            emit(f"progress {end:%Y-%m-%d}")

        story_of = {}
        for article_id, story_id, merged in StoryArticle.objects.values_list(
                "article_id", "story_id", "story__merged_into_id"):
            story_of[article_id] = merged or story_id
        pages = {}
        for url, article_id, language in Sighting.objects.values_list("url", "article_id", "article__language"):
            pages[url] = {"story": story_of.get(article_id), "article": article_id, "language": language or None}
        for log in FetchLog.objects.exclude(error="").order_by("pk"):
            pages.setdefault(log.url, {"error": log.error})
        return {"pages": pages, "base": server.base_url}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--var-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    def emit(line: str) -> None:
        print(line, flush=True)

    emit(json.dumps(run(args.root.resolve(), args.var_dir.resolve(), emit), ensure_ascii=False))


if __name__ == "__main__":
    main()
