"""Sign-in through an identity provider (OIDC): the provider's verified e-mail names the account.

The first sign-in links the provider's subject to the account with that e-mail, or creates the account; from
then on the subject finds it. An account already linked to another subject is refused, never relinked.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.accounts.credentials import valid_email
from core.accounts.sessions import SignedIn, open_session
from core.errors import UserError
from core.kinds import normalize_lang
from core.logging import log_event
from core.users import create_user
from db.models import User
from db.session import unit_of_work

log = logging.getLogger("core.accounts")


def link_oidc(email_verified: bool, email: str, subject: str, name: str = "", lang: str = "en") -> SignedIn:
    """Sign in through an identity provider: the same user as the verified e-mail, created if new."""
    if not email_verified or not email or not subject:
        raise UserError("accounts.error.oidc_unverified")
    normalized = valid_email(email)
    try:
        with unit_of_work() as session:
            user = session.scalar(select(User).where(User.oidc_subject == subject))
            if user is None:
                user = session.scalar(select(User).where(User.email == normalized).with_for_update())
                if user is not None and user.oidc_subject not in (None, subject):
                    raise UserError("accounts.error.oidc_conflict")
                if user is not None:
                    user.oidc_subject = subject
            created = user is None
            if user is None:
                user = create_user(
                    session, normalized, name=name.strip()[:200], lang=normalize_lang(lang), oidc_subject=subject
                )
            signed = open_session(session, user, created=created)
    except IntegrityError as exc:
        raise UserError("accounts.error.oidc_conflict") from exc
    log_event(log, "account.oidc_signed_in", userId=str(signed.account.id))
    return signed
