"""Write the small test site served by SampleServer in tests/sources (run once; output committed).

The texts are written for these tests; they only need to look like articles to an extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"

ARTICLES = {
    "pages/en-datacenter.html": ("en", "A new data centre opens near Lyon", "Claire Martin", "2026-06-01", [
        "A company called Nordlys opened a data centre near Lyon on Monday, with room for forty thousand accelerators.",
        "The site draws 120 megawatts at full load, according to the operator, and reuses its heat for nearby homes.",
        "Local officials welcomed the jobs, while an energy regulator asked for a public report on the grid impact.",
        "The operator says the facility will serve European customers who want their data kept inside the union.",
    ]),
    "pages/fr-levee.html": ("fr", "Une jeune pousse lève 300 millions d'euros", "Paul Durand", "2026-06-02", [
        "La société Vagabonde, fondée à Nantes il y a deux ans, annonce une levée de 300 millions d’euros.",
        "Elle développe des modèles de langue compacts destinés aux administrations et aux hôpitaux.",
        "Les fondateurs affirment que leurs modèles consomment dix fois moins d’énergie que les concurrents.",
        "Les investisseurs comptent sur une commande publique attendue à la rentrée pour accélérer la croissance.",
    ]),
    "pages/en-chips.html": ("en", "Chip exports face a new licence regime", "Ana Silva", "2026-06-03", [
        "Exporters of advanced chips will need a licence for shipments above a computing threshold from July.",
        "The rule covers accelerators sold to cloud providers in forty countries, officials said on Wednesday.",
        "Industry groups warned that paperwork could delay deliveries by several weeks during the busy season.",
        "The ministry promised an online portal that should answer most requests within ten working days.",
    ]),
    "pages/fr-ecole.html": ("fr", "L’école teste un assistant de lecture", "Léa Bernard", "2026-06-04", [
        "Cent classes de primaire testeront dès septembre un assistant qui aide les élèves à lire à voix haute.",
        "L’outil écoute l’enfant, repère les mots difficiles et propose des exercices courts adaptés à son niveau.",
        "Les syndicats demandent des garanties sur les enregistrements, conservés trente jours selon le ministère.",
        "Une évaluation indépendante sera publiée au printemps, avant toute généralisation du dispositif.",
    ]),
    "pages/reserved-meta.html": ("en", "Publisher keeps its texts out of mining", "Tom Reed", "2026-06-05", [
        "This publisher declares in its page head that it reserves text and data mining rights for this article.",
        "The editor may still read the article and group it with others, but no language model should receive it.",
        "Such declarations follow the TDM reservation protocol published by a W3C community group.",
        "Crawlers that respect it record the reservation and keep the text away from automated drafting.",
    ]),
    "pages/reserved-header.html": ("en", "Rights reserved by a response header", "Tom Reed", "2026-06-05", [
        "Here the reservation travels in an HTTP header rather than in the page itself, set by the web server.",
        "The header applies to every kind of response, including documents that have no head section at all.",
        "A fetcher must therefore read headers as well as markup before it decides what the text may be used for.",
        "This page exists so that the tests can check that the header alone is enough to reserve the rights.",
    ]),
    "pages/reserved-by-file/article.html": ("fr", "Une réserve déclarée pour tout un dossier", "Inès Roy", "2026-06-06", [
        "Ce site déclare dans un fichier placé à la racine qu’il se réserve la fouille de textes pour ce dossier.",
        "Le fichier liste des emplacements et, pour chacun, indique si les droits sont réservés ou non.",
        "Le robot lit ce fichier une fois par jour et applique la règle la plus précise à chaque adresse.",
        "Cette page vérifie que la réserve s’applique même sans en-tête ni balise dans la page elle-même.",
    ]),
    "private/secret.html": ("en", "A page robots.txt forbids", "Nobody", "2026-06-07", [
        "This page lives under a path that robots.txt disallows, so a polite fetcher never requests it.",
        "If a test ever finds its text in the database, the fetcher ignored the publisher's instructions.",
        "Its content is otherwise an ordinary article with several sentences and a plausible structure.",
        "The server still serves it to anyone who asks, which is exactly why the fetcher must ask first.",
    ]),
}
# A syndicated copy: the same text as en-datacenter under another URL.
ARTICLES["pages/syndicated-datacenter.html"] = ARTICLES["pages/en-datacenter.html"]


def page(language, title, author, day, paragraphs, canonical=None, meta=""):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><title>{title}</title>{link}
<meta name="author" content="{author}"><meta property="article:published_time" content="{day}T08:00:00Z">{meta}
</head><body><header><nav><a href="/">Accueil</a></nav></header>
<article><h1>{title}</h1><p class="byline">{author}, {day}</p>
{body}
</article><footer>© Test site</footer></body></html>
"""


def item_list(paths):
    return [(path, ARTICLES[path][1], ARTICLES[path][3]) for path in paths]


