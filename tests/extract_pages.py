"""Article pages written for the project's extraction tests (French and English)."""

from __future__ import annotations

FRENCH_PARAGRAPHS = [
    "La start-up lyonnaise Calcul Sobre a présenté mardi un centre de données refroidi par l’eau "
    "du Rhône, qu’elle dit capable de faire tourner des modèles de langage avec deux fois moins "
    "d’électricité que la moyenne européenne.",
    "Selon ses fondateurs, chaque requête adressée à leur assistant consommerait 0,12 wattheure, "
    "un chiffre que plusieurs chercheurs jugent optimiste tant que la méthode de mesure n’est pas "
    "publiée en détail.",
    "L’entreprise promet un rapport annuel vérifié par un cabinet indépendant et ouvre ses "
    "compteurs à trois laboratoires universitaires, qui pourront relever la consommation réelle "
    "pendant six mois.",
    "La métropole, qui a cédé le terrain, attend surtout des emplois : quarante postes de "
    "techniciens sont annoncés d’ici la fin de l’année prochaine, dont la moitié en alternance.",
]

ENGLISH_PARAGRAPHS = [
    "A consortium of public libraries in Ohio has started lending small language models on USB "
    "sticks, so that patrons can run a writing assistant on an old laptop without sending a "
    "single word to a remote server.",
    "The librarians chose models small enough for eight gigabytes of memory and wrote a short "
    "guide that explains, in plain words, what such a model can and cannot be trusted with.",
    "Borrowers return the sticks after three weeks, and a volunteer wipes and reloads each one, "
    "which the consortium says takes less time than repairing a damaged hardback.",
    "Early figures show four hundred loans in the first month, most of them to students and to "
    "retired people who had never used a chatbot before.",
]

BOILERPLATE_FR = "Abonnez-vous à notre lettre quotidienne pour ne rien manquer de l’actualité"
BOILERPLATE_EN = "Sign up for our weekly digest and get every story in your inbox"


def french_page(*, declare_language: bool = True) -> str:
    lang = ' lang="fr-FR"' if declare_language else ""
    body = "\n".join(f"<p>{p}</p>" for p in FRENCH_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html{lang}>
<head>
<meta charset="utf-8">
<title>Un centre de données refroidi par le Rhône | Le Quotidien des Machines</title>
<meta property="og:title" content="Un centre de données refroidi par le Rhône">
<meta name="author" content="Camille Besson">
<meta property="article:published_time" content="2026-03-14T08:00:00+01:00">
</head>
<body>
<header><nav><a href="/">Accueil</a> <a href="/tech">Tech</a> <a href="/eco">Économie</a>
<a href="/contact">Contact</a></nav></header>
<main>
<article>
<h1>Un centre de données refroidi par le Rhône</h1>
<p class="byline">Par Camille Besson, le 14 mars 2026</p>
{body}
</article>
<aside><h2>À lire aussi</h2><ul><li><a href="/a">Les puces du futur</a></li>
<li><a href="/b">Le cloud souverain en question</a></li></ul></aside>
</main>
<footer><p>{BOILERPLATE_FR}.</p><p>© 2026 Le Quotidien des Machines — Mentions légales</p></footer>
</body>
</html>"""


def english_page() -> str:
    body = "\n".join(f"<p>{p}</p>" for p in ENGLISH_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Libraries lend language models on USB sticks - The Midwest Ledger</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Libraries lend language models on USB sticks",
  "author": {{"@type": "Person", "name": "Dana Whitfield"}},
  "datePublished": "2026-02-03T14:30:00-05:00"}}
</script>
</head>
<body>
<div class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>
<div class="story">
<h1>Libraries lend language models on USB sticks</h1>
<div class="meta">By Dana Whitfield · February 3, 2026</div>
{body}
</div>
<div class="newsletter"><p>{BOILERPLATE_EN}.</p></div>
<div class="footer">Copyright 2026 The Midwest Ledger. All rights reserved.</div>
</body>
</html>"""
