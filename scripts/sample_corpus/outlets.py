"""Fictional outlets and their page templates for the sample corpus.

Each outlet wraps an article in its own boilerplate (header, navigation, sidebar, footer) and
declares its metadata its own way, as real sites do: meta author and article:published_time,
a JSON-LD NewsArticle, or only a byline and a <time> element.
"""

from __future__ import annotations

import json
from html import escape

OUTLETS = {
    "circuit-ledger": {
        "name": "The Circuit Ledger", "lang": "en", "host": "circuitledger.example",
        "nav": ["Chips", "Models", "Policy", "Climate", "Business", "Newsletters"],
        "sidebar": ["Why inference costs keep falling", "The quiet rise of on-device models",
                    "Five charts on data-centre power"],
        "footer": "© 2026 The Circuit Ledger. All rights reserved. Privacy · Terms · Cookie settings",
        "style": "meta",
    },
    "northbridge": {
        "name": "Northbridge Tribune", "lang": "en", "host": "northbridgetribune.example",
        "nav": ["World", "Business", "Technology", "Science", "Opinion", "Sport"],
        "sidebar": ["Markets close higher on rate hopes", "Rail strike called off at last minute",
                    "Opinion: the case for boring technology"],
        "footer": "Northbridge Tribune · Registered in England · Contact us · Advertise · Subscribe",
        "style": "jsonld",
    },
    "signal-noise": {
        "name": "Signal & Noise", "lang": "en", "host": "signalnoise.example",
        "nav": ["AI", "Research", "Startups", "Podcasts", "Events"],
        "sidebar": ["Podcast: who pays for open models?", "Interview: a robotics founder on humanoids",
                    "Event: Signal & Noise Summit in Lisbon"],
        "footer": "Signal & Noise is reader-supported. Become a member. © Signal & Noise Media",
        "style": "byline",
    },
    "daily-compute": {
        "name": "Daily Compute", "lang": "en", "host": "dailycompute.example",
        "nav": ["News", "Cloud", "Hardware", "Enterprise", "Deals"],
        "sidebar": ["Deal: 30% off our annual plan", "Cloud price tracker, updated weekly",
                    "Sponsored: scale your GPU fleet"],
        "footer": "Daily Compute — Independent technology news since 2011 · About · Jobs · RSS",
        "style": "meta",
    },
    "harbor-wire": {
        "name": "Harbor Wire", "lang": "en", "host": "harborwire.example",
        "nav": ["Top stories", "Markets", "Technology", "World", "Wire services"],
        "sidebar": ["Wire services for newsrooms", "Licensing and syndication",
                    "Harbor Wire photo desk"],
        "footer": "Harbor Wire news agency. Redistribution requires a licence. © 2026 Harbor Wire",
        "style": "jsonld",
    },
    "quotidien-numerique": {
        "name": "Le Quotidien numérique", "lang": "fr", "host": "quotidien-numerique.example",
        "nav": ["Actualités", "Économie", "Intelligence artificielle", "Société", "Débats"],
        "sidebar": ["Notre dossier sur la souveraineté numérique", "Abonnez-vous à la lettre du matin",
                    "Les plus lus de la semaine"],
        "footer": "© 2026 Le Quotidien numérique — Mentions légales — Gestion des cookies — Contact",
        "style": "meta",
    },
    "gazette-algorithmes": {
        "name": "La Gazette des Algorithmes", "lang": "fr", "host": "gazette-algorithmes.example",
        "nav": ["À la une", "Puces", "Modèles", "Régulation", "Climat", "Entreprises"],
        "sidebar": ["Comprendre l'inférence en cinq minutes", "Le glossaire de l'IA",
                    "Tribune : pour une IA frugale"],
        "footer": "La Gazette des Algorithmes, journal indépendant. Tous droits réservés. Nous écrire",
        "style": "byline",
    },
    "echo-tech": {
        "name": "Écho Tech", "lang": "fr", "host": "echotech.example",
        "nav": ["Tech", "Start-up", "Cloud", "Régulation", "Podcasts", "Agenda"],
        "sidebar": ["Podcast : les coulisses des levées de fonds", "Agenda des conférences IA",
                    "Offre d'essai : un mois pour 1 euro"],
        "footer": "Écho Tech © 2026 · Qui sommes-nous · Charte de déontologie · Données personnelles",
        "style": "jsonld",
    },
    "observateur-machines": {
        "name": "L'Observateur des machines", "lang": "fr", "host": "observateur-machines.example",
        "nav": ["Enquêtes", "Industrie", "Santé", "Politique", "Culture numérique"],
        "sidebar": ["Enquête : qui entraîne les modèles ?", "Notre newsletter hebdomadaire",
                    "Courrier des lecteurs"],
        "footer": "L'Observateur des machines — Rédaction, 12 rue imaginaire, Paris — © 2026",
        "style": "meta",
    },
    "anf": {
        "name": "ANF — Agence de nouvelles francophones", "lang": "fr", "host": "anf-depeches.example",
        "nav": ["Fil général", "Économie", "Technologies", "International", "Services aux médias"],
        "sidebar": ["Le fil ANF en continu", "Offres pour les rédactions", "Photothèque ANF"],
        "footer": "ANF, agence de presse. Reproduction interdite sans accord. © 2026 ANF",
        "style": "byline",
    },
}

