"""Articles written for the dedupe tests and bench/dedupe (fictional events).

Each event has two independent write-ups per language (A and B), a lightly
edited rewrite of A, and syndication wrappers (another outlet's header and
footer around the same body).
"""

EN_A = """Helvion opens a data centre in Finland that it says will run on wind power
The Paris-based AI start-up Helvion said on Tuesday that its new data centre near Oulu,
in northern Finland, would start training models in June. The site will draw 120 megawatts
at full load, enough for roughly 90,000 homes, and the company says every kilowatt-hour will
come from wind farms under long-term contracts. Helvion's chief executive, Marta Lindqvist,
told reporters that the cold climate cuts the energy spent on cooling by about 40 percent
compared with a similar building in southern Europe. The waste heat will be piped into the
district heating network of Oulu, which the city expects to cover a fifth of its winter demand.
Critics were less enthusiastic. Energy analysts at the Nordic grid operator warned that the
wind contracts do not guarantee that the turbines are turning when the servers are, and that
on still days the site will rely on the same grid as everyone else. Local residents have also
raised concerns about water: the company says it will use 1.2 billion litres a year, a figure
that environmental groups want independently audited. Helvion raised $1.4 billion last year
and plans two more sites by 2027.
"""

EN_B = """Wind, cold air and a lot of promises: inside Helvion's Finnish bet
When Helvion picked Oulu for its next computing site, the decision was about electricity
prices as much as about the weather. The French company, which builds large language models
for European banks, confirmed this week that the building will be switched on in June.
Its managers describe a campus of 120 MW fed by wind power purchase agreements, with heat
recovered for homes nearby. Not everyone is convinced. Researchers at the University of Helsinki
pointed out that annual contracts say nothing about hour-by-hour supply, and that the Finnish
grid still burns peat and gas in winter peaks. A spokesperson for a local environmental
association said the group had asked for the water figures three times without an answer;
according to documents filed with the regional authority, the cooling system could draw
1.5 billion litres each year. Helvion's founders say the site is only the first of three
planned before 2027, financed by the $1.4 billion funding round announced last spring.
Whether the region's wind farms can keep up with that growth is the question officials
will have to answer first.
"""

FR_A = """Helvion ouvre en Finlande un centre de données qu'elle dit alimenté par le vent
La start-up parisienne d'intelligence artificielle Helvion a annoncé mardi que son nouveau
centre de données, près d'Oulu, dans le nord de la Finlande, commencera à entraîner des modèles
en juin. Le site consommera 120 mégawatts à pleine charge, l'équivalent d'environ 90 000 foyers,
et l'entreprise assure que chaque kilowattheure proviendra de parcs éoliens sous contrat de long
terme. Sa directrice générale, Marta Lindqvist, explique que le climat froid réduit d'environ
40 % l'énergie dépensée pour le refroidissement par rapport à un bâtiment comparable dans le sud
de l'Europe. La chaleur fatale sera injectée dans le réseau de chaleur d'Oulu, qui compte ainsi
couvrir un cinquième de sa demande hivernale. Les critiques sont moins enthousiastes. Des
analystes du gestionnaire de réseau nordique rappellent que les contrats éoliens ne garantissent
pas que les turbines tournent quand les serveurs calculent, et que les jours sans vent le site
dépendra du même réseau que tout le monde. Des riverains s'inquiètent aussi de l'eau : l'entreprise
annonce 1,2 milliard de litres par an, un chiffre que des associations veulent faire vérifier de
façon indépendante. Helvion a levé 1,4 milliard de dollars l'an dernier et prévoit deux autres
sites d'ici 2027.
"""

FR_B = """Du vent, du froid et beaucoup de promesses : le pari finlandais d'Helvion
Si Helvion a choisi Oulu pour son prochain site de calcul, c'est autant pour le prix de
l'électricité que pour la météo. L'entreprise française, qui conçoit des grands modèles de langage
pour des banques européennes, a confirmé cette semaine une mise en service en juin. Ses dirigeants
décrivent un campus de 120 MW raccordé à des contrats d'achat d'électricité éolienne, dont la
chaleur sera récupérée pour chauffer des logements voisins. Tout le monde n'est pas convaincu.
Des chercheurs de l'université d'Helsinki soulignent que des contrats annuels ne disent rien de
l'approvisionnement heure par heure, et que le réseau finlandais brûle encore de la tourbe et du
gaz lors des pointes d'hiver. Une porte-parole d'une association locale de défense de
l'environnement affirme avoir demandé trois fois les chiffres sur l'eau, sans réponse ; selon des
documents déposés auprès de l'autorité régionale, le refroidissement pourrait prélever 1,5 milliard
de litres chaque année. Les fondateurs d'Helvion présentent ce site comme le premier de trois
prévus avant 2027, financés par la levée de 1,4 milliard de dollars annoncée au printemps dernier.
"""

