"""Full-text search over the archive's passages, in the database's own engine.

SQLite: an FTS5 table (``unicode61 remove_diacritics 2``) of the passages' French stems, which
Python computes (FTS5 has no French stemmer): ``demain/site/archive/fulltext.py`` writes its rows,
a trigger removes them with their passage (cascades included).
PostgreSQL: a generated ``tsvector`` column (title weight A, text weight B) under a GIN index, with
the text search configuration ``demain_french``: French with accents removed first (the
``unaccent`` extension of PostgreSQL's contrib, trusted since PostgreSQL 13, so the database's
owner may create it).
"""

from django.db import migrations, models

SQLITE = [
    "CREATE VIRTUAL TABLE public_site_passage_fts USING fts5(title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER public_site_passage_fts_delete AFTER DELETE ON public_site_passage BEGIN "
    "DELETE FROM public_site_passage_fts WHERE rowid = old.id; END",
]
SQLITE_UNDO = ["DROP TRIGGER IF EXISTS public_site_passage_fts_delete",
               "DROP TABLE IF EXISTS public_site_passage_fts"]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS demain_french",
    "CREATE TEXT SEARCH CONFIGURATION demain_french (COPY = pg_catalog.french)",
    "ALTER TEXT SEARCH CONFIGURATION demain_french ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, french_stem",
    "ALTER TABLE public_site_passage ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('demain_french'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('demain_french'::regconfig, text), 'B')) STORED",
    "CREATE INDEX public_site_passage_search ON public_site_passage USING gin (search_vector)",
]
POSTGRES_UNDO = ["DROP INDEX IF EXISTS public_site_passage_search",
                 "ALTER TABLE public_site_passage DROP COLUMN IF EXISTS search_vector",
                 "DROP TEXT SEARCH CONFIGURATION IF EXISTS demain_french"]


def run(statements: dict):
    def apply(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return apply


class Migration(migrations.Migration):

    dependencies = [
        ("public_site", "0003_archive_passages_questions"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="passage",
            index=models.Index(fields=["indexed_at"], name="passage_indexed_at"),
        ),
        migrations.RunPython(run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO})),
    ]
