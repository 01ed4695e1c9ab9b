"""The client's address, trusting X-Forwarded-For only as far as the deployment's own proxies.

`TRUSTED_PROXY_COUNT` (setting and environment variable, default 0) is the number of reverse
proxies in front of the service that each append the address they received from to
X-Forwarded-For. With 0 the header is ignored and REMOTE_ADDR is the client: anyone can send an
X-Forwarded-For header, so trusting it without a proxy would let a client choose its address.
With N, the client is the N-th address from the right (the one the outermost trusted proxy
added); entries to its left were sent by the client and are never used.
"""

from django.conf import settings
from django.http import HttpRequest


def trusted_proxy_count() -> int:
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies = trusted_proxy_count()
    if proxies == 0:
        return remote
    forwarded = [
        part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    return forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
