"""A small published archive written for the tests of « Ask the archive », indexed and embedded."""

from __future__ import annotations

import datetime

from django.utils import timezone

from demain.issues.models import Article, Issue
from demain.site.archive.index import embed_pending

ARTICLES = {
    1: ("Les agents ont la main sur le portefeuille", [
        ("Le watt qui cache la forêt", [
            "Google a publié la consommation d’une requête texte à Gemini : 0,24 Wh selon l’entreprise. "
            "L’estimation ne compte pas l’entraînement du modèle.",
            "Des chercheurs jugent ce chiffre trop bas, car il laisse de côté le refroidissement des centres.",
        ]),
        ("Carte bleue pour robots", [
            "Visa teste des agents capables de payer avec une carte virtuelle à usage unique. "
            "Les commerçants devront accepter ces achats sans clic humain.",
            "La question de la responsabilité en cas d’erreur de l’agent reste ouverte.",
        ]),
    ]),
    2: ("La souveraineté à crédit", [
        ("Mistral lève l’ancre", [
            "Mistral AI a levé 1,7 milliard d’euros, dont une part importante apportée par ASML. "
            "La start-up parisienne vise des clients industriels en Europe.",
        ]),
        ("École buissonnière", [
            "Le ministère expérimente un assistant de correction des copies dans trois académies. "
            "Les enseignants gardent la note finale.",
        ]),
    ]),
}


def make_archive() -> list[Issue]:
    issues = []
    for number, (title, articles) in ARTICLES.items():
        issue = Issue.objects.create(
            number=number, title=title, date=datetime.date(2026, 1, 5) + datetime.timedelta(weeks=number),
            status=Issue.Status.PUBLISHED, published_at=timezone.now(),
            editorial="Un éditorial sans question.\n\nPuis une chute.")
        for position, (heading, paragraphs) in enumerate(articles, start=1):
            Article.objects.create(issue=issue, position=position, title=heading, facts="\n\n".join(paragraphs[:1]),
                                   analysis="\n\n".join(paragraphs[1:]), closing="")
        issues.append(issue)
    embed_pending()  # publishing indexed them (signals); the embeddings' task runs here, now
    return issues
