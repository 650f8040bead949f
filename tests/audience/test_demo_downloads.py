import io

from django.core.management import call_command

from demain.audience.models import Resource
from demain.lib.tinypdf import text_pdf


def test_it_writes_a_pdf_with_a_correct_cross_reference_table():
    pdf = text_pdf(["Bonjour (IA)"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    startxref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[startxref:].startswith(b"xref")
    first_offset = int(pdf[startxref:].split(b"\n")[3][:10])
    assert pdf[first_offset:].startswith(b"1 0 obj")
    assert b"Bonjour \\(IA\\)" in pdf


def test_it_adds_the_demo_resource_once(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("demo_downloads", stdout=io.StringIO())
    call_command("demo_downloads", stdout=io.StringIO())
    resource = Resource.objects.get()
    assert resource.file.path.startswith(str(tmp_path))
    assert resource.content_type == "application/pdf"
