"""Questions no archive of the newsletter can answer: what the refusal thresholds are calibrated on.

They ask about made-up companies, products and people (in the newsletter's
own field, with its words: IA, modèle, données…) or about other fields
altogether, in French and in English. Whatever archive is loaded, none of
them has an answer, so the thresholds they give hold for the general case,
not for the shipped question set: ``demain eval archive --calibrate`` prints,
for each gate figure, the highest value these questions reach and the
threshold just above it (``MARGIN``), to copy into answer.py.
"""

from __future__ import annotations

MARGIN = 0.05

UNANSWERABLE = [
    "Combien Zorblatt Analytics a-t-elle levé pour son modèle Quibble-9 ?",
    "Que pense la lettre du rachat de Vextronic par Pallamor ?",
    "Quel est le prix de l'abonnement à Fennimind Pro ?",
    "Qui dirige la start-up Ombrelune IA ?",
    "Quelle consommation d'eau annonce Klaxo pour ses centres de données de Tulle ?",
    "L'assistant Grimble remplace-t-il les comptables en Bretagne ?",
    "Quelle amende la CNIL a-t-elle infligée à Pyxaria en 2031 ?",
    "Combien de paramètres a le modèle Torvald-XL de Minsk Labs ?",
    "What did Brantley Okafor say about the Quorvex chatbot?",
    "How much did Heliotrope Robotics raise in its Series F?",
    "Is the Snorlax-7 model open source?",
    "Which bakery chain adopted the Crumbly AI ordering kiosk?",
    "Quelle est la recette de la tarte Tatin ?",
    "Qui a gagné le Tour de France 1987 ?",
    "Comment réparer une fuite sous un évier ?",
    "Quelle est la capitale de l'Australie ?",
    "Quand faut-il tailler les rosiers ?",
    "Combien de calories dans une baguette ?",
    "Quel temps fera-t-il à Brest demain ?",
    "Comment déclarer ses impôts en ligne ?",
    "What is the best way to train for a marathon?",
    "Who wrote the novel Middlemarch?",
    "How do I change a flat tyre on a bicycle?",
    "What is the boiling point of water at altitude?",
    "Quels sont les horaires de la piscine municipale de Quimper ?",
    "Faut-il saler l'eau des pâtes avant ou après l'ébullition ?",
    "Combien coûte un vol Paris-Tokyo en classe éco ?",
    "Quelle race de chien pour un appartement ?",
    "Que dit la lettre sur le protocole Vesper-Link de Norland ?",
    "Quel score le modèle Artichaut-3 obtient-il au test Zephyr ?",
]


def thresholds(figures: list[dict]) -> dict:
    """From the gate figures of the unanswerable questions: the highest of each, and the threshold above."""
    coverage = max((f["coverage"] for f in figures), default=0.0)
    cosines = [f["cosine"] for f in figures if f.get("cosine") is not None]
    cosine = max(cosines) if cosines else None
    return {"max_coverage": round(coverage, 3), "coverage_min": round(min(1.0, coverage + MARGIN), 2),
            "max_cosine": None if cosine is None else round(cosine, 3),
            "cosine_min": None if cosine is None else round(min(1.0, cosine + MARGIN / 2), 3)}
