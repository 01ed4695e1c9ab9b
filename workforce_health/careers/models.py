"""The careers offer, vacancies, the published careers page and agency assignments.

No applicant data is ever held: a vacancy links to the council's own recruitment site. Agency
assignment records hold what the DfE's statutory guidance asks councils to evidence
(docs/careers.md, "Agency staff against the DfE's rules").
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models

from workforce_health.core import codes
from workforce_health.core.models import Employment, Organisation, Service, Team
from workforce_health.staffing.models import VacancySnapshot

web_address = URLValidator(
    schemes=["https", "http"],
    message="Enter a web address starting https://, like https://x.gov.uk",
)
money = [MinValueValidator(Decimal("0"), "Must be 0 or more")]
TEXT_LIMIT = 2000  # each section of the offer


class OfferRole(models.TextChoices):
    """The roles a council's pay bands and vacancies are described by."""

    NQSW = "nqsw", "Newly qualified social worker (ASYE)"
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR = "senior", "Senior social worker"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    OTHER = "other", "Other role"


class AgencyRole(models.TextChoices):
    """The DfE's five core job types for agency caps and data (agency rules, job mapping)."""

    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR = "senior", "Senior social worker"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    IRO = "iro", "Independent reviewing officer or child protection conference chair"


class CareersSite(models.Model):
    """The organisation's careers page: its introduction, address and whether it is public."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="careers_site"
    )
    introduction = models.TextField(blank=True, max_length=TEXT_LIMIT)
    town = models.CharField("Town or city", max_length=100)
    postcode = models.CharField(max_length=10, blank=True)
    website = models.CharField(
        "Council website", max_length=300, blank=True, validators=[web_address]
    )
    recruitment_site = models.CharField(
        "Recruitment website", max_length=300, blank=True, validators=[web_address]
    )
    is_live = models.BooleanField(default=False)
    # Changed whenever anything the public sees changes (publish, a vacancy): the public
    # pages' cache keys include it, so no visitor gets a page from before the change.
    changed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Careers page of {self.organisation}"


class ServiceOffer(models.Model):
    """One service's offer, as the workforce lead writes it (a draft until published)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="careers_offer")
    slug = models.SlugField(
        "Web address of the service's page",
        max_length=60,
        help_text="Lower-case letters, numbers and hyphens, like childrens-services",
    )
    included = models.BooleanField("Show this service on the careers page", default=True)
    summary = models.TextField("About working in this service", blank=True, max_length=TEXT_LIMIT)
    nqsw_programme = models.TextField(
        "Newly qualified social workers' programme", blank=True, max_length=TEXT_LIMIT
    )
    caseload_promise = models.TextField("Caseloads", blank=True, max_length=TEXT_LIMIT)
    supervision_promise = models.TextField("Supervision", blank=True, max_length=TEXT_LIMIT)
    learning_offer = models.TextField(
        "Learning and professional development", blank=True, max_length=TEXT_LIMIT
    )
    flexible_working = models.TextField("Flexible working", blank=True, max_length=TEXT_LIMIT)
    secondments = models.TextField(
        "Secondments and career routes", blank=True, max_length=TEXT_LIMIT
    )
    wellbeing = models.TextField("Wellbeing", blank=True, max_length=TEXT_LIMIT)
    facts = models.JSONField(default=list, blank=True)  # chosen fact kinds, in order
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["service__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"],
                name="offer_slug_unique",
                violation_error_message="Another service's page already has this web address",
            )
        ]

    def __str__(self) -> str:
        return f"Offer of {self.service}"

    def clean(self) -> None:
        if self.service_id and self.service.organisation_id != self.organisation_id:
            raise ValidationError({"service": "Choose a service of this organisation"})


SECTION_FIELDS = (
    "nqsw_programme",
    "caseload_promise",
    "supervision_promise",
    "learning_offer",
    "flexible_working",
    "secondments",
    "wellbeing",
)