def rss20(items):
    entries = "".join(f"""
    <item><title>{t}</title><link>{{{{BASE}}}}/{p}</link><guid>{{{{BASE}}}}/{p}</guid>
      <pubDate>{rfc822(d)}</pubDate><description>{t}</description></item>""" for p, t, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test RSS 2.0</title><link>{{{{BASE}}}}/</link><language>en</language>
<description>RSS 2.0 feed</description><ttl>60</ttl>{entries}
</channel></rss>
"""


def rss10(items):
    seq = "".join(f'<rdf:li rdf:resource="{{{{BASE}}}}/{p}"/>' for p, _, _ in items)
    entries = "".join(f"""
<item rdf:about="{{{{BASE}}}}/{p}"><title>{t}</title><link>{{{{BASE}}}}/{p}</link><dc:date>{d}T08:00:00Z</dc:date></item>"""
                      for p, t, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{{{{BASE}}}}/feeds/rss10.rdf"><title>Test RSS 1.0</title><link>{{{{BASE}}}}/</link>
<description>RSS 1.0 feed</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>{entries}
</rdf:RDF>
"""


def rss091(items):
    entries = "".join(f"<item><title>{t}</title><link>{{{{BASE}}}}/{p}</link></item>" for p, t, _ in items)
    return f"""<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="0.91"><channel><title>Test RSS 0.91</title><link>{{{{BASE}}}}/</link>
<description>old</description><language>fr</language>{entries}</channel></rss>
"""


def atom(items):
    entries = "".join(f"""
  <entry><title>{t}</title><link rel="alternate" href="{{{{BASE}}}}/{p}"/><id>{{{{BASE}}}}/{p}</id>
    <updated>{d}T08:00:00Z</updated><author><name>Someone</name></author></entry>""" for p, t, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Atom</title><id>urn:test:atom</id>
<updated>2026-06-07T08:00:00Z</updated><link href="{{{{BASE}}}}/"/>{entries}
</feed>
"""


def jsonfeed(items, version="1.1"):
    data = {"version": f"https://jsonfeed.org/version/{version}", "title": f"Test JSON Feed {version}",
            "home_page_url": "{{BASE}}/", "language": "fr",
            "items": [{"id": f"{{{{BASE}}}}/{p}", "url": f"{{{{BASE}}}}/{p}", "title": t,
                       "date_published": f"{d}T08:00:00Z",
                       ("authors" if version == "1.1" else "author"): ([{"name": "Quelqu’un"}] if version == "1.1"
                                                                       else {"name": "Quelqu’un"})}
                      for p, t, d in items]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def rfc822(day):
    from datetime import datetime, timezone
    from email.utils import format_datetime
    return format_datetime(datetime.fromisoformat(day + "T08:00:00").replace(tzinfo=timezone.utc), usegmt=True)


HOSTILE_PAGES = ["never-answers", "loop-a", "binary", "giant", "empty", "forbidden"]


def main():
    for path, (language, title, author, day, paragraphs) in ARTICLES.items():
        meta = '<meta name="tdm-reservation" content="1">' if path == "pages/reserved-meta.html" else ""
        target = SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(language, title, author, day, paragraphs, meta=meta))
    feeds = SITE / "feeds"
    feeds.mkdir(exist_ok=True)
    (feeds / "rss20.rss").write_text(rss20(item_list(["pages/en-datacenter.html", "pages/en-chips.html"])))
    (feeds / "rss10.rdf").write_text(rss10(item_list(["pages/fr-ecole.html"])))
    (feeds / "rss091.xml").write_bytes(rss091(item_list(["pages/fr-levee.html"])).encode("iso-8859-1"))
    (feeds / "atom.atom").write_text(atom(item_list(["pages/fr-levee.html", "pages/syndicated-datacenter.html"])))
    (feeds / "feed.json").write_text(jsonfeed(item_list(["pages/fr-ecole.html", "pages/en-chips.html"])))
    (feeds / "feed10.json").write_text(jsonfeed(item_list(["pages/en-datacenter.html"]), "1"))
    (feeds / "tdm.rss").write_text(rss20(item_list(["pages/reserved-meta.html", "pages/reserved-header.html",
                                                    "pages/reserved-by-file/article.html", "private/secret.html"])))
    hostile = "".join(f"<item><title>{name}</title><link>{{{{BASE}}}}/hostile/{name}.html</link></item>"
                      for name in HOSTILE_PAGES)
    good = "<item><title>good</title><link>{{BASE}}/pages/fr-ecole.html</link></item>"
    (feeds / "hostile.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{hostile}{good}</channel></rss>\n')
    (feeds / "malformed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>'
        '<item><title>Unclosed<link>{{BASE}}/pages/en-chips.html</link></item></channel></rss>\n')
    (feeds / "bomb.rss").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f' <!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">\n' for i in range(9))
        + ']>\n<rss version="2.0"><channel><title>&j;</title></channel></rss>\n')
    (SITE / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    well_known = SITE / ".well-known"
    well_known.mkdir(exist_ok=True)
    (well_known / "tdmrep.json").write_text(json.dumps([
        {"location": "/pages/reserved-by-file/*", "tdm-reservation": 1, "tdm-policy": "{{BASE}}/policy.json"},
        {"location": "/pages/*", "tdm-reservation": 0}], indent=1) + "\n")
    (SITE / "headers.json").write_text(json.dumps({"/pages/reserved-header.html": {"tdm-reservation": "1"}}) + "\n")


if __name__ == "__main__":
    main()
