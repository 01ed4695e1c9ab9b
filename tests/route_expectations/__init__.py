"""Who may GET each named route: one module per app, merged here for the URL walk.

Each module defines ``EXPECTED`` (route name -> roles that get 200, or ``PUBLIC``/``POST_ONLY``),
optionally ``NOT_FOUND`` (route name -> roles that get 404 rather than 403) and ``ARGUMENTS``
(URL keyword -> function of the test ``Council`` giving its value).
"""

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from workforce_health.core.models import Membership

Role = Membership.Role
ALL_ROLES = frozenset(Role.values)
STRUCTURE_VIEWERS = frozenset(
    {Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER, Role.TEAM_MANAGER}
)
EDITORS = frozenset({Role.ADMINISTRATOR, Role.WORKFORCE_LEAD})
PUBLIC = "public"
POST_ONLY = "post-only"
# A step inside signing in (the MFA code): without a sign-in under way, back to sign in.
SIGN_IN_STEP = "sign-in-step"
# Needs a recent password (allauth's reauthentication): signed-in users are asked for it first.
RECENT_SIGN_IN = "recent-sign-in"

EXPECTED: dict[str, frozenset[str] | str] = {}
NOT_FOUND: dict[str, set[str]] = {}
ARGUMENTS: dict[str, Callable[[Any], Any]] = {}

for _module in pkgutil.iter_modules(__path__):
    _loaded = importlib.import_module(f"{__name__}.{_module.name}")
    EXPECTED |= _loaded.EXPECTED
    NOT_FOUND |= getattr(_loaded, "NOT_FOUND", {})
    _arguments = getattr(_loaded, "ARGUMENTS", {})
    # One meaning per URL argument name: a second module's `item_id` would silently replace the
    # first's, and its routes would be walked with another app's ids.
    _clash = set(ARGUMENTS) & set(_arguments)
    assert not _clash, f"{_module.name} redefines URL arguments {sorted(_clash)}"
    ARGUMENTS |= _arguments
