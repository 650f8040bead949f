"""The provider webhook: POST bounce and complaint events here.

Authentication: the shared secret ``BOUNCE_WEBHOOK_SECRET``, given either as
the password of HTTP Basic authentication (any user name), as the
``X-Demain-Secret`` header, or as the ``?secret=`` query parameter (for
providers that only take a URL, such as an SNS subscription). Compared in
constant time. An empty setting disables the endpoint (404). Amazon SNS messages
must also carry a valid SNS signature (``sns.authenticate``), or get 403; 503
when Amazon's certificate cannot be fetched at the moment (SNS retries).

Answers: 200 with a JSON summary; 401 without a secret, 403 with a wrong one;
405 for anything but POST; 413 above ``MAX_BODY`` bytes; 400 for a body that
is not JSON or not a recognised shape. Accepted events are stored before their
effects are applied, so nothing is lost if processing fails.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from demain.delivery.bounces import parsers, record, sns

MAX_BODY = 256 * 1024


def error(status: int, message: str, **headers: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def given_secret(request: HttpRequest) -> str | None:
    if "HTTP_X_DEMAIN_SECRET" in request.META:
        return request.META["HTTP_X_DEMAIN_SECRET"]
    if "secret" in request.GET:
        return request.GET["secret"]
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(credentials, validate=True).decode().partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return ""
    return None


def read_body(request: HttpRequest) -> bytes | None:
    """The body, or None when it exceeds MAX_BODY (declared or actual length)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY:
        return None
    body = request.read(MAX_BODY + 1)
    return None if len(body) > MAX_BODY else body


@csrf_exempt
def receive_bounce_webhook(request: HttpRequest) -> JsonResponse:
    expected = settings.BOUNCE_WEBHOOK_SECRET
    if not expected:
        raise Http404("bounce webhook disabled")
    return _receive(request, expected)


@require_POST
def _receive(request: HttpRequest, expected: str) -> JsonResponse:
    secret = given_secret(request)
    if secret is None:
        return error(401, "missing secret", **{"WWW-Authenticate": 'Basic realm="demain bounces"'})
    if not hmac.compare_digest(secret.encode(), expected.encode()):
        return error(403, "wrong secret")
    body = read_body(request)
    if body is None:
        return error(413, f"body larger than {MAX_BODY} bytes")
    try:
        text = body.decode("utf-8")
        payload = json.loads(text)
    except (UnicodeDecodeError, ValueError) as problem:
        return error(400, f"body is not valid JSON: {problem}")
    if isinstance(payload, dict) and payload.get("Type") in parsers.SNS_TYPES:
        try:
            sns.authenticate(payload)
        except sns.CertificateUnavailable as problem:  # SNS retries a 5xx, not a 4xx: nothing is lost
            return error(503, f"SNS signature not checked: {problem}", **{"Retry-After": "60"})
        except sns.SignatureError as problem:
            return error(403, f"SNS signature refused: {problem}")
    try:
        provider, events = parsers.parse(payload)
    except parsers.ShapeError as problem:
        return error(400, str(problem))
    created, duplicates = record.store(provider, text, events)
    failed = record.process_all(created)
    return JsonResponse({
        "provider": provider,
        "stored": len(created),
        "duplicates": duplicates,
        "failed": failed,
        "events": [{"id": e.pk, "kind": e.kind, "email": e.email} for e in created],
    })
