"""Held-out corpus for clustering: never used to choose weights, only to check them.

It is harder than the sample on purpose: several funding rounds on one day, two model releases
on one day, two data-centre stories, a lawsuit against a company that released a model the same
week, and French and English articles that are not translations of each other.
Every article, outlet, company and person here is fictional.
"""

HELDOUT = [
    # three funding rounds on the same day
    dict(outlet="echo-tech", slug="sonar-robotics-leve-120-millions", story="sonar-funding",
         date="2026-12-08T08:30:00+01:00", author="Hugo Perrin",
         title="Drones d'inspection : Sonar Robotics lève 120 millions d'euros",
         paragraphs=[
             "La société toulousaine Sonar Robotics, qui fabrique des drones capables d'inspecter "
             "seuls les lignes à haute tension et les éoliennes, annonce une série B de 120 millions "
             "d'euros.",
             "Le tour est mené par le fonds Aubrac Capital. L'entreprise compte doubler ses effectifs "
             "et ouvrir une usine près de Blagnac en 2027.",
             "Ses appareils analysent les images en vol grâce à des modèles de vision embarqués, sans "
             "connexion au réseau."]),
    dict(outlet="daily-compute", slug="sonar-robotics-series-b", story="sonar-funding",
         date="2026-12-08T11:00:00+00:00", author="Ben Caldwell",
         title="Toulouse drone maker Sonar Robotics raises €120M",
         paragraphs=[
             "Sonar Robotics has closed a €120 million series B led by Aubrac Capital to scale up "
             "production of autonomous inspection drones used by grid operators and wind farms.",
             "The drones run computer-vision models on board, so they can spot a cracked insulator "
             "without sending footage to the cloud. A factory near Blagnac is planned for 2027."]),
    dict(outlet="observateur-machines", slug="pixelia-video-publicitaire", story="pixelia-funding",
         date="2026-12-08T07:45:00+01:00", author="Nadia Chérif",
         title="Pixelia convainc les investisseurs avec ses publicités générées",
         paragraphs=[
             "Quinze secondes de film publicitaire, produites en quelques minutes : c'est la promesse "
             "de Pixelia, qui vient de lever 85 millions d'euros.",
             "La jeune entreprise parisienne, fondée par Chloé Varenne, revendique 900 marques "
             "clientes. Les agences de création s'inquiètent pour leurs métiers.",
             "Le fonds américain Redwater Ventures mène l'opération."]),
    dict(outlet="signal-noise", slug="pixelia-raises-85m", story="pixelia-funding",
         date="2026-12-08T10:30:00+00:00", author="Mateo Alvarez", author_slug="mateo-alvarez",
         title="Pixelia bets on AI-generated ads with an €85 million round",
         paragraphs=[
             "Paris-based Pixelia, which turns a product photo and a brief into a short video "
             "advert, has raised €85 million from Redwater Ventures and existing backers.",
             "Chief executive Chloé Varenne says 900 brands use the tool, mostly for social media "
             "campaigns.",
             "Advertising agencies have been slower to adopt it, wary of what it means for their "
             "creative teams."]),
    dict(outlet="quotidien-numerique", slug="pixelia-tour-de-table", story="pixelia-funding",
         date="2026-12-08T12:10:00+01:00", author="Inès Marchal",
         title="La vidéo générative de Pixelia séduit Redwater Ventures",
         paragraphs=[
             "Après Sonar Robotics le matin, c'est au tour de Pixelia d'annoncer une levée : 85 "
             "millions d'euros pour cette spécialiste des spots publicitaires générés par IA.",
             "Chloé Varenne, sa fondatrice, veut s'implanter aux États-Unis dès le printemps."]),
    dict(outlet="harbor-wire", slug="quill-health-funding", story="quill-funding",
         date="2026-12-08T14:00:00+00:00", author="Ken Osei",
         title="London's Quill Health raises $60 million for AI medical scribe",
         paragraphs=[
             "LONDON — Quill Health, whose software listens to consultations and drafts the "
             "doctor's notes, raised $60 million in a round led by Thamesbank Partners.",
             "The startup says its scribe is used in 240 general practices and saves each doctor "
             "about an hour a day."]),
    dict(outlet="gazette-algorithmes", slug="quill-health-scribe-medical", story="quill-funding",
         date="2026-12-08T18:00:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Au Royaume-Uni, un assistant qui rédige les comptes rendus des médecins",
         paragraphs=[
             "Une heure gagnée chaque jour par praticien : c'est ce qu'affirme Quill Health, dont "
             "le logiciel écoute la consultation puis rédige la note clinique.",
             "La jeune pousse londonienne a obtenu 60 millions de dollars. Elle équipe déjà 240 "
             "cabinets de médecine générale outre-Manche."]),

    # two model releases on the same day
    dict(outlet="circuit-ledger", slug="tarn-2-open-model", story="tarn-release",
         date="2026-12-09T09:00:00+00:00", author="Priya Raman",
         title="Berlin's Tarn AI releases Tarn 2, a 70-billion-parameter open model",
         paragraphs=[
             "Tarn AI published the weights of Tarn 2 on Wednesday, a 70-billion-parameter model "
             "that the Berlin company says matches closed systems on coding tests.",
             "The licence allows commercial use for companies with fewer than 700 million users.",
             "Tarn 2 was trained on 15 trillion tokens; the company did not disclose its compute "
             "budget."]),
    dict(outlet="echo-tech", slug="tarn-2-modele-ouvert-berlin", story="tarn-release",
         date="2026-12-09T13:20:00+01:00", author="Sarah Benhamou",
         title="L'allemand Tarn AI ouvre les poids de son nouveau modèle",
         paragraphs=[
             "Soixante-dix milliards de paramètres, téléchargeables par tous : la start-up "
             "berlinoise Tarn AI a publié mercredi Tarn 2.",
             "Elle affirme rivaliser avec les modèles fermés pour la programmation, mais réserve "
             "l'usage gratuit aux entreprises de moins de 700 millions d'utilisateurs."]),
    dict(outlet="harbor-wire", slug="tarn-ai-model-weights", story="tarn-release",
         date="2026-12-09T08:40:00+00:00", author="Dana Whitcombe",
         title="German startup Tarn AI makes its new model free to download",
         paragraphs=[
             "BERLIN — Tarn AI released Tarn 2, a large language model whose weights are free to "
             "download, trained on 15 trillion tokens.",
             "Chief executive Jonas Albrecht said openness was Europe's best answer to American "
             "and Chinese labs."]),
    dict(outlet="daily-compute", slug="orion-vega-reasoner", story="vega-release",
         date="2026-12-09T17:30:00+00:00", author="Ben Caldwell",
         title="Orion Systems launches Vega Reasoner for paying customers",
         paragraphs=[
             "Orion Systems introduced Vega Reasoner on Wednesday, a model that spends extra time "
             "thinking before it answers maths and science questions.",
             "It is available only through the company's paid plans, at $40 a month, and through "
             "its API. Orion says it solves 83% of a benchmark of olympiad problems."]),
    dict(outlet="quotidien-numerique", slug="vega-reasoner-orion", story="vega-release",
         date="2026-12-10T07:30:00+01:00", author="Julien Ferrand",
         title="Vega Reasoner, l'IA d'Orion Systems qui prend son temps",
         paragraphs=[
             "Le californien Orion Systems a dévoilé mercredi soir Vega Reasoner, un modèle qui "
             "« réfléchit » plus longtemps avant de répondre.",
             "Réservé aux abonnés payants, à 40 dollars par mois, il résoudrait 83 % des problèmes "
             "d'un test de niveau olympiade."]),

    # the same company, the same week, a different event
    dict(outlet="northbridge", slug="lakeside-gazette-sues-orion", story="orion-lawsuit",
         date="2026-12-11T10:00:00+00:00", author="Oliver Grant",
         title="Newspaper group sues Orion Systems over scraped archives",
         paragraphs=[
             "The Lakeside Gazette group sued Orion Systems in federal court in Chicago on Friday, "
             "alleging the company copied 3 million of its articles to train its models.",
             "The complaint cites answers from Orion's assistant that reproduce paragraphs of "
             "paywalled stories word for word.",
             "Orion said it respects publishers and would defend itself."]),
    dict(outlet="anf", slug="lakeside-gazette-plainte-orion", story="orion-lawsuit",
         date="2026-12-11T19:00:00+01:00", author="ANF", author_slug="anf",
         title="Un groupe de presse américain attaque Orion Systems",
         paragraphs=[
             "CHICAGO (ANF) — Le groupe Lakeside Gazette a porté plainte vendredi contre Orion "
             "Systems, qu'il accuse d'avoir aspiré 3 millions d'articles pour entraîner ses "
             "modèles d'intelligence artificielle.",
             "Selon la plainte, l'assistant d'Orion restitue mot pour mot des passages d'articles "
             "payants."]),

    # two data-centre stories
    dict(outlet="signal-noise", slug="nordhavn-offshore-wind-data-centre", story="nordhavn-wind",
         date="2026-12-10T09:00:00+00:00", author="Grace Holloway", author_slug="grace-holloway",
         title="Danish data centre to run on a dedicated offshore wind farm",
         paragraphs=[
             "A data centre under construction in Esbjerg will draw 400 megawatts from a dedicated "
             "offshore wind farm, its developer Nordhavn Digital said.",
             "Batteries and a grid connection will cover calm days. The first halls open in 2028."]),
    dict(outlet="gazette-algorithmes", slug="esbjerg-eolien-centre-donnees", story="nordhavn-wind",
         date="2026-12-10T16:00:00+01:00", author="Claire Montagnac", author_slug="claire-montagnac",
         title="Au Danemark, des serveurs alimentés par le vent du large",
         paragraphs=[
             "À Esbjerg, sur la côte ouest du Danemark, Nordhavn Digital construit un centre de "
             "données qui tirera 400 MW d'un parc éolien en mer qui lui sera réservé.",
             "Des batteries prendront le relais les jours sans vent."]),
    dict(outlet="harbor-wire", slug="ireland-grid-data-centre-moratorium", story="dublin-grid",
         date="2026-12-10T12:00:00+00:00", author="Dana Whitcombe",
         title="Irish grid operator halts new data-centre connections in Dublin until 2030",
         paragraphs=[
             "DUBLIN — Ireland's grid operator will not connect any new data centre in the Dublin "
             "area before 2030, citing the risk of blackouts.",
             "Data centres already use 22% of the country's electricity, more than all urban "
             "homes combined."]),
    dict(outlet="observateur-machines", slug="irlande-moratoire-centres-donnees", story="dublin-grid",
         date="2026-12-10T18:30:00+01:00", author="Thomas Lévêque",
         title="L'Irlande ferme la porte aux nouveaux centres de données autour de Dublin",
         paragraphs=[
             "Le gestionnaire du réseau électrique irlandais refuse tout nouveau raccordement de "
             "centre de données dans la région de Dublin jusqu'en 2030.",
             "Ces installations consomment déjà 22 % de l'électricité du pays."]),

    # a two-article event and two single articles
    dict(outlet="circuit-ledger", slug="uk-institute-model-evaluations", story="uk-evaluations",
         date="2026-12-11T08:00:00+00:00", author="Priya Raman",
         title="UK institute finds all five frontier models can be jailbroken",
         paragraphs=[
             "Britain's AI Security Institute published tests of five leading models and found "
             "that each could be made to give harmful instructions within an hour of effort.",
             "The institute did not name the models."]),
    dict(outlet="echo-tech", slug="royaume-uni-tests-modeles", story="uk-evaluations",
         date="2026-12-11T15:00:00+01:00", author="Hugo Perrin",
         title="Sécurité de l'IA : les cinq modèles testés par Londres ont cédé",
         paragraphs=[
             "L'institut britannique chargé de la sécurité de l'IA a soumis cinq grands modèles à "
             "des tentatives de contournement : tous ont fini par fournir des instructions "
             "dangereuses, en moins d'une heure."]),
    dict(outlet="anf", slug="marseille-port-conteneurs-ia", story="marseille-port",
         date="2026-12-09T10:00:00+01:00", author="ANF", author_slug="anf",
         title="Le port de Marseille inspecte ses conteneurs avec l'aide de l'IA",
         paragraphs=[
             "MARSEILLE (ANF) — Les douanes du port de Marseille-Fos utilisent désormais un "
             "logiciel qui analyse les images des scanners pour repérer les marchandises "
             "suspectes, a annoncé le directeur régional."]),
    dict(outlet="daily-compute", slug="ferrite-photonic-accelerator", story="ferrite-chip",
         date="2026-12-11T16:00:00+00:00", author="Ben Caldwell",
         title="Ferrite unveils a photonic accelerator for AI inference",
         paragraphs=[
             "Chip startup Ferrite showed a photonic accelerator that it says runs inference at a "
             "tenth of the energy of a GPU, with samples shipping to customers next summer."]),
]
