import io

from django.core.management import call_command

from demain.audience.management.commands.demo_downloads import demo_pdf
from demain.audience.models import Resource


def test_it_writes_a_complete_pdf():
    pdf = demo_pdf()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/Title" in pdf


def test_it_adds_the_demo_resource_once(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("demo_downloads", stdout=io.StringIO())
    call_command("demo_downloads", stdout=io.StringIO())
    resource = Resource.objects.get()
    assert resource.file.path.startswith(str(tmp_path))
    assert resource.content_type == "application/pdf"
    assert resource.file.read().startswith(b"%PDF-")
