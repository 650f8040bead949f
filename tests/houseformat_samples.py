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
