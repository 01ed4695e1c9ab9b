"""How the demo's sign-ins are shown on the command line."""

from collections.abc import Sequence

from workforce_health.demo.loader import DemoSignIn
from workforce_health.demo.mfa import DEMO_TOTP_SECRET

SITE_URL = "http://127.0.0.1:8000/"  # `make run` passes its own HOST and PORT


def sign_in_table(sign_ins: Sequence[DemoSignIn], *, site_url: str = SITE_URL) -> str:
    """A plain-text table of the demo sign-ins, with the address to sign in at."""
    header = ("Username", "Role", "Scope", "Password")
    rows = [header, *((s.username, s.role, s.scope, s.password) for s in sign_ins)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(
        [
            f"Demo sign-ins (demo only; the password is public) at {site_url}",
            "",
            *lines,
            "",
            "admin and lead then need a code from an authenticator app: run "
            "`workforce-health demo-code`,",
            f"or add the demo's public key {DEMO_TOTP_SECRET} to an authenticator app.",
        ]
    )
