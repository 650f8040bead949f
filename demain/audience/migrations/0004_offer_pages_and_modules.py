"""Demo content written for the project: the offer pages and the training modules.

Idempotent (get_or_create by slug / number), so the editor's later edits to
other rows are never touched and re-running changes nothing.
"""

from django.db import migrations

PAGES = [
    {
        "slug": "developpement-ia", "menu_order": 10, "form": "services",
        "title": "Développement et intégration d’IA",
        "summary": "Des outils d’IA taillés pour votre entreprise, branchés sur les logiciels que vous utilisez déjà.",
        "body": (
            "Vous savez ce qui vous fait perdre du temps : les devis à recopier, les mêmes questions de clients "
            "chaque semaine, les chiffres dispersés entre trois logiciels. Nous partons de là, pas de la technologie.\n\n"
            "Nous choisissons avec vous le bon modèle, hébergé dans le cloud ou chez vous selon la sensibilité "
            "de vos données, puis nous construisons l’outil, le testons sur vos cas réels et formons les personnes "
            "qui s’en serviront."
        ),
        "sections": [
            ("Diagnostic", "Une demi-journée pour repérer les tâches où l’IA fait vraiment gagner du temps, et celles où elle n’a rien à faire."),
            ("Prototype", "En quelques semaines, un premier outil utilisable : assistant pour vos clients, tri de documents, synthèse de retours."),
            ("Mise en service", "Intégration à vos logiciels, règles de confidentialité, suivi des coûts et des résultats, transmission aux équipes."),
        ],
    },
    {
        "slug": "conference-ere-de-l-ia", "menu_order": 20, "form": "talk",
        "title": "Conférence « L’Ère de l’IA »",
        "summary": "Une conférence pour les dirigeants de petites entreprises : comprendre l’IA, en peser les risques, décider quoi en faire.",
        "body": (
            "Artisans, professions de santé, agriculteurs, marques de cosmétique, entreprises de services : "
            "l’IA touche déjà vos métiers, souvent plus vite que prévu. Cette conférence donne des repères "
            "clairs, des exemples concrets et des pistes à mettre en œuvre dès le lendemain.\n\n"
            "Durée conseillée : 1 h 30 avec les questions. En présentiel ou à distance."
        ),
        "sections": [
            ("L’ère de l’IA : ce qui change vraiment", "D’où vient l’IA actuelle, ce qu’elle sait faire aujourd’hui (textes, images, musique, code) et ce qu’elle ne sait pas faire."),
            ("Éthique et écologie : les questions à se poser", "Énergie consommée, fiabilité, transparence, place de l’humain : les critères pour utiliser l’IA sans se renier."),
            ("Votre métier face à l’IA : alliée ou rivale ?", "Secteur par secteur, les usages qui font gagner du temps, les compétences qui prennent de la valeur et un plan d’action réaliste."),
        ],
    },
    {
        "slug": "formations", "menu_order": 30, "form": "training",
        "title": "Formations à l’IA",
        "summary": "Un tronc commun pour bien démarrer, puis des modules à la carte selon vos besoins.",
        "body": (
            "Les modules 1 à 4 forment une initiation que suit tout le groupe. Les modules 5 à 10 se choisissent "
            "librement, selon votre métier et vos projets. Chaque séance alterne démonstrations et exercices sur "
            "vos propres documents."
        ),
        "sections": [],
    },
    {
        "slug": "contact", "menu_order": 90, "form": "contact",
        "title": "Contact",
        "summary": "Une question, une idée de sujet, une proposition ? Écrivez-nous.",
        "body": "Nous lisons chaque message et répondons sous quelques jours ouvrés.",
        "sections": [],
    },
]

MODULES = [
    (1, True, "Comprendre l’IA générative", "Ce qu’est un modèle de langage, comment il produit une réponse, et pourquoi il lui arrive d’inventer.", "3 h"),
    (2, True, "Bien formuler ses demandes", "Donner du contexte, un rôle, des exemples : les réflexes qui changent la qualité des réponses.", "3 h"),
    (3, True, "Les outils du quotidien", "Panorama des assistants, générateurs d’images et outils de transcription utiles à une petite entreprise.", "3 h"),
    (4, True, "Données, confidentialité et droit", "Ce qu’on peut confier à un service en ligne, ce qu’il faut garder chez soi, et les règles du RGPD.", "3 h"),
    (5, False, "Automatiser l’administratif", "Devis, factures, relances : enchaîner les tâches répétitives sans erreurs de saisie.", "1 jour"),
    (6, False, "Relation client assistée", "Réponses aux questions fréquentes, tri des demandes, assistant conversationnel pour votre site.", "1 jour"),
    (7, False, "Marketing et contenus", "Idées, textes, visuels et vidéos courtes, en gardant votre ton et votre identité.", "1 jour"),
    (8, False, "Analyser ses chiffres", "Faire parler ventes, avis clients et tableaux sans être statisticien.", "1 jour"),
    (9, False, "Une IA sur vos documents", "Interroger vos procédures, catalogues et archives avec un assistant qui cite ses sources.", "1 jour"),
    (10, False, "Piloter un projet IA", "Choisir un cas d’usage, estimer coûts et gains, mesurer les résultats, embarquer l’équipe.", "1 jour"),
]


def load(apps, schema_editor):
    OfferPage = apps.get_model("audience", "OfferPage")
    PageSection = apps.get_model("audience", "PageSection")
    TrainingModule = apps.get_model("audience", "TrainingModule")
    for data in PAGES:
        data = dict(data)
        sections = data.pop("sections")
        page, created = OfferPage.objects.get_or_create(slug=data["slug"], defaults=data)
        if created:
            for position, (title, body) in enumerate(sections, start=1):
                PageSection.objects.create(page=page, position=position, title=title, body=body)
    for number, introduction, title, summary, duration in MODULES:
        TrainingModule.objects.get_or_create(number=number, defaults={
            "introduction": introduction, "title": title, "summary": summary, "duration": duration,
        })


class Migration(migrations.Migration):
    dependencies = [("audience", "0003_cache_table")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
