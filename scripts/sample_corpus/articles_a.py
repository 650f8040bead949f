"""Sample corpus, part A: chips, models, a lawsuit, a data centre and job cuts.

Every article, outlet, company and person here is fictional, written for demain's tests.
Fields: outlet, slug, story (the label), date, author, title, paragraphs; optional
`copy_of` (a syndicated duplicate: same text under another outlet's template) and `credit`.
"""

ARTICLES_A = [
    # --- chip-export-rule: Washington's licence rule for AI accelerators ----------------------
    dict(outlet="harbor-wire", slug="us-export-rule-ai-accelerators", story="chip-export-rule",
         date="2026-11-17T13:40:00+00:00", author="Dana Whitcombe",
         title="US requires licences for AI accelerator exports to 43 countries",
         paragraphs=[
             "WASHINGTON — The US Commerce Department on Tuesday published a rule requiring export "
             "licences for shipments of advanced AI accelerators to 43 countries, widening controls "
             "that until now targeted a handful of destinations.",
             "The Bureau of Industry and Security said the rule covers chips above a total processing "
             "performance of 4,800, a threshold that captures the data-centre parts sold by Arcturus "
             "Semiconductor and Tessel Micro.",
             "Analysts at Bernwood Capital estimated that $13.8 billion of annual sales would need a "
             "licence. Arcturus shares fell 4% in early trading.",
             "The rule takes effect in 120 days. Cloud operators based in allied countries can apply "
             "for a validated end-user status that exempts them from individual licences.",
             "Industry groups said the timeline was too short to reorganise supply chains."]),
    dict(outlet="northbridge", slug="us-export-rule-ai-accelerators", story="chip-export-rule",
         date="2026-11-17T15:10:00+00:00", author="Harbor Wire",
         copy_of=("harbor-wire", "us-export-rule-ai-accelerators"),
         credit="This article is distributed by Harbor Wire."),
    dict(outlet="circuit-ledger", slug="washington-widens-chip-controls", story="chip-export-rule",
         date="2026-11-18T08:15:00+00:00", author="Priya Raman",
         title="Washington widens chip controls: what the new licence rule means for AI clouds",
         paragraphs=[
             "The new export rule from the Bureau of Industry and Security is less about a single "
             "rival than about the map: 43 countries now need a licence before they can receive "
             "high-end AI accelerators from American firms.",
             "The threshold is set at a total processing performance of 4,800. In practice, every "
             "recent data-centre chip from Arcturus Semiconductor and Tessel Micro is above it, "
             "while gaming cards stay below.",
             "Bernwood Capital puts the affected revenue at $13.8 billion a year. Tessel Micro said "
             "in a filing that it expects most of its customers to qualify for exemptions.",
             "Cloud providers in allied countries can apply for validated end-user status. The "
             "application process opens in January, and the rule applies in 120 days."]),
    dict(outlet="gazette-algorithmes", slug="puces-ia-washington-durcit-exportations", story="chip-export-rule",
         date="2026-11-17T18:20:00+01:00", author="Claire Montagnac",
         title="Puces d'IA : Washington durcit les règles d'exportation",
         paragraphs=[
             "Le département américain du Commerce impose désormais une licence pour exporter des "
             "accélérateurs d'intelligence artificielle vers 43 pays. Le texte a été publié mardi.",
             "Sont visées les puces dont la performance de traitement totale dépasse 4 800, soit la "
             "quasi-totalité des processeurs pour centres de données d'Arcturus Semiconductor et de "
             "Tessel Micro.",
             "Selon le cabinet Bernwood Capital, 14,3 milliards de dollars de ventes annuelles "
             "seraient concernés. En Bourse, le titre Arcturus a reculé de 4 %.",
             "Les industriels disposent de 120 jours pour s'adapter. Les hébergeurs des pays alliés "
             "pourront demander un statut d'utilisateur final validé."]),
    dict(outlet="quotidien-numerique", slug="licences-export-accelerateurs-43-pays", story="chip-export-rule",
         date="2026-11-18T07:05:00+01:00", author="Julien Ferrand",
         title="Les États-Unis soumettent à licence la vente de puces d'IA dans 43 pays",
         paragraphs=[
             "Nouvelle étape dans la bataille des semi-conducteurs : l'administration américaine "
             "exige à présent une autorisation préalable pour livrer les accélérateurs les plus "
             "puissants à une quarantaine de pays.",
             "Le Bureau of Industry and Security fixe le seuil à une performance de 4 800. Les "
             "fabricants Arcturus Semiconductor et Tessel Micro sont en première ligne.",
             "Les fédérations professionnelles jugent le délai de 120 jours trop court pour "
             "réorganiser les chaînes d'approvisionnement. Les opérateurs de cloud européens "
             "espèrent obtenir rapidement une exemption."]),

    # --- orlo-4-release: a model release with an energy figure --------------------------------
    dict(outlet="signal-noise", slug="orlo-4-release-energy", story="orlo-4-release",
         date="2026-11-18T17:00:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="Orlo Labs ships Orlo 4 and, for once, publishes its energy bill",
         paragraphs=[
             "Orlo Labs released Orlo 4 on Wednesday, its largest model so far, with a context "
             "window of one million tokens and a new reasoning mode.",
             "The San Francisco company also did something its rivals rarely do: it published a "
             "measured energy figure. A typical query uses 0.24 watt-hours, according to a "
             "technical note signed by its infrastructure team.",
             "Researchers welcomed the disclosure but noted that the figure excludes training and "
             "idle capacity. Orlo says training consumed about 21 gigawatt-hours.",
             "Orlo 4 is available in the company's app today and through its API next week."]),
    dict(outlet="harbor-wire", slug="orlo-labs-releases-orlo-4", story="orlo-4-release",
         date="2026-11-18T16:20:00+00:00", author="Ken Osei",
         title="Orlo Labs releases Orlo 4, says a query uses 0.24 watt-hours",
         paragraphs=[
             "SAN FRANCISCO — Orlo Labs on Wednesday released Orlo 4, a model that can read one "
             "million tokens at once, and said each typical query consumes 0.24 watt-hours of "
             "electricity.",
             "Chief executive Ines Haverkamp said the company measured the figure across its data "
             "centres over two weeks. Training the model took about 21 gigawatt-hours, she said.",
             "Orlo 4 will reach developers through the API next week, at a price 30% below its "
             "predecessor's.",
             "The company, valued at $90 billion in its last funding round, competes with larger "
             "labs for enterprise customers."]),
    dict(outlet="daily-compute", slug="orlo-4-is-out", story="orlo-4-release",
         date="2026-11-18T19:45:00+00:00", author="Staff and agencies",
         title="Orlo 4 is out: one million tokens, 0.24 Wh per query",
         paragraphs=[
             "Orlo Labs released Orlo 4 on Wednesday, a model that can read one million tokens at "
             "once, and said a typical query consumes 0.24 watt-hours of electricity.",
             "Chief executive Ines Haverkamp said the figure was measured across the company's data "
             "centres over two weeks. Training took about 21 gigawatt-hours.",
             "Developers get access through the API next week, at a price 30% lower than the "
             "previous model.",
             "Orlo Labs, valued at $90 billion, is chasing enterprise customers."]),
    dict(outlet="echo-tech", slug="orlo-4-consommation-energie", story="orlo-4-release",
         date="2026-11-19T09:30:00+01:00", author="Sarah Benhamou",
         title="Orlo 4 : le nouveau modèle d'Orlo Labs affiche sa consommation",
         paragraphs=[
             "La start-up californienne Orlo Labs a dévoilé mercredi Orlo 4, capable de traiter un "
             "million de jetons de contexte.",
             "Fait rare dans le secteur, l'entreprise chiffre la dépense d'électricité d'une "
             "requête : 0,24 Wh en moyenne, selon une note technique de ses équipes.",
             "L'entraînement aurait nécessité environ 21 GWh. Les chercheurs saluent la démarche "
             "tout en rappelant que ce chiffre exclut les serveurs inactifs.",
             "Le modèle est accessible dans l'application dès aujourd'hui, et par API la semaine "
             "prochaine."]),
    dict(outlet="observateur-machines", slug="orlo-4-un-tiers-de-watt-heure", story="orlo-4-release",
         date="2026-11-19T11:00:00+01:00", author="Thomas Lévêque",
         title="Avec Orlo 4, Orlo Labs promet une IA plus sobre",
         paragraphs=[
             "Ines Haverkamp, la patronne d'Orlo Labs, a présenté mercredi soir Orlo 4. Son "
             "argument principal : la sobriété.",
             "Chaque question posée au modèle consommerait 0,3 Wh, une valeur que l'entreprise dit "
             "avoir mesurée dans ses propres centres de données pendant deux semaines.",
             "Pour l'entraînement, Orlo Labs avance 21 GWh, l'équivalent de la consommation annuelle "
             "de plusieurs milliers de foyers.",
             "Le tarif de l'API baisse de 30 % par rapport à la version précédente."]),
    dict(outlet="anf", slug="orlo-labs-lance-orlo-4", story="orlo-4-release",
         date="2026-11-18T21:10:00+01:00", author="ANF", author_slug="anf",
         title="L'américain Orlo Labs lance son modèle Orlo 4",
         paragraphs=[
             "SAN FRANCISCO (ANF) — La société Orlo Labs a lancé mercredi Orlo 4, un modèle "
             "d'intelligence artificielle capable d'analyser un million de jetons, et a indiqué "
             "qu'une requête type consomme 0,24 wattheure.",
             "« Nous avons mesuré ce chiffre pendant deux semaines dans nos centres de données », a "
             "déclaré la directrice générale, Ines Haverkamp.",
             "L'entreprise, valorisée 90 milliards de dollars, ouvrira son interface de "
             "programmation aux développeurs la semaine prochaine."]),

    # --- orlo-lawsuit: same company, same week, a different event -----------------------------
    dict(outlet="anf", slug="editeurs-assignent-orlo-labs", story="orlo-lawsuit",
         date="2026-11-20T12:30:00+01:00", author="ANF", author_slug="anf",
         title="Des éditeurs français assignent Orlo Labs en justice",
         paragraphs=[
             "PARIS (ANF) — L'Union des éditeurs de langue française (UELF) a assigné vendredi la "
             "société américaine Orlo Labs devant le tribunal judiciaire de Paris, l'accusant "
             "d'avoir entraîné ses modèles sur 12 000 livres sans autorisation.",
             "L'organisation réclame 85 millions d'euros de dommages et intérêts et le retrait des "
             "œuvres des jeux de données.",
             "« Nos catalogues ont été copiés intégralement », a affirmé sa présidente, Mathilde "
             "Roussel. Orlo Labs n'a pas souhaité commenter.",
             "L'assignation intervient deux jours après le lancement d'Orlo 4, le dernier modèle de "
             "l'entreprise."]),
    dict(outlet="echo-tech", slug="editeurs-assignent-orlo-labs", story="orlo-lawsuit",
         date="2026-11-20T13:05:00+01:00", author="Avec ANF",
         copy_of=("anf", "editeurs-assignent-orlo-labs"),
         credit="Cet article est une dépêche de l'ANF."),
    dict(outlet="quotidien-numerique", slug="droit-auteur-proces-orlo", story="orlo-lawsuit",
         date="2026-11-21T08:00:00+01:00", author="Julien Ferrand",
         title="Droit d'auteur : le procès qui inquiète Orlo Labs",
         paragraphs=[
             "Les éditeurs contre-attaquent. En saisissant le tribunal judiciaire de Paris, l'UELF "
             "ouvre en France le premier grand procès contre un concepteur de modèles de langage.",
             "Mathilde Roussel, qui préside l'Union des éditeurs de langue française, dit disposer "
             "de preuves que 12 000 ouvrages figurent dans les données d'entraînement.",
             "Le montant demandé, 85 millions d'euros, est symbolique au regard de la valorisation "
             "d'Orlo Labs, mais l'enjeu est ailleurs : obtenir un droit de regard sur les corpus.",
             "Les juristes rappellent que l'exception de fouille de textes peut être écartée par "
             "une réserve expresse des ayants droit."]),
    dict(outlet="circuit-ledger", slug="french-publishers-sue-orlo", story="orlo-lawsuit",
         date="2026-11-20T15:30:00+00:00", author="Priya Raman",
         title="French publishers sue Orlo Labs over 12,000 books",
         paragraphs=[
             "A group of French-language publishers filed suit against Orlo Labs in Paris on Friday, "
             "claiming the company trained its models on 12,000 books without permission.",
             "The Union des éditeurs de langue française is seeking €85 million in damages and "
             "asks the court to order the removal of its titles from training data.",
             "Its president, Mathilde Roussel, said the catalogues had been copied in full. Orlo "
             "Labs declined to comment.",
             "European copyright law lets rights holders opt out of text and data mining, and the "
             "case may test how such reservations must be expressed."]),

    # --- kestrel-water: a data centre's water use in Aragon -----------------------------------
    dict(outlet="northbridge", slug="kestrel-aragon-data-centre-water", story="kestrel-water",
         date="2026-11-16T10:00:00+00:00", author="Lucia Ferrer",
         title="Farmers in Aragon protest against Kestrel Compute's thirsty data centre",
         paragraphs=[
             "Hundreds of farmers drove tractors into the town square of Calanda on Sunday to "
             "protest against a data-centre campus planned by Kestrel Compute.",
             "According to the environmental permit, the site would draw 1.2 million cubic metres "
             "of water a year to cool its servers, in a region that has endured three years of "
             "drought.",
             "Kestrel Compute says it will use recycled water for most of its needs and that the "
             "campus will create 300 permanent jobs.",
             "The regional government of Aragon is due to rule on the permit in December."]),
    dict(outlet="signal-noise", slug="kestrel-calanda-cooling", story="kestrel-water",
         date="2026-11-16T16:45:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="The water question comes for AI: Kestrel's Calanda campus",
         paragraphs=[
             "A cloud company, a dry valley and a permit: the fight over Kestrel Compute's campus in "
             "Calanda, Spain, is a preview of conflicts to come.",
             "Kestrel's filing puts the site's cooling needs at 1.2 million cubic metres a year. "
             "Local irrigation associations say that is as much as 4,000 hectares of orchards.",
             "The company promises recycled water and a closed-loop design for later phases."]),
    dict(outlet="gazette-algorithmes", slug="kestrel-centre-donnees-eau-aragon", story="kestrel-water",
         date="2026-11-16T19:00:00+01:00", author="Claire Montagnac",
         title="En Aragon, la colère des agriculteurs contre un centre de données",
         paragraphs=[
             "Des centaines d'agriculteurs ont manifesté dimanche à Calanda, dans le nord-est de "
             "l'Espagne, contre le projet de Kestrel Compute.",
             "Le campus de serveurs prélèverait 1,4 million de mètres cubes d'eau par an pour son "
             "refroidissement, alors que la région sort de trois années de sécheresse.",
             "L'entreprise promet d'utiliser surtout de l'eau recyclée et met en avant 300 emplois "
             "permanents. Le gouvernement régional doit se prononcer en décembre."]),
    dict(outlet="observateur-machines", slug="secheresse-serveurs-calanda", story="kestrel-water",
         date="2026-11-17T09:15:00+01:00", author="Thomas Lévêque",
         title="Sécheresse : à Calanda, les vergers contre les serveurs",
         paragraphs=[
             "Dans cette vallée aride, chaque mètre cube compte. Les irrigants redoutent que le "
             "futur site de Kestrel Compute ne capte une part de leur ressource.",
             "Selon le dossier d'autorisation environnementale, le refroidissement demanderait 1,2 "
             "million de mètres cubes par an.",
             "Kestrel Compute assure que les phases suivantes fonctionneront en circuit fermé. La "
             "décision des autorités aragonaises est attendue en décembre."]),

    # --- kestrel-layoffs: same company, same week ----------------------------------------------
    dict(outlet="daily-compute", slug="kestrel-compute-cuts-1200-jobs", story="kestrel-layoffs",
         date="2026-11-19T14:00:00+00:00", author="Ben Caldwell",
         title="Kestrel Compute cuts 1,200 jobs as GPU rental prices slide",
         paragraphs=[
             "Kestrel Compute will cut 1,200 jobs, about 9% of its workforce, the cloud company said "
             "on Thursday, as falling prices for renting GPUs squeeze its margins.",
             "Chief executive Rowan Pike told staff in a memo that the company would close two "
             "sales offices and merge its research teams.",
             "The company said its data-centre construction plans, including a contested site in "
             "Spain, are unchanged.",
             "Kestrel shares rose 6% after the announcement."]),
    dict(outlet="harbor-wire", slug="kestrel-layoffs-memo", story="kestrel-layoffs",
         date="2026-11-19T12:50:00+00:00", author="Ken Osei",
         title="Kestrel Compute to lay off 9% of staff, memo says",
         paragraphs=[
             "NEW YORK — Kestrel Compute plans to eliminate 1,200 positions, or roughly 9% of its "
             "employees, according to a memo from chief executive Rowan Pike seen by Harbor Wire.",
             "Pike wrote that the price of renting a GPU by the hour had fallen by half in a year.",
             "The restructuring will cost up to $150 million, mostly in severance."]),
    dict(outlet="quotidien-numerique", slug="kestrel-compute-supprime-postes", story="kestrel-layoffs",
         date="2026-11-19T18:30:00+01:00", author="Inès Marchal",
         title="Le loueur de puces Kestrel Compute supprime 1 200 postes",
         paragraphs=[
             "Kestrel Compute taille dans ses effectifs. Le spécialiste de la location de "
             "processeurs graphiques va se séparer de 1 200 salariés, environ 9 % du total.",
             "Dans un message interne, son PDG, Rowan Pike, invoque l'effondrement des tarifs : le "
             "prix horaire d'un GPU a été divisé par deux en un an.",
             "Le plan coûtera jusqu'à 150 millions de dollars. Le groupe maintient ses projets de "
             "construction, y compris en Espagne."]),
]