# Light edits of A: another title, a few words changed, a sentence cut, one added.
EN_A_EDITED = """Helvion's new Finnish data centre will run on wind, the start-up says
The Paris-based AI start-up Helvion said on Tuesday that its new data centre near Oulu,
in northern Finland, would begin training models in June. The site will draw 120 megawatts
at full load, enough for roughly 90,000 homes, and the company says every kilowatt-hour will
come from wind farms under long-term contracts. Helvion's chief executive, Marta Lindqvist,
told journalists that the cold climate cuts the energy spent on cooling by about 40 percent
compared with a similar building in southern Europe. The waste heat will be piped into the
district heating network of Oulu, which the city expects to cover a fifth of its winter demand.
Critics were less enthusiastic. Energy analysts at the Nordic grid operator warned that the
wind contracts do not guarantee that the turbines are turning when the servers are. Local
residents have also raised concerns about water: the company says it will use 1.2 billion
litres a year, a figure that environmental groups want independently audited. Helvion did not
answer our questions about the audit. Helvion raised $1.4 billion last year and plans two more
sites by 2027.
"""

FR_A_EDITED = """Finlande : Helvion promet un centre de données alimenté par le vent
La start-up parisienne d'intelligence artificielle Helvion a annoncé mardi que son nouveau
centre de données, près d'Oulu, dans le nord de la Finlande, commencera à entraîner des modèles
dès juin. Le site consommera 120 mégawatts à pleine charge, l'équivalent d'environ 90 000 foyers,
et l'entreprise assure que chaque kilowattheure proviendra de parcs éoliens sous contrat de long
terme. Sa directrice générale, Marta Lindqvist, affirme que le climat froid réduit d'environ
40 % l'énergie dépensée pour le refroidissement par rapport à un bâtiment comparable dans le sud
de l'Europe. La chaleur fatale sera injectée dans le réseau de chaleur d'Oulu, qui compte ainsi
couvrir un cinquième de sa demande hivernale. Les critiques sont moins enthousiastes. Des
analystes du gestionnaire de réseau nordique rappellent que les contrats éoliens ne garantissent
pas que les turbines tournent quand les serveurs calculent. Des riverains s'inquiètent aussi de
l'eau : l'entreprise annonce 1,2 milliard de litres par an, un chiffre que des associations
veulent faire vérifier de façon indépendante. Contactée, Helvion n'a pas répondu. Helvion a levé
1,4 milliard de dollars l'an dernier et prévoit deux autres sites d'ici 2027.
"""

HEADERS = {
    "en": ("By Staff Writer | Wire Service | Published 12 March 2025, updated 14:05\n"
           "Share this story on social media. Listen to this article (4 min).\n"),
    "fr": ("Par la rédaction avec agence | Publié le 12 mars 2025 à 14 h 05\n"
           "Partager sur les réseaux sociaux. Écouter cet article (4 min).\n"),
}

FOOTERS = {
    "en": ("\nThis article was first published by a partner wire service and is republished "
           "with permission. Sign up for our daily newsletter. Most read: the ten best laptops "
           "of the year; why your phone battery dies in the cold.\n"),
    "fr": ("\nCet article est repris d'une agence partenaire avec son autorisation. Inscrivez-vous "
           "à notre lettre quotidienne. Les plus lus : les dix meilleurs ordinateurs portables de "
           "l'année ; pourquoi la batterie de votre téléphone se vide dans le froid.\n"),
}


def syndicated(body: str, lang: str) -> str:
    """The same body wrapped in another outlet's header and footer."""
    return HEADERS[lang] + body + FOOTERS[lang]


# (label, first text, second text, expected near-duplicate?)
PAIRS = [
    ("syndicated copy, en", EN_A, syndicated(EN_A, "en"), True),
    ("syndicated copy, fr", FR_A, syndicated(FR_A, "fr"), True),
    ("syndicated copy of B, en", EN_B, syndicated(EN_B, "en"), True),
    ("syndicated copy of B, fr", FR_B, syndicated(FR_B, "fr"), True),
    ("light edits, en", EN_A, EN_A_EDITED, True),
    ("light edits, fr", FR_A, FR_A_EDITED, True),
    ("light edits, syndicated, en", syndicated(EN_A_EDITED, "en"), EN_A, True),
    ("light edits, syndicated, fr", syndicated(FR_A_EDITED, "fr"), FR_A, True),
    ("same event, other write-up, en", EN_A, EN_B, False),
    ("same event, other write-up, fr", FR_A, FR_B, False),
    ("same event, other write-up, syndicated, en", syndicated(EN_A, "en"), syndicated(EN_B, "en"), False),
    ("same event, other write-up, syndicated, fr", syndicated(FR_A, "fr"), syndicated(FR_B, "fr"), False),
    ("translation, en/fr", EN_A, FR_A, False),
]
