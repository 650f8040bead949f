import re

import pytest
from django.core import mail
from django.test import override_settings

from demain.delivery.models import OutboxMessage


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="demain.delivery.outbox.OutboxBackend")
def test_it_keeps_sent_mail_in_the_outbox():
    sent = mail.send_mail("Bonjour", "Corps du message", "a@demain.example", ["b@example.org", "c@example.org"])
    assert sent == 1
    message = OutboxMessage.objects.get()
    assert message.subject == "Bonjour"
    assert message.to.splitlines() == ["b@example.org", "c@example.org"]
    assert "Corps du message" in message.raw
    assert message.message_id.startswith("<")


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="demain.delivery.outbox.OutboxBackend")
def test_it_shows_an_accented_subject_as_written():
    mail.send_mail("Confirmez votre inscription à « la lettre »", "Corps", "a@demain.example", ["b@example.org"])
    message = OutboxMessage.objects.get()
    assert message.subject == "Confirmez votre inscription à « la lettre »"
    assert "=?utf-8?" in message.raw


# --- The outbox in the admin reads like a mailbox ----------------------------------------------

from django.core.mail import EmailMultiAlternatives  # noqa: E402

HTML_WITH_SCRIPT = ('<html><head><title>x</title></head><body><p>Bonjour <a href="https://demain.example/numeros/1/">'
                    'Lire le numéro</a></p><script>parent.document.title = "piraté";</script></body></html>')


def keep_html_message():
    message = EmailMultiAlternatives("Le numéro 1", "Bonjour,\nLire : https://demain.example/numeros/1/",
                                     "lettre@demain.example", ["lea@atelier.example"],
                                     headers={"List-Unsubscribe": "<https://demain.example/desinscription/t/un-clic/>"})
    message.attach_alternative(HTML_WITH_SCRIPT, "text/html")
    message.send()
    return OutboxMessage.objects.get()


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="demain.delivery.outbox.OutboxBackend")
def test_it_shows_a_kept_message_like_a_mailbox(admin_client):
    message = keep_html_message()
    page = admin_client.get(f"/admin/delivery/outboxmessage/{message.pk}/change/").content.decode()
    [frame] = re.findall(r"<iframe[^>]*>", page)
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in frame and "allow-scripts" not in frame
    assert f'src="/admin/delivery/outboxmessage/{message.pk}/html/"' in frame  # by URL: the email's own CSP
    shown = admin_client.get(f"/admin/delivery/outboxmessage/{message.pk}/html/")
    assert shown.content.decode().startswith('<html><head><base target="_blank"><title>')
    assert "script" not in shown["Content-Security-Policy"] and "default-src 'none'" in shown["Content-Security-Policy"]
    assert '<pre class="mailbox__text">Bonjour,\nLire : https://demain.example/numeros/1/</pre>' in page
    assert re.search(r"<th scope=\"row\">List-Unsubscribe</th><td>&lt;https://demain.example/desinscription/", page)
    assert '<a href="https://demain.example/numeros/1/" target="_blank"' in page
    assert '<a href="https://demain.example/desinscription/t/un-clic/" target="_blank"' in page


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="demain.delivery.outbox.OutboxBackend")
def test_it_lists_the_outbox_in_french_without_an_action_bar(admin_client):
    keep_html_message()
    page = admin_client.get("/admin/delivery/outboxmessage/").content.decode()
    table = page[page.index('<table id="result_list">'):]
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)]
    assert headings == ["Reçu le", "Objet", "Destinataires", "Expéditeur"]
    assert 'name="action"' not in page and "Envoyer" not in page
    assert "Le numéro 1" in page and "lea@atelier.example" in page


def test_it_reads_back_short_french_emails_sent_as_8bit():
    from demain.delivery import outbox

    message = EmailMultiAlternatives("Accents", "Bonjour Léa, à bientôt", to=["lea@atelier.example"])
    message.attach_alternative("<p>Bonjour Léa, à bientôt</p>", "text/html")
    raw = message.message().as_string()
    assert "Content-Transfer-Encoding: 8bit" in raw
    opened = outbox.read(raw)
    assert opened.text.strip() == "Bonjour Léa, à bientôt" and "<p>Bonjour Léa, à bientôt</p>" in opened.html
