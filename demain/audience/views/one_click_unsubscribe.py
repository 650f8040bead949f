from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from demain.audience import subscriptions, tokens
from demain.audience.signed import subscriber_from


@csrf_exempt
@require_POST
def one_click_unsubscribe(request, token):
    """RFC 8058: the mail client POSTs here; no cookie, no CSRF token, effective at once.

    Idempotent: a second POST, or one for an erased subscriber, still answers 200.
    A forged token gets 404.
    """
    try:
        tokens.read(tokens.UNSUBSCRIBE, token)
    except tokens.BadToken:
        return HttpResponse("Lien inconnu.\n", status=404, content_type="text/plain; charset=utf-8")
    subscriber = subscriber_from(token, tokens.UNSUBSCRIBE)
    if subscriber is not None:
        subscriptions.unsubscribe(subscriber)
    return HttpResponse("Désinscription enregistrée.\n", content_type="text/plain; charset=utf-8")
