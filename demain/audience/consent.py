"""The words a reader agrees to when joining the newsletter, and their version."""

from django.conf import settings

TEXT = (
    "J’accepte de recevoir la lettre « Le monde de demAIn » par e-mail. "
    "Je pourrai me désinscrire à tout moment en un clic."
)


def version() -> str:
    return settings.CONSENT_TEXT_VERSION
