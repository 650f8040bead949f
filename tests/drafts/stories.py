"""Stories written for the tests (never copied from the seeds), and settings for the drafting code."""

from __future__ import annotations

import json

from demain import conf
from demain.lib.drafting import Disagreement, SourceArticle, Story

ARTICLE_A = SourceArticle(
    source="La Gazette du numérique", url="https://gazette.example/centre-donnees", language="fr",
    text=("Un opérateur a ouvert près de Lyon un centre de données dédié à l’entraînement de modèles de langage. "
          "Selon l’opérateur, le site consomme 12 mégawatts en pointe et sera refroidi par l’eau du Rhône.\n\n"
          "Les élus locaux saluent la création de 140 emplois directs sur le site. "
          "Une association de riverains conteste pourtant le chiffre de consommation annoncé par l’opérateur. "
          "La préfecture devrait rendre un avis sur le prélèvement d’eau avant la fin de l’année."))
ARTICLE_B = SourceArticle(
    source="Le Courrier de la vallée", url="https://courrier.example/rhone-serveurs", language="fr",
    text=("Le nouveau centre de données de la vallée du Rhône consommerait 18 mégawatts selon les riverains. "
          "L’association estime que le refroidissement prélèvera chaque jour l’équivalent de la consommation d’une "
          "petite ville.\n\nL’opérateur assure que l’eau sera rendue au fleuve après usage. "
          "Le débat pourrait s’inviter au conseil municipal du mois prochain."))
ARTICLE_EN = SourceArticle(
    source="Data Center Weekly", url="https://dcw.example/rhone", language="en",
    text=("A new data center near Lyon draws 12 megawatts at peak, its operator says. "
          "Local residents dispute the figure and put it at 18 megawatts. "
          "The prefecture is expected to rule on the water permit before the end of the year."))
RESERVED = SourceArticle(
    source="Le Quotidien réservé", url="https://reserve.example/article", language="fr", tdm_reserved=True,
    text=("Ce texte est réservé : son éditeur s’oppose à la fouille de textes et de données. "
          "Il mentionne une phrase témoin unique, la girafe turquoise du quai Perrache, que personne d’autre n’écrit."))

DISAGREEMENT = Disagreement(
    summary="12 mégawatts selon l’opérateur, 18 mégawatts selon les riverains",
    sources=("La Gazette du numérique", "Le Courrier de la vallée"),
    sentences=("Selon l’opérateur, le site consomme 12 mégawatts en pointe et sera refroidi par l’eau du Rhône.",
               "Le nouveau centre de données de la vallée du Rhône consommerait 18 mégawatts selon les riverains."))

STORY = Story(title="Un centre de données gourmand en eau près de Lyon", articles=(ARTICLE_A, ARTICLE_B),
              disagreements=(DISAGREEMENT,))


def settings(**overrides) -> dict:
    values = conf.load({})
    values.update(overrides)
    return values


LABELS = {a.url: a.source for a in (ARTICLE_A, ARTICLE_B, ARTICLE_EN, RESERVED)}


def valid_article(urls=("https://gazette.example/centre-donnees",)) -> str:
    return json.dumps({
        "title": "Un long fleuve pas si tranquille",
        "facts": ["Un opérateur a ouvert près de Lyon un centre de données."],
        "sauf_que": ["Les riverains contestent la consommation annoncée."],
        "enjeux": ["La préfecture doit se prononcer sur le prélèvement d’eau."],
        "closing": "Le fleuve, lui, ne publie pas de rapport.",
        "sources": [{"label": LABELS.get(url, "Source"), "url": url} for url in urls],
    }, ensure_ascii=False)