COOKIE = {
    "en": "We use cookies to improve your experience. Accept all · Manage preferences",
    "fr": "Nous utilisons des cookies pour améliorer votre expérience. Tout accepter · Paramétrer",
}
SHARE = {"en": "Share this article", "fr": "Partager cet article"}
BY = {"en": "By", "fr": "Par"}


def page(outlet_key: str, art: dict) -> str:
    """The whole HTML page of one article under one outlet's template."""
    o = OUTLETS[outlet_key]
    lang = art["lang"]
    url = f"https://{o['host']}/{art['date'][:10].replace('-', '/')}/{art['slug']}"
    title = escape(art["title"])
    author = escape(art["author"])
    body = "\n".join(f"      <p>{escape(p, quote=False)}</p>" for p in art["paragraphs"])
    nav = "\n".join(f'        <li><a href="/{escape(n.lower().replace(" ", "-"))}/">{escape(n)}</a></li>'
                    for n in o["nav"])
    side = "\n".join(f'        <li><a href="/a/{i}">{escape(s)}</a></li>' for i, s in enumerate(o["sidebar"]))
    head_meta = ""
    byline = ""
    if o["style"] == "meta":
        head_meta = (f'  <meta name="author" content="{author}">\n'
                     f'  <meta property="article:published_time" content="{art["date"]}">\n'
                     f'  <meta property="og:title" content="{title}">\n')
        byline = f'      <p class="byline">{BY[lang]} {author}</p>\n'
    elif o["style"] == "jsonld":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
              "datePublished": art["date"], "author": {"@type": "Person", "name": art["author"]},
              "publisher": {"@type": "Organization", "name": o["name"]}, "inLanguage": lang}
        head_meta = f'  <script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
        byline = (f'      <div class="meta"><span class="author">{author}</span> · '
                  f'<time datetime="{art["date"]}">{art["date"][:10]}</time></div>\n')
    else:
        head_meta = f'  <meta name="date" content="{art["date"]}">\n'
        byline = (f'      <p class="signature">{BY[lang]} <a rel="author" href="/auteurs/{art["author_slug"]}">'
                  f'{author}</a>, <time datetime="{art["date"]}">{art["date"][:10]}</time></p>\n')
    credit = ""
    if art.get("credit"):
        credit = f'      <p class="credit">{escape(art["credit"])}</p>\n'
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{title} | {escape(o['name'])}</title>
  <meta name="description" content="{escape(art['paragraphs'][0][:150])}">
  <link rel="canonical" href="{url}">
{head_meta}</head>
<body>
  <div class="cookie-banner">{COOKIE[lang]}</div>
  <header class="site-header">
    <a class="logo" href="/">{escape(o['name'])}</a>
    <nav>
      <ul>
{nav}
      </ul>
    </nav>
  </header>
  <main>
    <article class="story">
      <h1>{escape(art['title'], quote=False)}</h1>
{byline}{body}
{credit}      <div class="share">{SHARE[lang]} · X · LinkedIn · Mastodon · Email</div>
    </article>
    <aside class="related">
      <h2>{'Read more' if lang == 'en' else 'À lire aussi'}</h2>
      <ul>
{side}
      </ul>
    </aside>
  </main>
  <footer class="site-footer"><p>{escape(o['footer'])}</p></footer>
</body>
</html>
"""
