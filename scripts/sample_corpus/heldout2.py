"""Second held-out corpus, written after the weights were fixed and never used to change them.

Longer articles with background paragraphs that name other companies, an investigation and a
product launch by one company in the same week, a strike told very differently in each language.
Every article, outlet, company and person here is fictional.
"""

HELDOUT2 = [
    # Nexa: an EU investigation and a chip launch, the same week
    dict(outlet="circuit-ledger", slug="eu-investigates-nexa-assistant", story="nexa-investigation",
         date="2027-01-12T09:00:00+00:00", author="Priya Raman",
         title="EU opens investigation into Nexa's bundled AI assistant",
         paragraphs=[
             "The European Commission opened a formal investigation on Tuesday into whether Nexa "
             "breaks the Digital Markets Act by pre-installing its Halo assistant on every phone "
             "it sells and making it hard to choose another.",
             "Rival assistant makers, among them Orion Systems and Tarn AI, had complained that "
             "Halo is the only assistant that can read messages and calendars.",
             "Nexa faces fines of up to 10% of its global turnover if the breach is confirmed. The "
             "company said Halo was built with privacy in mind and that it would cooperate.",
             "The investigation should conclude within twelve months."]),
    dict(outlet="echo-tech", slug="bruxelles-enquete-nexa-halo", story="nexa-investigation",
         date="2027-01-12T14:30:00+01:00", author="Sarah Benhamou",
         title="Bruxelles soupçonne Nexa de verrouiller ses téléphones avec son assistant Halo",
         paragraphs=[
             "La Commission européenne ouvre une enquête sur Nexa au titre du règlement sur les "
             "marchés numériques. En cause : l'assistant Halo, installé d'office sur les téléphones "
             "du groupe et seul autorisé à lire messages et agendas.",
             "Le constructeur risque une amende pouvant atteindre 10 % de son chiffre d'affaires "
             "mondial. Les conclusions sont attendues d'ici un an."]),
    dict(outlet="northbridge", slug="nexa-halo-dma-probe", story="nexa-investigation",
         date="2027-01-13T07:00:00+00:00", author="Oliver Grant",
         title="Why Brussels is taking aim at the assistant on your phone",
         paragraphs=[
             "Open a new Nexa phone and Halo is already there, listening for its wake word. For "
             "Brussels, that convenience may be a lock-in.",
             "The Commission's probe under the Digital Markets Act will test whether gatekeepers "
             "must let users pick a rival assistant with the same access to their data.",
             "A similar choice screen for web browsers, imposed in 2024, doubled the market share "
             "of smaller browsers in some countries."]),
    dict(outlet="daily-compute", slug="nexa-n2-chip", story="nexa-chip",
         date="2027-01-14T16:00:00+00:00", author="Ben Caldwell",
         title="Nexa unveils N2, its first in-house AI chip for phones",
         paragraphs=[
             "Nexa introduced the N2 on Thursday, a phone processor with a neural engine that runs "
             "a 7-billion-parameter model on the device, which the company says makes Halo twice "
             "as fast while using 40% less battery.",
             "The chip is made on a 2-nanometre process and will ship in Nexa's spring phones.",
             "The launch comes two days after the European Commission opened an investigation "
             "into the Halo assistant."]),
    dict(outlet="quotidien-numerique", slug="nexa-puce-n2", story="nexa-chip",
         date="2027-01-15T08:00:00+01:00", author="Julien Ferrand",
         title="Avec sa puce N2, Nexa veut faire tourner l'IA sans le nuage",
         paragraphs=[
             "Nexa dessine désormais ses propres processeurs. Le N2, gravé en 2 nanomètres, "
             "fait tourner un modèle de 7 milliards de paramètres directement sur le téléphone.",
             "Le constructeur promet une autonomie préservée : 40 % de batterie en moins "
             "consommée par son assistant. Les premiers appareils équipés arriveront au printemps."]),

    # a dubbing strike, told differently in each language
    dict(outlet="observateur-machines", slug="greve-comediens-doublage-voix", story="dubbing-strike",
         date="2027-01-13T10:00:00+01:00", author="Nadia Chérif",
         title="Les comédiens de doublage en grève contre le clonage de leurs voix",
         paragraphs=[
             "Plus aucune série américaine ne sera doublée en français à partir de lundi : le "
             "Syndicat des artistes-interprètes appelle à une grève illimitée des studios.",
             "Les comédiens exigent une clause interdisant l'utilisation de leurs enregistrements "
             "pour entraîner des voix de synthèse, et une rémunération lorsque leur timbre est "
             "imité.",
             "Selon le syndicat, 1 500 professionnels vivent du doublage en France."]),
    dict(outlet="gazette-algorithmes", slug="doublage-voix-synthese-greve", story="dubbing-strike",
         date="2027-01-13T16:00:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Doublage : les voix françaises des stars cessent le travail",
         paragraphs=[
             "Derrière les acteurs d'Hollywood, il y a des voix françaises, et elles se taisent. "
             "Le mouvement, lancé par le Syndicat des artistes-interprètes, vise les studios qui "
             "refusent d'encadrer les voix de synthèse.",
             "Les plateformes de vidéo à la demande pourraient voir leurs sorties retardées."]),
    dict(outlet="signal-noise", slug="french-dubbing-actors-strike", story="dubbing-strike",
         date="2027-01-13T12:00:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="France's dubbing actors walk out over AI voice cloning",
         paragraphs=[
             "About 1,500 voice actors who dub films and series into French began an open-ended "
             "strike, demanding that studios stop training synthetic voices on their recordings.",
             "Streaming services may have to delay French versions of new releases."]),

    # an electricity forecast
    dict(outlet="harbor-wire", slug="data-centres-us-electricity-forecast", story="power-forecast",
         date="2027-01-14T11:00:00+00:00", author="Dana Whitcombe",
         title="AI data centres could use 9% of US electricity by 2030, study says",
         paragraphs=[
             "WASHINGTON — Data centres could consume 9% of the electricity generated in the United "
             "States by 2030, up from about 4.5% today, according to a forecast by the Grid Research "
             "Institute published on Wednesday.",
             "The institute said AI training and inference account for most of the growth and urged "
             "utilities to plan new transmission lines now."]),
    dict(outlet="anf", slug="centres-donnees-electricite-etats-unis", story="power-forecast",
         date="2027-01-14T18:00:00+01:00", author="ANF", author_slug="anf",
         title="États-Unis : les centres de données pourraient avaler 9 % de l'électricité en 2030",
         paragraphs=[
             "WASHINGTON (ANF) — La part de la production électrique américaine consommée par les "
             "centres de données pourrait doubler d'ici 2030, pour atteindre 9 %, selon le Grid "
             "Research Institute.",
             "L'intelligence artificielle explique l'essentiel de cette hausse."]),

    # humanoid robots in warehouses
    dict(outlet="daily-compute", slug="kaito-humanoids-warehouses", story="kaito-robots",
         date="2027-01-12T13:00:00+00:00", author="Ben Caldwell",
         title="Kaito Robotics puts 500 humanoids to work in logistics warehouses",
         paragraphs=[
             "Osaka-based Kaito Robotics said 500 of its humanoid robots are now moving boxes in "
             "warehouses run by the logistics group Tenma, the largest deployment of its kind.",
             "Each robot costs about $90,000 and works two shifts, the company said."]),
    dict(outlet="echo-tech", slug="kaito-robotics-humanoides-entrepots", story="kaito-robots",
         date="2027-01-12T17:00:00+01:00", author="Hugo Perrin",
         title="Des humanoïdes japonais dans les entrepôts : Kaito Robotics passe à l'échelle",
         paragraphs=[
             "Cinq cents robots à forme humaine déplacent désormais des cartons chez le logisticien "
             "Tenma. Leur fabricant, Kaito Robotics, revendique le plus grand déploiement au monde.",
             "Chaque machine coûte environ 90 000 dollars."]),

    # an exam board and AI-written coursework
    dict(outlet="northbridge", slug="exam-board-ai-coursework", story="exam-ai-rules",
         date="2027-01-15T08:00:00+00:00", author="Grace Holloway",
         title="Exam board will void coursework written with AI chatbots",
         paragraphs=[
             "Students in England whose coursework is found to have been written by a chatbot will "
             "receive a mark of zero, the Northern Examinations Board said, in the strictest policy "
             "yet from a British exam body.",
             "Teachers will have to sign a declaration that each piece is the pupil's own work."]),
    dict(outlet="quotidien-numerique", slug="angleterre-examens-devoirs-ia", story="exam-ai-rules",
         date="2027-01-15T12:00:00+01:00", author="Inès Marchal",
         title="En Angleterre, un zéro pour les devoirs rédigés par une IA",
         paragraphs=[
             "Outre-Manche, le Northern Examinations Board durcit le ton : tout travail noté "
             "rédigé par un agent conversationnel vaudra zéro à son auteur.",
             "Les enseignants devront attester par écrit de l'authenticité des copies."]),

    # a funding round
    dict(outlet="signal-noise", slug="lumio-translation-earbuds", story="lumio-funding",
         date="2027-01-14T09:00:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="Lumio raises $45 million for earbuds that translate as you listen",
         paragraphs=[
             "Lisbon startup Lumio has raised $45 million for earbuds that translate speech between "
             "40 languages with less than a second of delay, running a compact model on the device.",
             "The round was led by Atlantic Bridge Fund."]),
    dict(outlet="observateur-machines", slug="lumio-ecouteurs-traducteurs", story="lumio-funding",
         date="2027-01-14T15:00:00+01:00", author="Thomas Lévêque",
         title="Lumio lève 45 millions de dollars pour ses écouteurs traducteurs",
         paragraphs=[
             "Entendre un interlocuteur japonais en français, avec moins d'une seconde de décalage : "
             "c'est la promesse de Lumio, jeune pousse lisboète qui lève 45 millions de dollars.",
             "Ses écouteurs gèrent 40 langues sans connexion."]),

    # single articles
    dict(outlet="anf", slug="la-poste-agents-ia-service-client", story="poste-agents",
         date="2027-01-13T09:00:00+01:00", author="ANF", author_slug="anf",
         title="La Poste confie une partie de son service client à des agents d'IA",
         paragraphs=[
             "PARIS (ANF) — La Poste va traiter par des agents d'intelligence artificielle les "
             "réclamations simples sur le suivi des colis, a annoncé le groupe, qui assure qu'aucun "
             "poste ne sera supprimé."]),
    dict(outlet="harbor-wire", slug="singapore-chip-smuggling", story="chip-smuggling",
         date="2027-01-15T06:00:00+00:00", author="Ken Osei",
         title="Singapore charges three over smuggling of AI servers",
         paragraphs=[
             "SINGAPORE — Prosecutors charged three people with falsifying export documents for "
             "servers fitted with restricted AI accelerators worth $390 million."]),
]
