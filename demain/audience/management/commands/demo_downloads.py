from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from fpdf import FPDF

from demain.audience.models import Resource

TITLE = "Le monde de demAIn - extrait de démonstration"
PARAGRAPHS = [
    "Chapitre 1 : la petite entreprise face à l'IA",
    "Ce document de démonstration tient la place du vrai chapitre. "
    "L'éditeur le remplace dans l'administration, rubrique « Ressources à télécharger ».",
    "Il montre le parcours complet : le formulaire, l'e-mail qui apporte le lien signé, "
    "puis le téléchargement, valable 7 jours et 7 fois.",
]


def demo_pdf() -> bytes:
    """A one-page PDF written for the project (core fonts: Latin-1 text)."""
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 10, TITLE)
    pdf.set_font("Helvetica", size=12)
    for paragraph in PARAGRAPHS:
        pdf.ln(4)
        pdf.multi_cell(0, 7, paragraph)
    return bytes(pdf.output())


class Command(BaseCommand):
    help = "Ajouter le téléchargement réservé de la démo « L’extrait » (un court PDF écrit pour le projet) ; sans effet s’il existe."

    def handle(self, *args, **options):
        if Resource.objects.filter(slug="extrait").exists():
            self.stdout.write("L’extrait existe déjà : rien à faire.")
            return
        resource = Resource(slug="extrait", title="L’extrait",
                            description="Le chapitre 1 en entier, offert : recevez-le par e-mail.")
        resource.file.save("extrait-chapitre-1.pdf", ContentFile(demo_pdf()), save=True)
        self.stdout.write(f"Ressource créée : {resource.get_absolute_url()}")
