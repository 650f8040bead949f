from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand

from demain.audience.models import Resource
from demain.lib.tinypdf import text_pdf

LINES = [
    "Le monde de demAIn - extrait de demonstration",
    "",
    "Chapitre 1 : la petite entreprise face a l'IA",
    "",
    "Ce document de demonstration remplace le vrai chapitre.",
    "L'editeur le change dans l'administration : Ressources a telecharger.",
]


class Command(BaseCommand):
    help = "Add the demo gated download « L’extrait » (a short PDF written for the project); idempotent."

    def handle(self, *args, **options):
        if Resource.objects.filter(slug="extrait").exists():
            self.stdout.write("L’extrait existe déjà : rien à faire.")
            return
        resource = Resource(slug="extrait", title="L’extrait",
                            description="Le chapitre 1 en entier, offert : recevez-le par e-mail.")
        resource.file.save("extrait-chapitre-1.pdf", ContentFile(text_pdf(LINES)), save=True)
        self.stdout.write(f"Ressource créée : {resource.get_absolute_url()}")
