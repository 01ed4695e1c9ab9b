"""Reading the public careers pages in tests: their JSON-LD and visible text."""

import json
import re
from typing import Any

from django.test import Client

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def get(path: str) -> Any:
    """GET ``path`` as an anonymous visitor (a client with no session)."""
    return Client().get(path)


def json_ld(html: str) -> list[dict[str, Any]]:
    return [json.loads(block) for block in LD_JSON.findall(html)]
