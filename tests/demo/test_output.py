"""The demo sign-ins as printed on the command line."""

from workforce_health.demo.loader import DemoSignIn
from workforce_health.demo.output import sign_in_table

ADMIN = DemoSignIn("admin", "Administrator", "Whole council", "demo-council-2026")


def test_the_sign_ins_name_the_address_given():
    table = sign_in_table([ADMIN], site_url="http://127.0.0.1:8123/")
    assert "at http://127.0.0.1:8123/" in table and "8000" not in table
