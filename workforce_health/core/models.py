"""Organisations, their structure and their people. Every row belongs to one organisation."""

from collections.abc import Collection
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from workforce_health.core import codes
from workforce_health.core.spells import spells_overlap
from workforce_health.core.versioning import Versioned

la_code_validator = RegexValidator(r"^\d{3}$", "Enter the DfE local authority code as 3 digits")
ons_code_validator = RegexValidator(
    r"^E\d{8}$", "Enter the ONS code as E followed by 8 digits, like E08000031"
)
swe_number_validator = RegexValidator(
    codes.SWE_NUMBER_PATTERN,
    "Enter a Social Work England registration number as 2 letters then up to 10 digits, "
    "like SW123456",
)
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"


class Organisation(models.Model):
    """A local authority. One deployment may hold several (a regional partnership)."""

    name = models.CharField(max_length=200, unique=True)
    la_code = models.CharField(
        "DfE local authority code", max_length=3, unique=True, validators=[la_code_validator]
    )
    ons_code = models.CharField(
        "ONS code", max_length=9, blank=True, validators=[ons_code_validator]
    )
    region = models.CharField(max_length=9, choices=codes.REGIONS, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    class Kind(models.TextChoices):
        CHILDREN = "children", "Children's services"
        ADULTS = "adults", "Adult social care"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="service_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Team(Versioned):
    class TeamType(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door / MASH"
        ASSESSMENT = "assessment", "Assessment"
        SAFEGUARDING = "safeguarding", "Safeguarding and family support"
        CHILDREN_IN_CARE = "children_in_care", "Children in care"
        CARE_LEAVERS = "care_leavers", "Care leavers"
        FOSTERING = "fostering", "Fostering"
        ADOPTION = "adoption", "Adoption"
        DISABLED_CHILDREN = "disabled_children", "Disabled children"
        EARLY_HELP = "early_help", "Early help"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        QUALITY_ASSURANCE = "quality_assurance", "Quality assurance and safeguarding"
        ADULT_FRONT_DOOR = "adult_front_door", "Adult front door"
        LOCALITY = "locality", "Community locality"
        HOSPITAL = "hospital", "Hospital discharge"
        MENTAL_HEALTH = "mental_health", "Mental health (AMHP)"
        LEARNING_DISABILITIES = "learning_disabilities", "Learning disabilities"
        REABLEMENT = "reablement", "Reablement"
        OCCUPATIONAL_THERAPY = "occupational_therapy", "Occupational therapy"
        SAFEGUARDING_ADULTS = "safeguarding_adults", "Safeguarding adults"
        DOLS = "dols", "Deprivation of Liberty Safeguards"
        TRANSITIONS = "transitions", "Transitions"
        PRACTICE_DEVELOPMENT = "practice_development", "Practice development / ASYE academy"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    team_type = models.CharField(max_length=40, choices=TeamType.choices)

    class Meta:
        ordering = ["service__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "name"],
                name="team_name_unique_in_service",
                violation_error_message="This service already has a team with this name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.service_id
            and self.organisation_id
            and self.service.organisation_id != self.organisation_id
        ):
            raise ValidationError({"service": "Choose a service of this organisation"})


class Person(Versioned):
    """A member of staff. Personal data: see docs/data-dictionary.md for why each field is held."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    employee_number = models.CharField(max_length=30)
    # Only to send survey invitation links (docs/data-dictionary.md); need not be unique.
    email = models.EmailField(
        "Email address", max_length=254, blank=True, error_messages={"invalid": EMAIL_INVALID}
    )
    swe_number = models.CharField(
        "Social Work England registration number",
        max_length=12,
        blank=True,
        validators=[swe_number_validator],
    )
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=codes.SEX, blank=True)
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITY, blank=True)
    qualification_level = models.CharField(
        max_length=1, choices=codes.QUALIFICATION_LEVEL, blank=True
    )
    is_registered_social_worker = models.BooleanField("Registered social worker", default=False)
    qualification_institution = models.CharField(
        "Where the social work qualification was obtained", max_length=200, blank=True
    )
    step_up_graduate = models.BooleanField("Step Up to Social Work graduate", null=True, blank=True)
    frontline_graduate = models.BooleanField("Frontline graduate", null=True, blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employee_number"],
                name="person_employee_number_unique",
                violation_error_message="A person with this employee number already exists",
            ),
            models.UniqueConstraint(
                fields=["organisation", "swe_number"],
                condition=~Q(swe_number=""),
                name="person_swe_number_unique",
                violation_error_message="A person with this registration number already exists",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def clean_fields(self, exclude: "Collection[str] | None" = None) -> None:
        self.swe_number = self.swe_number.strip().upper().replace(" ", "")
        self.employee_number = self.employee_number.strip()
        self.email = self.email.strip()
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        if self.date_of_birth:
            today = timezone.localdate()
            age = today.year - self.date_of_birth.year
            if self.date_of_birth > today:
                raise ValidationError({"date_of_birth": "Date of birth must be in the past"})
            if not 15 <= age <= 100:
                raise ValidationError(
                    {"date_of_birth": "Date of birth must make the person 15 to 100 years old"}
                )


class JobRole(models.TextChoices):
    """Job roles with the census organisational role they usually map to (see CENSUS_ROLE_OF)."""

    PRINCIPAL_SOCIAL_WORKER = "principal_social_worker", "Principal social worker"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    SERVICE_MANAGER = "service_manager", "Service manager"
    TEAM_MANAGER = "team_manager", "Team manager"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    SOCIAL_WORKER = "social_worker", "Social worker"
    NEWLY_QUALIFIED_SOCIAL_WORKER = "asye_social_worker", "Social worker (ASYE)"
    INDEPENDENT_REVIEWING_OFFICER = "iro", "Independent reviewing officer"
    FAMILY_SUPPORT_WORKER = "family_support_worker", "Family support worker"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    OCCUPATIONAL_THERAPIST = "occupational_therapist", "Occupational therapist"
    SOCIAL_CARE_ASSESSOR = "social_care_assessor", "Social care assessor"
    SUPPORT_WORKER = "support_worker", "Support worker"


CENSUS_ROLE_OF: dict[str, str] = {
    JobRole.PRINCIPAL_SOCIAL_WORKER: "2",
    JobRole.HEAD_OF_SERVICE: "1",
    JobRole.SERVICE_MANAGER: "2",
    JobRole.TEAM_MANAGER: "3",
    JobRole.ADVANCED_PRACTITIONER: "4",
    JobRole.SENIOR_PRACTITIONER: "4",
    JobRole.SOCIAL_WORKER: "5",
    JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER: "5",
    JobRole.INDEPENDENT_REVIEWING_OFFICER: "6",
}


class Employment(Versioned):
    """A spell of one person in one team and job role, with census start and leaving codes."""

    class ContractType(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        TEMPORARY = "temporary", "Temporary (fixed term)"
        AGENCY = "agency", "Agency"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employments"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="employments")
    job_role = models.CharField(max_length=40, choices=JobRole.choices)
    census_role = models.CharField(
        "Census organisational role", max_length=1, choices=codes.ORG_ROLE, blank=True
    )
    fte = models.DecimalField(
        "Full-time equivalent",
        max_digits=7,
        decimal_places=6,
        validators=[
            MinValueValidator(Decimal("0.000001"), "FTE must be more than 0"),
            MaxValueValidator(Decimal("1"), "FTE must be 1 or less"),
        ],
    )
    contract_type = models.CharField(max_length=20, choices=ContractType.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    start_origin = models.CharField(max_length=2, choices=codes.START_ORIGIN, blank=True)
    reason_for_leaving = models.CharField(max_length=2, choices=codes.REASON_LEAVE, blank=True)
    leaver_destination = models.CharField(
        max_length=1, choices=codes.LEAVER_DESTINATION, blank=True
    )

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="employment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(fte__gt=0) & Q(fte__lte=1), name="employment_fte_between_0_and_1"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_job_role_display()} in {self.team}"

    @property
    def is_agency(self) -> bool:
        return self.contract_type == self.ContractType.AGENCY

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.person_id
            and self.organisation_id
            and self.person.organisation_id != self.organisation_id
        ):
            errors["person"] = "Choose a person in this organisation"
        if (
            self.team_id
            and self.organisation_id
            and self.team.organisation_id != self.organisation_id
        ):
            errors["team"] = "Choose a team in this organisation"
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be the same as or after the start date"
        if not self.end_date:
            if self.reason_for_leaving:
                errors["reason_for_leaving"] = (
                    "Give a reason for leaving only when there is an end date"
                )
            if self.leaver_destination:
                errors["leaver_destination"] = "Give a destination only when there is an end date"
        if errors:
            raise ValidationError(errors)
        overlapping = self.overlapping_spells_in_same_post()
        if overlapping:
            other = overlapping[0]
            dates = f"from {other.start_date:%-d %B %Y} " + (
                f"to {other.end_date:%-d %B %Y}" if other.end_date else "with no end date"
            )
            raise ValidationError(
                {
                    "start_date": (
                        f"This overlaps another spell in the same team and job role ({dates}). "
                        "Change the dates or end the other spell first"
                    )
                }
            )

    def overlapping_spells_in_same_post(self) -> "list[Employment]":
        """This person's other spells in the same team and job role that overlap this one."""
        if not (self.person_id and self.team_id and self.start_date and self.job_role):
            return []
        others = (
            Employment.objects.filter(
                person_id=self.person_id, team_id=self.team_id, job_role=self.job_role
            )
            .exclude(pk=self.pk)
            .order_by("start_date")
        )
        return [
            other
            for other in others
            if spells_overlap(self.start_date, self.end_date, other.start_date, other.end_date)
        ][:1]


class Membership(models.Model):
    """A user's role in one organisation; service, team and person narrow what they see."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", "Administrator"
        WORKFORCE_LEAD = "workforce_lead", "Workforce lead"
        SERVICE_MANAGER = "service_manager", "Service manager"
        TEAM_MANAGER = "team_manager", "Team manager"
        PRACTITIONER = "practitioner", "Practitioner"
        SCRUTINY_MEMBER = "scrutiny_member", "Scrutiny member"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True)
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.organisation}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.role == self.Role.SERVICE_MANAGER and not self.service_id:
            errors["service"] = "A service manager needs the service they manage"
        if self.role == self.Role.TEAM_MANAGER and not self.team_id:
            errors["team"] = "A team manager needs the team they manage"
        for field in ("service", "team", "person"):
            related = getattr(self, field)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = f"Choose a {field} in {self.organisation}"
        if errors:
            raise ValidationError(errors)