class PayBand(models.Model):
    offer = models.ForeignKey(ServiceOffer, on_delete=models.CASCADE, related_name="pay_bands")
    role = models.CharField(max_length=30, choices=OfferRole.choices)
    title = models.CharField(
        "Role title", max_length=100, blank=True, help_text="Leave blank to use the role's name"
    )
    grade = models.CharField(max_length=60, blank=True, help_text="For example, Grade 9 or SCP 30")
    salary_min = models.DecimalField(
        "Lowest salary (£ a year)", max_digits=9, decimal_places=0, validators=money
    )
    salary_max = models.DecimalField(
        "Highest salary (£ a year)", max_digits=9, decimal_places=0, validators=money
    )

    class Meta:
        ordering = ["salary_min", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: £{self.salary_min}–£{self.salary_max}"

    @property
    def label(self) -> str:
        return self.title or self.get_role_display()

    def clean(self) -> None:
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_max < self.salary_min
        ):
            raise ValidationError({"salary_max": "The highest salary must be at least the lowest"})


class OfferItem(models.Model):
    """A payment, benefit or anything else the council offers, beyond the standard sections."""

    class Kind(models.TextChoices):
        MARKET_SUPPLEMENT = "market_supplement", "Market supplement"
        RECRUITMENT_PAYMENT = "recruitment_payment", "Recruitment payment"
        RETENTION_PAYMENT = "retention_payment", "Retention payment"
        BENEFIT = "benefit", "Benefit"
        OTHER = "other", "Other"

    offer = models.ForeignKey(ServiceOffer, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=1000)
    amount = models.DecimalField(
        "Amount (£)", max_digits=9, decimal_places=0, null=True, blank=True, validators=money
    )
    # The census item it was first written from (csww-census.md §5), so it is added only once.
    census_item = models.CharField(max_length=30, blank=True, editable=False)

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.title


class Publication(models.Model):
    """What the careers page shows, as published: the offer and its dated facts, unchanging."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content = models.JSONField()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"Careers page of {self.organisation}, {self.published_at:%Y-%m-%d}"


class Vacancy(models.Model):
    """An open post advertised on the careers page; applications go to the council's own site."""

    class Contract(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        FIXED_TERM = "fixed_term", "Fixed term"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # RESTRICT: a service with vacancies is kept, unless its organisation goes with them.
    service = models.ForeignKey(Service, on_delete=models.RESTRICT, related_name="+")
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField("Job title", max_length=120)
    role = models.CharField(max_length=30, choices=OfferRole.choices)
    grade = models.CharField(max_length=60, blank=True)
    salary_min = models.DecimalField(
        "Lowest salary (£ a year)", max_digits=9, decimal_places=0, validators=money
    )
    salary_max = models.DecimalField(
        "Highest salary (£ a year)", max_digits=9, decimal_places=0, validators=money
    )
    hours_per_week = models.DecimalField(
        "Hours a week",
        max_digits=4,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal("1"), "Hours must be at least 1"),
            MaxValueValidator(Decimal("48"), "Hours must be 48 or fewer"),
        ],
    )
    contract = models.CharField(max_length=20, choices=Contract.choices)
    description = models.TextField(max_length=5000)
    location = models.CharField(
        max_length=120, blank=True, help_text="Leave blank to use the careers page's town"
    )
    reference = models.CharField("Job reference", max_length=40, blank=True)
    posts = models.PositiveSmallIntegerField(
        "Number of posts",
        default=1,
        validators=[MinValueValidator(1, "There must be at least 1 post")],
    )
    opened_on = models.DateField("Date the post became vacant")
    closing_date = models.DateField()
    apply_url = models.CharField("Where to apply", max_length=300, validators=[web_address])
    is_published = models.BooleanField(default=False)
    first_published_on = models.DateField(null=True, blank=True, editable=False)
    filled_on = models.DateField("Start date of the person appointed", null=True, blank=True)
    source_record = models.ForeignKey(
        VacancySnapshot, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["closing_date", "title", "pk"]
        verbose_name_plural = "vacancies"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.service_id and self.service.organisation_id != self.organisation_id:
            errors["service"] = "Choose a service of this organisation"
        if self.team is not None and self.service_id and self.team.service_id != self.service_id:
            errors["team"] = "Choose a team in the chosen service"
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_max < self.salary_min
        ):
            errors["salary_max"] = "The highest salary must be at least the lowest"
        if self.opened_on and self.closing_date and self.closing_date < self.opened_on:
            errors["closing_date"] = (
                "The closing date must be on or after the date it became vacant"
            )
        if self.opened_on and self.filled_on and self.filled_on < self.opened_on:
            errors["filled_on"] = "The start date must be on or after the date it became vacant"
        if errors:
            raise ValidationError(errors)

    def is_live_on(self, day: datetime.date) -> bool:
        """Published, not yet filled, and its closing date not passed (it closes at day's end)."""
        return self.is_published and self.filled_on is None and self.closing_date >= day


