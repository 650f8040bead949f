"""Sample corpus, part B: regulation, funding, energy, elections, open models, health, single events.

Every article, outlet, company and person here is fictional, written for demain's tests.
"""

ARTICLES_B = [
    # --- ai-act-deadline: the Commission keeps the August 2027 date ---------------------------
    dict(outlet="anf", slug="ia-act-calendrier-maintenu", story="ai-act-deadline",
         date="2026-11-24T11:20:00+01:00", author="ANF", author_slug="anf",
         title="Règlement sur l'IA : Bruxelles maintient l'échéance d'août 2027",
         paragraphs=[
             "BRUXELLES (ANF) — La Commission européenne a refusé mardi de repousser l'entrée en "
             "application des obligations du règlement sur l'intelligence artificielle pour les "
             "systèmes à haut risque, fixée au 2 août 2027.",
             "Une coalition de 46 entreprises avait demandé un moratoire de deux ans.",
             "« Le calendrier est connu depuis longtemps », a déclaré la commissaire Elke Marren. "
             "Les amendes peuvent atteindre 3 % du chiffre d'affaires mondial."]),
    dict(outlet="gazette-algorithmes", slug="ai-act-pas-de-moratoire", story="ai-act-deadline",
         date="2026-11-24T15:00:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="AI Act : pas de moratoire pour les systèmes à haut risque",
         paragraphs=[
             "Il n'y aura pas de pause. Elke Marren, commissaire chargée du numérique, a confirmé "
             "que les règles sur les systèmes d'IA à haut risque s'appliqueront le 2 août 2027.",
             "Recrutement, crédit, éducation, dispositifs médicaux : les fournisseurs devront "
             "documenter leurs données, assurer un contrôle humain et enregistrer leurs systèmes "
             "dans une base européenne.",
             "La lettre ouverte de 46 industriels réclamant un report de deux ans n'a donc pas "
             "convaincu. Les sanctions peuvent monter à 3 % du chiffre d'affaires mondial."]),
    dict(outlet="echo-tech", slug="ia-haut-risque-echeance-2027", story="ai-act-deadline",
         date="2026-11-25T08:40:00+01:00", author="Sarah Benhamou",
         title="IA à haut risque : les entreprises ont vingt mois pour se conformer",
         paragraphs=[
             "Les start-up européennes qui espéraient un sursis devront s'organiser. Bruxelles a "
             "confirmé la date du 2 août 2027 pour les obligations visant l'IA à haut risque.",
             "Les cabinets de conseil constatent une hausse des demandes d'audit depuis l'annonce "
             "de la commissaire Elke Marren.",
             "Les normes techniques harmonisées, attendues au printemps, restent la principale "
             "inconnue pour les fournisseurs."]),
    dict(outlet="circuit-ledger", slug="eu-ai-act-no-delay", story="ai-act-deadline",
         date="2026-11-24T14:10:00+00:00", author="Priya Raman",
         title="EU refuses to delay AI Act rules for high-risk systems",
         paragraphs=[
             "The European Commission on Tuesday rejected calls to postpone the AI Act's obligations "
             "for high-risk systems, which will apply from August 2, 2027.",
             "Forty-six companies had signed a letter asking for a two-year pause, arguing that "
             "technical standards were not ready.",
             "Commissioner Elke Marren said the timetable had been known for years. Providers that "
             "break the rules face fines of up to 3% of global turnover."]),
    dict(outlet="northbridge", slug="brussels-holds-ai-rules-timetable", story="ai-act-deadline",
         date="2026-11-25T06:30:00+00:00", author="Oliver Grant",
         title="Brussels holds the line on artificial intelligence timetable",
         paragraphs=[
             "Employers that use software to screen job applicants, banks that score borrowers and "
             "universities that grade exams with algorithms have until August 2027 to comply with "
             "Europe's new rules.",
             "The commissioner in charge, Elke Marren, dismissed an industry request for a "
             "moratorium, saying companies had been warned long ago.",
             "Lobbyists said they would now press for lighter guidance rather than a delay."]),

    # --- helixa-funding: a startup round, with two amounts -------------------------------------
    dict(outlet="observateur-machines", slug="helixa-leve-480-millions", story="helixa-funding",
         date="2026-11-23T07:30:00+01:00", author="Nadia Chérif",
         title="La biotech parisienne Helixa lève 480 millions d'euros",
         paragraphs=[
             "Helixa, qui conçoit des médicaments avec l'aide de modèles d'intelligence "
             "artificielle, annonce une levée de fonds de 480 millions d'euros, menée par le fonds "
             "Corvane Partners.",
             "L'opération valorise la jeune pousse parisienne 5,2 milliards d'euros. Fondée en 2021 "
             "par Léa Fontaine et Karim Dali, elle emploie 340 personnes.",
             "Les fonds serviront à conduire deux molécules jusqu'aux essais cliniques de phase 2."]),
    dict(outlet="quotidien-numerique", slug="helixa-serie-c", story="helixa-funding",
         date="2026-11-23T09:00:00+01:00", author="Inès Marchal",
         title="Helixa, nouvelle licorne de la santé, boucle sa série C",
         paragraphs=[
             "Nouveau tour de table record dans la French Tech : Helixa a réuni 450 millions "
             "d'euros auprès de Corvane Partners et de ses investisseurs historiques.",
             "Sa cofondatrice, Léa Fontaine, veut faire de Paris une capitale de la découverte de "
             "médicaments assistée par ordinateur.",
             "La société vise deux essais de phase 2 d'ici 2028."]),
    dict(outlet="signal-noise", slug="helixa-raises-series-c", story="helixa-funding",
         date="2026-11-23T10:15:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="Helixa raises €480 million to take AI-designed drugs into the clinic",
         paragraphs=[
             "Paris-based Helixa has raised €480 million in a series C round led by Corvane "
             "Partners, valuing the drug-discovery company at €5.2 billion.",
             "Co-founders Léa Fontaine and Karim Dali say the money will fund phase 2 trials for "
             "two candidates, one for fibrosis and one for a rare liver disease.",
             "It is one of the largest rounds for a European AI company this year."]),
    dict(outlet="daily-compute", slug="helixa-funding-round", story="helixa-funding",
         date="2026-11-23T13:30:00+00:00", author="Ben Caldwell",
         title="French AI drug designer Helixa lands mega-round",
         paragraphs=[
             "Corvane Partners led a €480 million investment in Helixa, the French company that "
             "designs drug molecules with generative models.",
             "The deal puts Helixa among Europe's most valuable AI startups, with a €5.2 billion "
             "valuation and 340 employees."]),

    # --- meridian-nuclear: a cloud company buys power from small reactors ----------------------
    dict(outlet="circuit-ledger", slug="meridian-cloud-atollo-smr-deal", story="meridian-nuclear",
         date="2026-11-25T12:00:00+00:00", author="Priya Raman",
         title="Meridian Cloud signs 500 MW deal with reactor startup Atollo Energy",
         paragraphs=[
             "Meridian Cloud agreed to buy 500 megawatts of power from small modular reactors built "
             "by Atollo Energy, the companies said on Wednesday.",
             "The first reactor is due to start in 2032 near an existing nuclear site in Ohio. The "
             "price was not disclosed.",
             "Meridian needs firm, low-carbon power for its AI data centres, whose demand has "
             "doubled in two years."]),
    dict(outlet="harbor-wire", slug="meridian-nuclear-power-agreement", story="meridian-nuclear",
         date="2026-11-25T11:30:00+00:00", author="Dana Whitcombe",
         title="Meridian Cloud turns to small reactors to power AI",
         paragraphs=[
             "Meridian Cloud signed a power purchase agreement with Atollo Energy covering 500 "
             "megawatts from small modular reactors, with first power expected in 2032.",
             "Atollo has not yet received a construction licence from the Nuclear Regulatory "
             "Commission, a step that usually takes several years."]),
    dict(outlet="echo-tech", slug="meridian-cloud-nucleaire", story="meridian-nuclear",
         date="2026-11-25T17:45:00+01:00", author="Hugo Perrin",
         title="Meridian Cloud mise sur les petits réacteurs nucléaires",
         paragraphs=[
             "Le géant de l'hébergement Meridian Cloud s'engage à acheter 500 MW d'électricité à "
             "la jeune entreprise Atollo Energy, qui développe des petits réacteurs modulaires.",
             "La première unité doit entrer en service en 2032 dans l'Ohio, sous réserve de "
             "l'autorisation de l'autorité de sûreté américaine.",
             "Les besoins électriques de ses centres de données dédiés à l'IA ont doublé en deux ans."]),

    # --- deepfake-election: FR and EN with little lexical overlap -----------------------------
    dict(outlet="northbridge", slug="fake-audio-new-brunswick-vote", story="deepfake-election",
         date="2026-11-21T09:00:00+00:00", author="Oliver Grant",
         title="Fake recording of candidate spreads on eve of provincial vote",
         paragraphs=[
             "A fabricated voice recording in which Marguerite Allain appears to admit to buying "
             "votes circulated widely on Friday, two days before New Brunswick goes to the polls.",
             "Forensic analysts said the clip was synthetic. The messaging service that hosted it "
             "removed it after it had been played about 300,000 times.",
             "Allain called the recording a crude forgery and filed a complaint with police."]),
    dict(outlet="observateur-machines", slug="hypertrucage-election-acadie", story="deepfake-election",
         date="2026-11-21T13:30:00+01:00", author="Nadia Chérif",
         title="Au Nouveau-Brunswick, un hypertrucage sonore à quarante-huit heures du scrutin",
         paragraphs=[
             "La voix est la sienne, les mots ne le sont pas. Un enregistrement contrefait prête à "
             "la candidate Marguerite Allain l'aveu d'un achat de suffrages.",
             "Écouté quelque 300 000 fois sur une messagerie avant d'en être retiré, le montage "
             "a été généré par un logiciel de clonage vocal, selon des experts.",
             "L'intéressée dénonce une manipulation grossière et a porté plainte."]),
    dict(outlet="anf", slug="faux-audio-candidate-acadienne", story="deepfake-election",
         date="2026-11-21T16:00:00+01:00", author="ANF", author_slug="anf",
         title="Canada : une candidate visée par un faux enregistrement",
         paragraphs=[
             "MONCTON (ANF) — Une élue acadienne, Marguerite Allain, a porté plainte vendredi après "
             "la diffusion d'un faux message vocal la mettant en cause, à deux jours des élections "
             "provinciales.",
             "L'extrait, fabriqué par intelligence artificielle selon des spécialistes, a été "
             "supprimé par la plateforme qui l'hébergeait."]),

    # --- brume-open-weights: a French lab releases an open model ------------------------------
    dict(outlet="echo-tech", slug="brume-ai-modele-ouvert", story="brume-open-weights",
         date="2026-11-26T10:00:00+01:00", author="Hugo Perrin",
         title="Le lyonnais Brume AI publie Brume-12B en poids ouverts",
         paragraphs=[
             "Brume AI a mis en ligne mercredi Brume-12B, un modèle de 12 milliards de paramètres "
             "dont les poids sont publiés sous licence Apache 2.0.",
             "Entraîné sur 9 000 milliards de jetons, dont un tiers en français, il a été conçu sur "
             "le supercalculateur public Calliope.",
             "Son fondateur, Antoine Rivière, revendique les meilleurs résultats de sa catégorie sur "
             "les tests en langue française."]),
    dict(outlet="quotidien-numerique", slug="brume-12b-souverainete", story="brume-open-weights",
         date="2026-11-26T12:30:00+01:00", author="Julien Ferrand",
         title="Brume-12B, un modèle français que chacun peut télécharger",
         paragraphs=[
             "La communauté du logiciel libre a un nouveau jouet. Brume AI, installée à Lyon, "
             "distribue gratuitement son modèle Brume-12B.",
             "Antoine Rivière, son fondateur, a choisi la licence Apache 2.0 pour permettre un "
             "usage commercial sans restriction.",
             "Le calcul a été fourni par Calliope, la machine publique de recherche."]),
    dict(outlet="signal-noise", slug="brume-12b-open-weights", story="brume-open-weights",
         date="2026-11-26T11:00:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="Brume-12B: a French open-weights model aimed at European languages",
         paragraphs=[
             "Lyon-based Brume AI released Brume-12B, a 12-billion-parameter model, with weights "
             "under the Apache 2.0 licence.",
             "The model was trained on 9 trillion tokens, a third of them in French, using time on "
             "the Calliope public supercomputer.",
             "Founder Antoine Rivière said the company would sell support contracts and fine-tuning "
             "services rather than access to the model."]),
    dict(outlet="harbor-wire", slug="brume-ai-releases-model", story="brume-open-weights",
         date="2026-11-26T09:15:00+00:00", author="Ken Osei",
         title="France's Brume AI releases free 12-billion-parameter model",
         paragraphs=[
             "LYON — French startup Brume AI on Wednesday released Brume-12B, a language model "
             "whose weights anyone can download and use commercially under the Apache 2.0 licence.",
             "The company said it trained the model on 9 trillion tokens on Calliope, a "
             "publicly funded supercomputer.",
             "Brume AI raised €40 million earlier this year."]),
    dict(outlet="daily-compute", slug="brume-ai-releases-model", story="brume-open-weights",
         date="2026-11-26T10:40:00+00:00", author="Harbor Wire",
         copy_of=("harbor-wire", "brume-ai-releases-model"),
         credit="Distributed by Harbor Wire."),

    # --- mammography-trial: FR and EN with little lexical overlap -----------------------------
    dict(outlet="signal-noise", slug="aarhus-mammography-ai-trial", story="mammography-trial",
         date="2026-11-20T08:00:00+00:00", author="Grace Holloway", author_slug="grace-holloway",
         title="AI-assisted screening finds 20% more breast cancers in Danish trial",
         paragraphs=[
             "A randomised trial of 104,000 women in Aarhus found that AI-supported mammography "
             "detected 20% more cancers than standard double reading, without raising the rate of "
             "false alarms.",
             "Radiologists' reading workload fell by 44%, the authors reported in The Lancet "
             "Digital Health.",
             "The lead investigator, Dr Sofie Lindqvist, cautioned that longer follow-up is needed "
             "to know whether the extra cancers would have caused harm."]),
    dict(outlet="gazette-algorithmes", slug="depistage-sein-essai-danois", story="mammography-trial",
         date="2026-11-20T17:30:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Dépistage : au Danemark, l'algorithme repère un cinquième de tumeurs en plus",
         paragraphs=[
             "Cent quatre mille patientes, deux groupes tirés au sort : à Aarhus, l'étude la plus "
             "vaste jamais menée sur le sujet donne l'avantage à la lecture assistée par ordinateur.",
             "Avec l'outil, les médecins ont diagnostiqué 20 % de lésions malignes supplémentaires, "
             "sans davantage de rappels inutiles, et ont passé 44 % de temps en moins sur les "
             "clichés.",
             "Sofie Lindqvist, qui a dirigé les travaux, appelle toutefois à la prudence."]),
    dict(outlet="northbridge", slug="ai-breast-screening-study", story="mammography-trial",
         date="2026-11-21T07:00:00+00:00", author="Grace Holloway",
         title="Could software ease the radiologist shortage? A Danish study says yes",
         paragraphs=[
             "Health services short of radiologists will study the Aarhus results closely: reading "
             "time dropped by 44% when an algorithm pre-sorted images.",
             "The trial, which followed 104,000 women, also found 20% more cancers.",
             "Dr Sofie Lindqvist said the next step is to measure outcomes over several years."]),

    # --- meridian-outage: same company as meridian-nuclear, two days later ---------------------
    dict(outlet="daily-compute", slug="meridian-cloud-outage-europe", story="meridian-outage",
         date="2026-11-27T16:00:00+00:00", author="Ben Caldwell",
         title="Meridian Cloud outage knocks AI assistants offline across Europe",
         paragraphs=[
             "A six-hour outage at Meridian Cloud's Frankfurt region took down chatbots, coding "
             "assistants and customer-service bots across Europe on Friday.",
             "The company blamed a faulty configuration change to its internal network and said no "
             "data was lost.",
             "Several banks reported that their virtual agents were unavailable during the morning."]),
    dict(outlet="echo-tech", slug="panne-meridian-cloud", story="meridian-outage",
         date="2026-11-27T18:20:00+01:00", author="Hugo Perrin",
         title="Panne géante chez Meridian Cloud : les assistants d'IA muets pendant six heures",
         paragraphs=[
             "Vendredi matin, de nombreux services d'intelligence artificielle sont devenus "
             "inaccessibles en Europe. En cause : une panne de six heures dans la région de "
             "Francfort de Meridian Cloud.",
             "L'hébergeur évoque une modification de configuration défectueuse de son réseau "
             "interne et assure qu'aucune donnée n'a été perdue."]),
    dict(outlet="observateur-machines", slug="dependance-cloud-panne", story="meridian-outage",
         date="2026-11-28T08:00:00+01:00", author="Thomas Lévêque",
         title="La panne de Meridian Cloud révèle notre dépendance aux hébergeurs américains",
         paragraphs=[
             "Six heures sans agents conversationnels ni assistants de programmation : l'incident "
             "survenu vendredi chez Meridian Cloud relance le débat sur la souveraineté.",
             "Des banques et des administrations européennes ont vu leurs services tomber en même "
             "temps, faute de solution de secours.",
             "Le groupe a présenté ses excuses et promis un rapport détaillé sous dix jours."]),

    # --- arcturus-dresden: same chipmaker as the export rule, a week later ---------------------
    dict(outlet="signal-noise", slug="arcturus-delays-dresden-fab", story="arcturus-dresden",
         date="2026-11-24T09:30:00+00:00", author="Grace Holloway", author_slug="grace-holloway",
         title="Arcturus Semiconductor delays its Dresden fab by 18 months",
         paragraphs=[
             "Arcturus Semiconductor will open its factory in Dresden 18 months later than planned, "
             "the company said on Monday, citing weaker demand for automotive chips.",
             "The €11 billion project was meant to start production in 2028. Germany had promised "
             "€4 billion in subsidies.",
             "Saxony's economy minister said the region still expected the plant to be built."]),
    dict(outlet="gazette-algorithmes", slug="arcturus-dresde-report", story="arcturus-dresden",
         date="2026-11-24T14:45:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Arcturus Semiconductor repousse de 18 mois son usine de Dresde",
         paragraphs=[
             "Le fabricant de puces Arcturus Semiconductor décale l'ouverture de son usine de Dresde, "
             "en Allemagne, d'un an et demi.",
             "Le chantier de 11 milliards d'euros, soutenu par 4 milliards d'aides publiques, devait "
             "produire ses premières puces en 2028.",
             "La direction invoque un ralentissement du marché automobile."]),
    dict(outlet="harbor-wire", slug="arcturus-dresden-delay", story="arcturus-dresden",
         date="2026-11-24T08:50:00+00:00", author="Dana Whitcombe",
         title="Arcturus pushes back German chip plant as car demand cools",
         paragraphs=[
             "FRANKFURT — Arcturus Semiconductor postponed the start of production at its planned "
             "Dresden plant to 2030, blaming a slowdown in orders from carmakers.",
             "The German government said its subsidy commitment of €4 billion stood, subject to "
             "the new timetable."]),

    # --- quebec-tutor: a two-article event -----------------------------------------------------
    dict(outlet="anf", slug="quebec-tuteur-ia-ecoles", story="quebec-tutor",
         date="2026-11-18T15:00:00+01:00", author="ANF", author_slug="anf",
         title="Le Québec teste un tuteur virtuel dans 40 écoles secondaires",
         paragraphs=[
             "QUÉBEC (ANF) — Le ministère de l'Éducation du Québec va expérimenter, dès janvier, un "
             "tuteur fondé sur l'intelligence artificielle dans 40 écoles secondaires.",
             "L'outil, baptisé Mentorat+, aidera les élèves en mathématiques et en français. Les "
             "syndicats d'enseignants demandent des garanties sur les données personnelles."]),
    dict(outlet="northbridge", slug="quebec-ai-tutor-pilot", story="quebec-tutor",
         date="2026-11-18T20:00:00+00:00", author="Oliver Grant",
         title="Quebec to pilot AI tutoring in 40 high schools",
         paragraphs=[
             "Quebec's education ministry will test an AI tutor called Mentorat+ in 40 secondary "
             "schools from January, focusing on maths and French.",
             "Teachers' unions want assurances about how pupils' data will be stored."]),

    # --- wildfire-satellites: a two-article event ----------------------------------------------
    dict(outlet="harbor-wire", slug="portugal-wildfire-ai-satellites", story="wildfire-satellites",
         date="2026-11-22T10:00:00+00:00", author="Ken Osei",
         title="Portugal to use AI on satellite images to spot wildfires within minutes",
         paragraphs=[
             "LISBON — Portugal's civil protection agency will use an AI system that scans "
             "satellite images every ten minutes to detect wildfires, the government said.",
             "The system, built by the startup Sentinela, flagged 92% of fires in a trial last "
             "summer before the first emergency call."]),
    dict(outlet="observateur-machines", slug="portugal-incendies-satellites", story="wildfire-satellites",
         date="2026-11-22T18:00:00+01:00", author="Nadia Chérif",
         title="Incendies : le Portugal confie la surveillance du ciel à un algorithme",
         paragraphs=[
             "Toutes les dix minutes, des images satellitaires seront passées au crible pour "
             "repérer les départs de feu. La protection civile portugaise adopte l'outil de la "
             "jeune pousse Sentinela.",
             "Lors d'un essai l'été dernier, 92 % des incendies avaient été signalés avant le premier "
             "appel aux secours."]),

    # --- single-article events ------------------------------------------------------------------
    dict(outlet="quotidien-numerique", slug="mijot-robot-cuisinier-liquidation", story="mijot-closure",
         date="2026-11-17T12:00:00+01:00", author="Inès Marchal",
         title="Mijot, la start-up lyonnaise des robots cuisiniers, placée en liquidation",
         paragraphs=[
             "Mijot, qui promettait des cuisines de restaurant automatisées, a été placée en "
             "liquidation judiciaire. Ses 45 salariés seront licenciés.",
             "La société n'avait installé que six robots en trois ans, loin de son objectif de cent."]),
    dict(outlet="circuit-ledger", slug="translators-survey-income", story="translators-survey",
         date="2026-11-19T10:00:00+00:00", author="Priya Raman",
         title="38% of freelance translators say AI has cut their income",
         paragraphs=[
             "More than a third of freelance translators say machine translation has reduced their "
             "earnings, according to a survey of 2,100 professionals by the Guild of Literary "
             "Translators.",
             "Technical and marketing translators were the hardest hit; literary translators "
             "reported smaller losses."]),
    dict(outlet="gazette-algorithmes", slug="chanson-generee-top-streaming", story="ai-song-chart",
         date="2026-11-22T11:00:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Une chanson générée par IA en tête des écoutes en France",
         paragraphs=[
             "« Minuit sur le quai », interprétée par une chanteuse qui n'existe pas, s'est hissée "
             "en tête du classement hebdomadaire des écoutes en ligne.",
             "Son producteur, le label Onde Claire, revendique 4,2 millions d'écoutes en sept jours "
             "et refuse de détailler les outils utilisés."]),
    dict(outlet="echo-tech", slug="cnil-amende-reconnaissance-faciale", story="facial-recognition-fine",
         date="2026-11-26T16:30:00+01:00", author="Sarah Benhamou",
         title="Reconnaissance faciale : une amende de 2,5 millions d'euros pour Visagio",
         paragraphs=[
             "Le régulateur français des données personnelles a infligé une amende de 2,5 millions "
             "d'euros à Visagio, une société qui constituait une base de visages à partir de photos "
             "publiées en ligne.",
             "L'entreprise doit supprimer les images de résidents français sous deux mois."]),
    dict(outlet="northbridge", slug="nairobi-swahili-speech-model", story="swahili-speech",
         date="2026-11-27T09:00:00+00:00", author="Amina Otieno",
         title="Nairobi startup releases speech model for Swahili and Kikuyu",
         paragraphs=[
             "Sauti Labs, a Nairobi startup, released a speech recognition model for Swahili and "
             "Kikuyu trained on 6,000 hours of recordings gathered with community radio stations.",
             "The company says its word error rate is half that of general-purpose models in both "
             "languages."]),
]
