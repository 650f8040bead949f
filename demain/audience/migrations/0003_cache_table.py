"""Create the database cache table (rate limits shared by every process) with `migrate`."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("audience", "0002_subscriber_details_offers_downloads")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
