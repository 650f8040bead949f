"""Legal pages, seeded with the project's own French texts (the editor completes and edits them in the admin)."""

from django.db import migrations, models

NOTICE = """## Éditeur

« Le monde de demAIn » est une lettre d’information sur l’intelligence artificielle, écrite pour celles et ceux qui font tourner une petite entreprise. Son adresse postale figure au pied de chaque lettre envoyée.

- Responsable de la publication : à compléter dans l’administration (« Pages légales »).
- Contact : répondez simplement à une lettre, ou écrivez-nous par la page « Contact ».

## Hébergement

- Hébergeur du site et des données : à compléter dans l’administration (nom, adresse et téléphone de l’hébergeur).

## Contenus

Les textes de la lettre et du site sont protégés par le droit d’auteur. Vous pouvez en citer de courts extraits en indiquant la source et le lien vers le numéro. Les articles citent leurs sources ; les marques citées appartiennent à leurs propriétaires.

## Données personnelles

Ce que nous enregistrons, pourquoi, combien de temps et comment exercer vos droits : voir la politique de confidentialité."""

PRIVACY = """## En bref

Nous enregistrons le moins possible : ce qu’il faut pour vous envoyer la lettre, prouver que vous l’avez demandée, répondre à vos demandes et éviter les abus. Nous ne vendons ni ne louons aucune donnée. Nos lettres ne contiennent ni pixel espion ni lien de suivi des clics.

## Qui est responsable

La rédaction du « Monde de demAIn », dont les coordonnées figurent dans les mentions légales.

## Ce que nous enregistrons

- Pour la lettre : votre adresse e-mail, les centres d’intérêt que vous cochez, la fréquence et la pause que vous choisissez, l’état de votre abonnement et ses dates (inscription, confirmation, désinscription).
- La preuve de votre consentement : à chaque demande d’inscription, confirmation et désinscription, le texte exact que vous avez accepté, sa version, la date et l’heure, et une empreinte de votre adresse IP.
- Si votre abonnement vient d’une liste reprise d’un autre outil : votre nom s’il y figurait, votre date d’inscription d’origine, et l’origine de votre consentement telle que la rédaction l’a décrite lors de l’import.
- L’empreinte de l’adresse IP est calculée avec une clé secrète (HMAC-SHA-256). Elle permet de relier deux actions venues de la même connexion, pas de retrouver l’adresse IP, qui n’est jamais enregistrée.
- Pour une demande (projet, conférence, formation, contact) : votre nom, votre adresse e-mail, ce que vous remplissez (organisation, téléphone, date souhaitée, nombre de participants, modules, message) et l’empreinte de l’adresse IP.
- Pour un téléchargement : votre adresse e-mail, votre prénom si vous le donnez, votre choix de recevoir la lettre, le nombre de téléchargements et leurs dates, l’empreinte de l’adresse IP.
- Pour chaque lettre envoyée : l’adresse, l’état de l’envoi et la réponse du serveur de messagerie, ainsi que les avis de non-distribution et les plaintes que les messageries nous renvoient.
- Contre les abus : des compteurs par empreinte d’adresse IP et par adresse e-mail, qui limitent le nombre de formulaires envoyés.

## Pourquoi

L’envoi de la lettre repose sur votre consentement, donné deux fois (case cochée, puis lien de confirmation). Les demandes et les téléchargements servent à vous répondre. Le journal des envois et les compteurs servent à délivrer correctement la lettre et à protéger le site.

## Combien de temps

- Les compteurs contre les abus : une heure.
- Le lien de confirmation d’inscription : valable 72 heures ; le lien de téléchargement : 7 jours ; les liens d’export et d’effacement de vos données : 7 jours.
- Votre abonnement et la preuve de votre consentement : tant que vous êtes abonné. Après une désinscription, nous gardons l’adresse, son statut « désinscrit » et l’historique du consentement, pour prouver votre choix et ne plus vous écrire, jusqu’à ce que vous demandiez leur effacement.
- Les demandes et les téléchargements : jusqu’à ce que vous demandiez leur effacement.
- Après un effacement, il ne reste qu’une empreinte (SHA-256) de votre adresse dans la liste des adresses à ne plus jamais contacter, sans limite de durée : c’est ce qui garantit qu’elle ne sera pas réinscrite. Les abonnés importés d’un autre outil y sont comparés. Le journal des envois garde ses lignes, pour que les chiffres des campagnes restent justes, mais sans votre adresse.

## Vos droits

Chaque lettre contient un lien « Gérer mes préférences » et un lien de désinscription en un clic. Depuis vos préférences, vous pouvez changer vos centres d’intérêt, faire une pause, télécharger toutes vos données (format JSON) ou les effacer. Vous pouvez aussi nous écrire par la page « Contact ». Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL (cnil.fr).

## Où sont les données

Sur le serveur de la rédaction, chez l’hébergeur indiqué dans les mentions légales. Les lettres partent par le serveur de messagerie choisi par la rédaction ; aucune donnée n’est confiée à un outil de publicité ou de mesure d’audience."""


def seed(apps, schema_editor):
    LegalPage = apps.get_model("public_site", "LegalPage")
    LegalPage.objects.get_or_create(slug="mentions-legales", defaults={"title": "Mentions légales", "body": NOTICE})
    LegalPage.objects.get_or_create(slug="confidentialite",
                                    defaults={"title": "Politique de confidentialité", "body": PRIVACY})


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="LegalPage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(choices=[("mentions-legales", "Mentions légales"),
                                                   ("confidentialite", "Politique de confidentialité")],
                                          unique=True, verbose_name="page")),
                ("title", models.CharField(max_length=120, verbose_name="titre")),
                ("body", models.TextField(
                    help_text="Une ligne vide sépare les paragraphes. « ## Titre » ouvre une partie ; "
                              "des lignes qui commencent par « - » forment une liste.",
                    verbose_name="texte")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="mise à jour")),
            ],
            options={"verbose_name": "page légale", "verbose_name_plural": "pages légales", "ordering": ["slug"]},
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
