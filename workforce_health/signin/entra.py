"""Microsoft Entra ID through allauth's OpenID Connect provider, keyed on tenant and object id.

Entra's `sub` differs per application and `email` can be changed or reused, so an account is
found by `tid` (the directory) and `oid` (the user in it) from the verified ID token.
"""

from typing import Any

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider


class EntraProvider(OpenIDConnectProvider):
    def extract_uid(self, data: dict[str, Any]) -> str:
        claims = data.get("id_token") or {}
        tenant, user = str(claims.get("tid") or ""), str(claims.get("oid") or "")
        if not tenant or not user:
            raise ValueError("The ID token has no tid or oid claim")
        return f"{tenant.lower()}:{user.lower()}"

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        claims = data.get("id_token") or {}
        return {
            "username": claims.get("preferred_username") or "",
            "email": claims.get("email") or "",
            "first_name": claims.get("given_name") or "",
            "last_name": claims.get("family_name") or "",
            "name": claims.get("name") or "",
        }

    def extract_email_addresses(self, data: dict[str, Any]) -> list[Any]:
        return []  # never used to find or link an account
