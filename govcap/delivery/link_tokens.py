"""The secret in an evaluation link's address (``/q/<token>/``), and why it is made so.

The token is an HMAC of the link's uuid under the server's ``SECRET_KEY`` (128 bits,
22 characters: a light QR code, an address one can type). The database keeps only its
SHA-256, as for API tokens and invitations, and links are looked up by that hash: a copy of
the database (a backup, a dump, a reporting replica) opens no form.

Unlike an API token, a trainer must be able to show the QR code again while the link is
open — after a reload, on the projector's computer, or a colleague of the same training
provider — so the raw token cannot be "shown once". Keeping it in the trainer's session
would store it in plain text after all (sessions are database rows here) and tie it to one
browser; a ``django.core.signing`` token carrying the link's id and expiry is some 60
characters (a dense QR code, no typing) and still needs the database for closing early.
Deriving the token lets the server, and only the server, recompute it for those allowed
to see the link's page; whether the link is open (expiry, closed early, the delivery
cancelled) stays in the database, checked on every answer. A rotated ``SECRET_KEY`` keeps
links working through ``SECRET_KEY_FALLBACKS``; past those, a link still takes answers (its
hash is unchanged) but its QR code can no longer be shown — open a new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid as uuidlib

from django.conf import settings
from django.utils.crypto import salted_hmac

SALT = "govcap.delivery.EvaluationLink.token"
# a follow-up (level 3) is answered months later, away from the room, each through an
# address of one's own: the link's uuid and the trainee's, under their own salt
PERSONAL_SALT = "govcap.delivery.PersonalLink.token"
MAX_LENGTH = 43  # what the answer page accepts before looking anything up


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _derive(link_uuid: uuidlib.UUID | str, secret: str | bytes, salt: str = SALT) -> str:
    mac = salted_hmac(salt, str(link_uuid), secret=secret, algorithm="sha256").digest()[:16]
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def _personal(link_uuid: uuidlib.UUID, trainee_uuid: uuidlib.UUID) -> str:
    return f"{link_uuid}/{trainee_uuid}"


def new_personal_token(link_uuid: uuidlib.UUID, trainee_uuid: uuidlib.UUID) -> tuple[str, str]:
    """(token, its hash to store) of one trainee's own address under a follow-up link."""
    token = _derive(_personal(link_uuid, trainee_uuid), settings.SECRET_KEY, PERSONAL_SALT)
    return token, digest(token)


def personal_token_of(link_uuid: uuidlib.UUID, trainee_uuid: uuidlib.UUID,
                      token_hash: str) -> str:
    """A trainee's own token, recomputed as ``token_of`` does; "" past the keys."""
    for secret in (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())):
        token = _derive(_personal(link_uuid, trainee_uuid), secret, PERSONAL_SALT)
        if hmac.compare_digest(digest(token), token_hash):
            return token
    return ""


def new_token(link_uuid: uuidlib.UUID) -> tuple[str, str]:
    """(token, its hash to store) of a new link."""
    token = _derive(link_uuid, settings.SECRET_KEY)
    return token, digest(token)


def token_of(link_uuid: uuidlib.UUID, token_hash: str) -> str:
    """The link's token, recomputed; "" when no key of the server's makes it (the link was
    opened under a key since retired, or before tokens were derived)."""
    for secret in (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())):
        token = _derive(link_uuid, secret)
        if hmac.compare_digest(digest(token), token_hash):
            return token
    return ""