class AgencyRateCap(models.Model):
    """The region's cap on the hourly charge for one job type, from a date (the lead edits it)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField("Job type", max_length=30, choices=AgencyRole.choices)
    hourly_cap = models.DecimalField(
        "Cap on the hourly charge (£)", max_digits=6, decimal_places=2, validators=money
    )
    effective_from = models.DateField("Applies to assignments starting on or after")

    class Meta:
        ordering = ["role", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role", "effective_from"],
                name="one_cap_per_role_and_date",
                violation_error_message="There is already a cap for this job type from this date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: £{self.hourly_cap} an hour from {self.effective_from}"


class AgencyAssignment(models.Model):
    """What the council holds about one agency worker's assignment (its dates are the
    employment's), to check it against the DfE's agency rules."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    employment = models.OneToOneField(
        Employment, on_delete=models.CASCADE, related_name="agency_assignment"
    )
    agency = models.CharField("Agency", max_length=120, blank=True)
    role = models.CharField("Job type", max_length=30, choices=AgencyRole.choices)
    hourly_charge_rate = models.DecimalField(
        "Hourly charge rate (£)",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=money,
        help_text="Pay, employer's National Insurance and the apprenticeship levy, as the cap",
    )
    project_team = models.CharField(
        "Project team or packaged model",
        max_length=120,
        blank=True,
        help_text="Its name, if the worker is part of one",
    )
    experience_years = models.DecimalField(
        "Post-qualifying experience in child and family social work in a UK council (years)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "Must be 0 or more")],
    )
    references_received_on = models.DateField(
        "Practice-based references received on", null=True, blank=True
    )
    notice_weeks = models.PositiveSmallIntegerField("Notice period (weeks)", null=True, blank=True)
    permanent_post_checked = models.BooleanField(
        "We have checked whether they left a permanent social work post", default=False
    )
    left_permanent_post_on = models.DateField(
        "Date they left their last permanent social work post", null=True, blank=True
    )
    left_permanent_post_region = models.CharField(
        "Region of that post", max_length=9, choices=codes.REGIONS, blank=True
    )
    cap_exception_approved_by = models.CharField(
        "Charge above the cap approved by",
        max_length=120,
        blank=True,
        help_text="The role of whoever signed off a charge above the cap",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-employment__start_date", "pk"]

    def __str__(self) -> str:
        return f"Agency assignment: {self.employment}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.employment_id:
            if self.employment.organisation_id != self.organisation_id:
                errors["employment"] = "Choose an employment in this organisation"
            elif not self.employment.is_agency:
                errors["employment"] = "Only agency employments have agency assignment records"
        if self.left_permanent_post_on and not self.permanent_post_checked:
            errors["permanent_post_checked"] = (
                "Tick that you have checked, or remove the date they left"
            )
        if errors:
            raise ValidationError(errors)
