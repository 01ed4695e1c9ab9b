"""How each organisation's staff sign in: Microsoft Entra ID settings and group mappings.

A regional deployment holds several councils, each with its own Entra ID tenant, so the
provider settings live here, one row per organisation, edited by its administrator. The
client secret is never stored: `secret_variable` names the environment variable holding it.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from workforce_health.core.models import Membership, Organisation, Service, Team

GUID = RegexValidator(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "Enter the ID as shown in the Microsoft Entra admin centre, like "
    "72f988bf-86f1-41af-91ab-2d7cd011db47",
)
VARIABLE_NAME = RegexValidator(
    r"^[A-Z][A-Z0-9_]{2,99}$",
    "Enter an environment variable name in capital letters, digits and underscores, "
    "like ENTRA_SECRET_NORTHMOOR",
)


class OrganisationSignIn(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="sign_in_settings"
    )
    entra_enabled = models.BooleanField("Staff can sign in with Microsoft", default=False)
    tenant_id = models.CharField(
        "Directory (tenant) ID", max_length=36, blank=True, validators=[GUID]
    )
    client_id = models.CharField(
        "Application (client) ID", max_length=36, blank=True, validators=[GUID]
    )
    secret_variable = models.CharField(
        "Environment variable holding the client secret",
        max_length=100,
        blank=True,
        validators=[VARIABLE_NAME],
    )
    sso_only = models.BooleanField("Staff can only sign in with Microsoft", default=False)
    break_glass_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Local administrator who may still sign in with a password",
    )

    class Meta:
        verbose_name = "sign-in settings"
        verbose_name_plural = "sign-in settings"

    def __str__(self) -> str:
        return f"Sign-in settings of {self.organisation}"

    @property
    def provider_id(self) -> str:
        """allauth's id for this organisation's OpenID Connect app (and its URLs)."""
        return f"entra-{self.organisation.la_code}"

    @property
    def authority(self) -> str:
        return str(settings.ENTRA_AUTHORITY).replace("{tenant_id}", self.tenant_id)

    def secret(self) -> str:
        return os.environ.get(self.secret_variable, "") if self.secret_variable else ""

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.entra_enabled:
            for field, message in (
                ("tenant_id", "Enter the directory (tenant) ID"),
                ("client_id", "Enter the application (client) ID"),
                ("secret_variable", "Enter the environment variable holding the client secret"),
            ):
                if not getattr(self, field):
                    errors[field] = message
        if self.sso_only and not self.entra_enabled:
            errors["sso_only"] = "Turn on sign-in with Microsoft before turning off passwords"
        if (
            self.break_glass_user_id
            and not Membership.objects.filter(
                user_id=self.break_glass_user_id,
                organisation_id=self.organisation_id,
                role=Membership.Role.ADMINISTRATOR,
            ).exists()
        ):
            errors["break_glass_user"] = "Choose an administrator of this organisation"
        if errors:
            raise ValidationError(errors)


class GroupMapping(models.Model):
    """An Entra ID group (object ID) or app role (value) giving a role in the organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="sign_in_groups"
    )
    claim_value = models.CharField("Entra group object ID or app role", max_length=200)
    role = models.CharField(max_length=20, choices=Membership.Role.choices)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True)

    class Meta:
        verbose_name = "group or app role"
        ordering = ["claim_value"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "claim_value"],
                name="group_mapping_unique",
                violation_error_message="This group or app role already has a role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.get_role_display()}"

    def clean(self) -> None:
        # The same rules as a membership's: managers need their service or team.
        Membership(
            organisation_id=self.organisation_id,
            role=self.role,
            service=self.service,
            team=self.team,
        ).clean()
