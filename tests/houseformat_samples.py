"""Small issues in the house format, written for the tests (never copied from the seeds)."""

NB = "\u202f"  # narrow no-break space, as the house typography wants

SAMPLE = f"""Le monde
de demAIn

N° 7 — 3 mars 2027

Les fours à pain apprennent à parler. Une boulangerie de Lyon confie ses commandes à un assistant vocal.

Le pétrin, lui, ne dit rien.

Pain sur la planche

Une chaîne de boulangeries teste un modèle qui prévoit les ventes du lendemain.

Les invendus baissent d’un tiers en deux mois.

Sauf que.

Le modèle ignore la météo, et un dimanche de pluie suffit à tout dérégler.

Enjeux et perspectives

Prévoir la demande reste un métier{NB}: les données ne remplacent pas le flair du commerçant.

La petite entreprise gagne du temps, à condition de relire les chiffres.

Le pain quotidien n’est pas encore automatique.

Sources
- Rapport de la fédération — https://example.org/rapport-2027
- Entretien avec la gérante — https://example.org/entretien?id=4

Qui va à la chasse perd sa clé

Un fabricant de serrures connectées publie une mise à jour qui verrouille les portes de ses clients.

Enjeux et perspectives

La confiance se perd plus vite qu’elle ne se gagne.

Le cadenas à clé a encore de beaux jours.

Source : Communiqué du fabricant — https://example.org/communique

App sous le radar : Carnet

Carnet range les factures d’une petite entreprise et les lit à sa place.

Le bon : Simple, rapide, en français.

Le moins bon : Pas d’export comptable.

Le verdict : Utile pour commencer.

Source : Site de l’éditeur — https://example.org/carnet
"""


# A whole issue shaped like the real ones: no « N° » line, bare « Source » / « Sources » labels,
# turns that are a lone « Sauf que. » or open a sentence, articles without a turn, typography
# to fix (plain spaces before : ? !, straight apostrophes, « » without narrow spaces), and the
# text of a web page pasted after the app review. Written for the project, like SAMPLE.
FULL_ISSUE_TITLES = ["Qui a peur du grand méchant bot ?", "L'habit ne fait pas le modèle",
                     "Petit à petit, l'algorithme fait son nid", "Les bons comptes font les bons robots"]
FULL_ISSUE = """Le monde
de demAIn

Les robots conversationnels ont envahi les sites des artisans. En six mois, une boulangerie sur dix aurait installé un assistant pour répondre aux clients, selon une enquête régionale.

Le mouvement ressemble à une ruée vers l'or : chacun veut le sien, peu savent ce qu'il coûte vraiment.

Car derrière l'assistant gratuit se cache souvent un abonnement, des données qui partent ailleurs et un client qui n'obtient plus de réponse humaine.

Bienvenue dans l'ère du « service client augmenté », où la patience du client devient la première variable d'ajustement.

La politesse, elle, reste gratuite.

Qui a peur du grand méchant bot ?

Une mutuelle régionale remplace son standard téléphonique par un agent vocal. Il répond jour et nuit, dans douze langues, sans jamais perdre patience.

Sauf que.

Les adhérents âgés raccrochent. Beaucoup pensent parler à un répondeur en panne et rappellent en boucle !

Au bout de trois semaines, la mutuelle rouvre une ligne tenue par des humains, le matin seulement.

Enjeux et perspectives

L'épisode rappelle une évidence : un outil ne sert que s'il convient à ceux qui s'en servent.

Les entreprises qui réussissent ce virage testent d'abord avec leurs clients, pas avec leurs fournisseurs.

Le coût caché, c'est la confiance perdue. Combien d'adhérents sont partis sans rien dire ?

Le grand méchant bot n'a mangé personne. Il a juste fait fuir tout le monde.

Source

L'habit ne fait pas le modèle

Un éditeur de logiciels comptables lance une version « intelligente » de son produit. Même écran, même prix annoncé, une icône étoilée en plus.

Les premiers clients saluent la saisie automatique des factures.

Sauf que la facture, elle, grimpe : l'option devient obligatoire au renouvellement, avec un supplément mensuel.

Les cabinets comptables, premiers prescripteurs, commencent à regarder ailleurs.

Enjeux et perspectives

Ajouter une étiquette IA à un produit existant est devenu un réflexe commercial.

Pour une petite entreprise, la question à poser reste la même : combien de temps gagné, pour combien d'euros dépensés ?

L'étoile sur l'icône ne remplace pas une ligne claire sur la facture.

Sources

Petit à petit, l'algorithme fait son nid

Une coopérative agricole confie la planification de ses tournées de collecte à un outil d'optimisation.

Les camions roulent moins, les producteurs sont prévenus la veille par SMS.

Enjeux et perspectives

Rien de spectaculaire ici : pas de robot, pas de démonstration sur scène, juste des kilomètres économisés.

C'est pourtant là que l'intelligence artificielle rapporte le plus aux petites structures : sur des tâches répétitives et mesurables.

Le nid est discret, mais il est solide.

Source

Les bons comptes font les bons robots

Une région publie un guide pour aider les commerçants à choisir un assistant d'écriture. Douze critères, une grille à remplir, aucun nom de marque.

Enjeux et perspectives

Le document a le mérite de poser les bonnes questions : où vont les données, qui relit, que se passe-t-il en cas d'erreur ?

Il lui manque un volet sur le coût énergétique, que les commerçants découvrent rarement avant la facture d'électricité.

Un guide de plus, mais un guide utile.

Sources

App sous le radar : Devisio

Devisio rédige les devis d'un artisan à partir d'une note vocale prise sur le chantier.

Le bon : Rapide, lisible, et les montants sont recalculés automatiquement.

Le moins bon : Pas encore de version hors connexion, gênant dans une cave sans réseau.

Le verdict : Un vrai gain de temps pour qui déteste la paperasse.

Source

Formations et ateliers

Conférence : l'IA au quotidien

Modules 1 à 3 : premiers pas

Merci, votre demande est enregistrée
Vérifiez votre boîte de réception, un lien vient de partir.

le guide gratuit
"""
