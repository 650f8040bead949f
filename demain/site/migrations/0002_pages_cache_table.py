"""Create the published pages' database cache table (CACHES["pages"]) with `migrate`; idempotent."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("public_site", "0001_legal_pages"), ("audience", "0003_cache_table")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
