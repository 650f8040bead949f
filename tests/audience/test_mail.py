import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.core.mail.backends.smtp import EmailBackend

from demain.audience import links, mail as audience_mail
from demain.audience.models import Subscriber
from tests.audience.conftest import human, links_in, path_of


def test_it_builds_multipart_with_inlined_css_and_headers(client, subscriber):
    message = audience_mail.build("welcome", subscriber.email, "Bienvenue", subscriber=subscriber).message()
    assert message.is_multipart() and message.get_content_type() == "multipart/alternative"
    text, html = message.get_payload()
    assert text.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    html_body = html.get_payload(decode=True).decode()
    assert 'style="' in html_body and "max-width: 600px" in html_body  # CSS inlined
    assert "@media" in html_body  # responsive rule kept for clients that read it
    assert message["Message-ID"].endswith("@demain.example>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text_links = links_in(text.get_payload(decode=True).decode())
    [visible] = [u for u in text_links if "/desinscription/" in u]
    assert visible in html_body
    assert client.get(path_of(visible)).status_code == 200
    one_click = message["List-Unsubscribe"].strip("<>")
    assert one_click.startswith("https://demain.example/desinscription/") and one_click.endswith("/un-clic/")
    assert client.post(path_of(one_click)).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_it_gives_each_message_its_own_message_id(subscriber):
    ids = {audience_mail.build("welcome", subscriber.email, "x", subscriber=subscriber).message()["Message-ID"]
           for _ in range(3)}
    assert len(ids) == 3


def test_it_leaves_list_unsubscribe_off_a_confirmation_request(client):
    client.post("/inscription/", human(email="a@example.org", consent="on"))
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Keep(Message):
    def __init__(self):
        super().__init__(message_class=None)
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


class Refuse(Keep):
    async def handle_DATA(self, server, session, envelope):
        return "554 5.7.1 Message refusé"


@pytest.fixture
def smtp_server(request):
    """A real SMTP server on loopback; parametrize indirectly with a handler class."""
    handler = getattr(request, "param", Keep)()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.mark.postgres
def test_it_round_trips_through_a_real_smtp_server(client, smtp_server, settings):
    controller, handler = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER = False, ""
    response = client.post("/inscription/", human(email="smtp@example.org", consent="on"))
    assert response.status_code == 302
    [raw] = handler.messages
    received = email.message_from_bytes(raw.as_bytes(), policy=policy.default)
    assert received["To"] == "smtp@example.org"
    assert received["Subject"] == "Confirmez votre inscription à la lettre"
    assert received["Message-ID"].startswith("<") and received["Date"]
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert "style=" in html
    [link] = [u for u in links_in(text) if "/inscription/confirmer/" in u]
    assert link in html
    client.post(path_of(link))
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize("smtp_server", [Refuse], indirect=True)
def test_it_reports_an_smtp_server_that_says_no(smtp_server, subscriber):
    controller, handler = smtp_server
    backend = EmailBackend(host="127.0.0.1", port=controller.port, fail_silently=False, use_tls=False)
    message = audience_mail.build("welcome", subscriber.email, "x", subscriber=subscriber)
    message.connection = backend
    with pytest.raises(Exception, match="554"):
        message.send()
