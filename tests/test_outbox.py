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
