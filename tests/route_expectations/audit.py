"""Routes of the audit app."""

from tests.route_expectations import Role

EXPECTED = {
    "audit-list": frozenset({Role.ADMINISTRATOR}),
    "audit-csv": frozenset({Role.ADMINISTRATOR}),
}
