"""Questions no archive of the newsletter can answer: what the refusal thresholds are calibrated on.

They ask about made-up companies, products and people (in the newsletter's
own field, with its words: IA, modèle, données…), about AI far from a
newsletter for small businesses (science, sport, space), or about other
fields altogether, in French and in English. They were written apart from
the shipped question set, without looking at it. Whatever archive is loaded, none of
them has an answer, so the thresholds they give hold for the general case,
not for the shipped question set: ``demain eval archive --calibrate`` prints,
per language, the highest gate score these questions reach and the
threshold just above it (``MARGIN``), to copy into answer.py.
"""

from __future__ import annotations

MARGIN = 0.005

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
    "What is the context window of the Pelican-40 model by Drovna?",
    "Did the Quilliam Foundation fine Marblecart for its recommendation engine?",
    "Which hospital in Lisbon uses the Ferroscan radiology assistant?",
    "How many employees did Tandemly lay off after adopting its own agents?",
    "What is the population of Reykjavik?",
    "How long should I boil an egg?",
    "Which football club won the 1994 Champions League?",
    "How do I repot an orchid?",
    "Comment l’IA a-t-elle permis de prédire la structure des protéines ?",
    "Les moteurs d’échecs battent-ils encore les grands maîtres en partie rapide ?",
    "L’IA aide-t-elle les physiciens à analyser les collisions de particules ?",
    "Les sondes spatiales utilisent-elles l’IA pour se poser sur Mars ?",
    "Peut-on déchiffrer des écritures anciennes grâce à l’apprentissage automatique ?",
    "L’arbitrage vidéo au football utilise-t-il de l’IA pour le hors-jeu ?",
    "How is machine learning used to design new alloys for jet engines?",
    "Can neural networks compose symphonies in the style of Mahler?",
    "L’IA peut-elle composer la bande originale d’un film ?",
    "Les réseaux de neurones prévoient-ils les tremblements de terre ?",
    "Comment les drones comptent-ils les animaux sauvages dans la savane ?",
    "L’apprentissage automatique aide-t-il les archéologues à retrouver des sites enfouis ?",
    "Les algorithmes peuvent-ils prévoir les crues des rivières ?",
    "Un robot chirurgien opère-t-il mieux qu’un chirurgien humain ?",
    "L’IA sait-elle traduire le chant des baleines ?",
    "Les jeux vidéo utilisent-ils l’IA pour créer leurs niveaux ?",
    "Can AI predict volcanic eruptions?",
    "Are AI line judges used in professional tennis?",
    "Can machine learning help restore damaged old paintings?",
    "Is AI used to create new perfumes?",
]


def thresholds(figures: list[dict]) -> dict:
    """From the gate figures of the unanswerable questions (answer.gate()), per language: how many,
    the highest score they reach, and the threshold just above it; and the same for coverage alone."""
    found = {"refused_for_unknown_names": sum(bool(f.get("unknown")) for f in figures)}
    for lang in ("fr", "en"):
        # A question naming what the archive never names is refused whatever its score: left out.
        scores = [f["score"] for f in figures
                  if f["language"] == lang and f.get("score") is not None and not f.get("unknown")]
        if scores:
            found[lang] = {"questions": len(scores), "max_score": round(max(scores), 3),
                           "threshold": round(max(scores) + MARGIN, 3)}
    coverage = max((f["coverage"] for f in figures), default=0.0)
    found["coverage_only"] = {"max_coverage": round(coverage, 3), "threshold": round(coverage + 10 * MARGIN, 2)}
    return found
