"""Respondent tokens: 256 random bits, never stored; only purpose-separated hashes are.

Each use of a token stores a different hash of it (docs/surveys-anonymity.md), so the invitation,
the saved draft and the "used" marker cannot be matched with each other without the token itself.
"""

import hashlib
import secrets
from enum import StrEnum

TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128


class Purpose(StrEnum):
    INVITATION = "invitation"  # Invitation.token_hash: finds the invitee's group snapshot
    DRAFT = "draft"  # Draft.key: answers saved before sending
    SPENT = "spent"  # SpentToken.key: the token has been used


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str, purpose: Purpose) -> str:
    return hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()


def looks_like_token(token: str) -> bool:
    return 40 <= len(token) <= 64 and all(c.isalnum() or c in "-_" for c in token)
