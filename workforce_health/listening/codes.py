"""Private codes for anonymous conversations: made, written, read back and hashed (no Django).

A code is 20 characters of Crockford's base 32 (100 random bits), shown in five groups of four
("K7QM-3XDP-9HTR-WV2A-B4NE") so that it can be copied by hand. Only a keyed hash of it is
stored (HMAC-SHA256 under a key derived from the deployment's secret key, docs/listening.md):
a database reader without that key cannot test guesses against the stored hashes, and even
with it 100 random bits cannot be guessed.
"""

import hashlib
import hmac
import re
import secrets
from typing import Final

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O or U
LENGTH: Final = 20
GROUP: Final = 4
# Crockford's reading rules: letters easily mistaken for digits read as those digits.
_READ_AS: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS: Final = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    """A new code, grouped for display."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return grouped(raw)


def grouped(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalised(typed: str) -> str | None:
    """The code as stored for hashing (upper case, no separators), or None if it cannot be one."""
    raw = _SEPARATORS.sub("", typed).upper().translate(_READ_AS)
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return raw


def code_hash(code: str, *, key: bytes) -> str:
    """HMAC-SHA256 of the normalised code under `key` (hex). Raises ValueError if not a code."""
    raw = normalised(code)
    if raw is None:
        raise ValueError("not a conversation code")
    return hmac.new(key, f"conversation:{raw}".encode(), hashlib.sha256).hexdigest()


def derive_key(secret: str) -> bytes:
    """The hashing key for codes, derived from a deployment secret for this one purpose."""
    return hmac.new(
        secret.encode(), b"workforce_health.listening.conversation-code", hashlib.sha256
    ).digest()
