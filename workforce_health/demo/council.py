"""What the demo council looks like: its identity, teams, establishment and year-by-year workforce
parameters. Edit the parameters here to change the story the simulated records tell."""

import datetime
from dataclasses import dataclass
from typing import Final

NAME: Final = "Northmoor Metropolitan Borough Council"
LA_CODE: Final = "990"  # not used by any council in the DfE CSWW files 2017-2025
ONS_CODE: Final = "E08000990"  # fictional: real metropolitan districts are E08000001-E08000037
REGION: Final = "E12000005"  # West Midlands
DEFAULT_SEED: Final = 20260101
EMAIL_DOMAIN: Final = "northmoor.example"  # .example is reserved (RFC 2606): mail goes nowhere

SIMULATION_START: Final = datetime.date(2016, 10, 1)  # first day of DfE census year 2017
RESTRUCTURE_DATE: Final = datetime.date(2019, 1, 1)  # extra children's posts after an Ofsted visit
RESTRUCTURE_SHARE: Final = 0.12  # share of children's social worker posts created that day

# Job roles (core.models.JobRole values; the generator must not import Django).
PSW, HOS, SM, TM = "principal_social_worker", "head_of_service", "service_manager", "team_manager"
AP, SP = "advanced_practitioner", "senior_practitioner"
SW, ASYE = "social_worker", "asye_social_worker"
IRO, FSW, PA = "iro", "family_support_worker", "personal_adviser"
OT, SCA, SUP = "occupational_therapist", "social_care_assessor", "support_worker"

# Registered social work roles and their census organisational role (mirrors core CENSUS_ROLE_OF).
CENSUS_ROLE_OF: Final[dict[str, str]] = {
    PSW: "2",
    HOS: "1",
    SM: "2",
    TM: "3",
    AP: "4",
    SP: "4",
    SW: "5",
    ASYE: "5",
    IRO: "6",
}
AGENCY_COVERED_ROLES: Final = frozenset({TM, AP, SP, SW, IRO})
# Who steps up when a senior post is filled from inside the service.
PROMOTED_FROM: Final[dict[str, tuple[str, ...]]] = {
    SP: (SW,),
    AP: (SP,),
    TM: (SP, AP),
    IRO: (SP, AP),
    SM: (TM,),
    HOS: (SM,),
    PSW: (AP, SM),
}
SENIOR_ROLES: Final = frozenset({TM, SM, HOS, PSW})
ALWAYS_FILLED: Final = frozenset({PSW})  # statutory: filled the month it falls vacant

CHILDREN, ADULTS = "children", "adults"
SERVICES: Final = (
    (CHILDREN, "Children's Services", "children"),
    (ADULTS, "Adult Social Care", "adults"),
)


@dataclass(frozen=True)
class TeamSpec:
    service_key: str
    name: str
    team_type: str  # core.models.Team.TeamType value
    posts: tuple[tuple[str, int], ...]  # (job role, number of posts)


def _team(service: str, name: str, team_type: str, **posts: int) -> TeamSpec:
    roles = {
        "psw": PSW,
        "hos": HOS,
        "sm": SM,
        "tm": TM,
        "ap": AP,
        "sp": SP,
        "sw": SW,
        "iro": IRO,
        "fsw": FSW,
        "pa": PA,
        "ot": OT,
        "sca": SCA,
        "sup": SUP,
    }
    return TeamSpec(service, name, team_type, tuple((roles[k], n) for k, n in posts.items()))


TEAMS: Final[tuple[TeamSpec, ...]] = (
    _team(CHILDREN, "Children's Social Care Leadership", "other", psw=1, hos=3, sm=6),
    _team(CHILDREN, "Multi-Agency Safeguarding Hub", "front_door", tm=1, ap=1, sp=2, sw=9, fsw=2),
    *(
        _team(CHILDREN, f"Assessment Team {area}", "assessment", tm=1, ap=1, sp=2, sw=10)
        for area in ("North", "South", "Central")
    ),
    *(
        _team(
            CHILDREN,
            f"Safeguarding and Family Support {area}",
            "safeguarding",
            tm=1,
            ap=1,
            sp=2,
            sw=10,
            fsw=3,
        )
        for area in ("North", "South", "East", "West")
    ),
    *(
        _team(CHILDREN, f"Children in Care {n}", "children_in_care", tm=1, sp=2, sw=9, fsw=1)
        for n in (1, 2, 3)
    ),
    *(
        _team(CHILDREN, f"Care Leavers {area}", "care_leavers", tm=1, sp=1, sw=3, pa=8)
        for area in ("North", "South")
    ),
    _team(CHILDREN, "Fostering Recruitment and Assessment", "fostering", tm=1, sp=1, sw=6, fsw=1),
    _team(CHILDREN, "Fostering Support", "fostering", tm=1, sp=1, sw=7),
    _team(CHILDREN, "Adoption", "adoption", tm=1, sp=1, sw=6, fsw=1),
    _team(CHILDREN, "Disabled Children's Team", "disabled_children", tm=1, sp=1, sw=7, fsw=2, ot=1),
    _team(CHILDREN, "Quality Assurance and Reviewing", "quality_assurance", tm=1, iro=9),
    _team(CHILDREN, "Social Work Academy", "practice_development", tm=1, ap=2, sw=8),
    _team(ADULTS, "Adult Social Care Leadership", "other", psw=1, hos=2, sm=5),
    _team(ADULTS, "Adult Social Care Front Door", "adult_front_door", tm=1, sp=1, sw=5, sca=8),
    *(
        _team(ADULTS, f"Community Locality {area}", "locality", tm=1, sp=2, sw=12, sca=5, ot=1)
        for area in ("North", "South", "East", "West")
    ),
    _team(ADULTS, "Hospital Discharge Team", "hospital", tm=1, sp=1, sw=10, sca=5),
    _team(ADULTS, "Mental Health and AMHP Team", "mental_health", tm=1, ap=2, sw=8),
    _team(ADULTS, "Learning Disabilities Team", "learning_disabilities", tm=1, sp=1, sw=10, sca=3),
    _team(ADULTS, "Occupational Therapy Service", "occupational_therapy", ot=10, sup=3),
    _team(ADULTS, "Reablement Team", "reablement", ot=2, sup=16),
    _team(ADULTS, "Safeguarding Adults Team", "safeguarding_adults", tm=1, sp=2, sw=6),
    _team(ADULTS, "Deprivation of Liberty Safeguards Team", "dols", tm=1, sw=4, sca=3),
    _team(ADULTS, "Transitions Team", "transitions", tm=1, sw=5, sca=1),
)


@dataclass(frozen=True)
class YearParams:
    """Workforce behaviour in one DfE census year (1 October to 30 September)."""

    leave_probability: float  # chance a permanent member of staff leaves in the year
    fill_probability: float  # monthly chance a vacant post is filled by a council employee
    agency_probability: float  # monthly chance an uncovered vacant post gets an agency worker
    newly_qualified_share: float  # share of external social worker starters newly qualified
    to_agency_share: float  # share of resigning social workers who leave for agency work


def _years(*rows: tuple[float, float, float, float, float]) -> dict[int, YearParams]:
    return {2017 + i: YearParams(*row) for i, row in enumerate(rows)}


# Social work posts: high churn and agency use in 2017-18, then a steady recovery to 2025. The
# children's rows were tuned one year at a time (each year's values change only later years) so
# the DfE vacancy rate measured on the records is about 28% in 2019 and 10% in 2025.
SOCIAL_WORK_PARAMS: Final[dict[str, dict[int, YearParams]]] = {
    CHILDREN: _years(
        (0.190, 0.075, 0.350, 0.15, 0.20),
        (0.253, 0.056, 0.280, 0.15, 0.22),  # the Ofsted focused visit year
        (0.145, 0.094, 0.256, 0.20, 0.18),  # restructure: new posts from January 2019
        (0.140, 0.090, 0.240, 0.25, 0.15),
        (0.149, 0.076, 0.240, 0.28, 0.13),
        (0.120, 0.076, 0.240, 0.30, 0.12),
        (0.127, 0.084, 0.360, 0.33, 0.10),
        (0.085, 0.105, 0.360, 0.36, 0.08),
        (0.103, 0.095, 0.240, 0.40, 0.07),
    ),
    ADULTS: _years(
        (0.14, 0.100, 0.20, 0.10, 0.10),
        (0.14, 0.100, 0.20, 0.10, 0.10),
        (0.13, 0.105, 0.18, 0.12, 0.09),
        (0.12, 0.110, 0.15, 0.15, 0.08),
        (0.13, 0.110, 0.14, 0.18, 0.08),
        (0.12, 0.115, 0.12, 0.20, 0.07),
        (0.11, 0.120, 0.10, 0.22, 0.06),
        (0.10, 0.120, 0.09, 0.24, 0.05),
        (0.10, 0.120, 0.08, 0.25, 0.05),
    ),
}
OTHER_ROLE_PARAMS: Final = YearParams(0.12, 0.10, 0.0, 0.0, 0.0)

INITIAL_VACANCY: Final[dict[str, float]] = {CHILDREN: 0.22, ADULTS: 0.10}
INITIAL_AGENCY_COVER: Final[dict[str, float]] = {CHILDREN: 0.80, ADULTS: 0.50}
AGENCY_MONTHLY_END: Final = 0.08  # agency placements last about a year on average
AGENCY_CONVERSION: Final = 0.25  # chance the agency worker in a post takes it permanently
INTERNAL_FILL: Final = 0.55  # chance a senior vacancy goes to someone already in the service
TEAM_MOVE_MONTHLY: Final = 0.003  # a practitioner's monthly chance of moving to another team
CROSS_SERVICE_MOVE: Final = 0.06  # share of children's leavers who move to adults' posts instead
TEMPORARY_SHARE: Final = 0.04  # share of starters on fixed-term contracts
PART_TIME_SHARE: Final = 0.15
PART_TIME_FTES: Final = ("0.5", "0.6", "0.8", "0.9")

# Census code distributions: (code, weight).
Weights = tuple[tuple[str, float], ...]
ETHNICITY_WEIGHTS: Final[Weights] = (
    ("WBRI", 57),
    ("WIRI", 1),
    ("WOTH", 5),
    ("MWBC", 3),
    ("MWBA", 1),
    ("MWAS", 1),
    ("MOTH", 1),
    ("AIND", 8),
    ("APKN", 4),
    ("ABAN", 1),
    ("AOTH", 1),
    ("BCRB", 5),
    ("BAFR", 8),
    ("BOTH", 1),
    ("CHNE", 0.5),
    ("OOTH", 1),
    ("REFU", 1),
    ("NOBT", 0.5),
)
QUALIFICATION_WEIGHTS: Final[Weights] = (("1", 55), ("2", 40), ("3", 5))
EXPERIENCED_ORIGINS: Final[Weights] = (
    ("2", 42),
    ("4", 14),
    ("3", 7),
    ("5", 10),
    ("6", 9),
    ("7", 5),
    ("8", 3),
    ("9", 10),
)
OTHER_ROLE_ORIGINS: Final[Weights] = (("6", 45), ("7", 40), ("8", 5), ("9", 10))
LEAVING_REASONS: Final[Weights] = (("1", 80), ("2", 2), ("4", 3), ("8", 5), ("9", 10))
# Destinations of resigning staff apart from agency work (which follows YearParams).
RESIGNED_DESTINATIONS: Final[Weights] = (
    ("1", 35),
    ("2", 3),
    ("4", 10),
    ("5", 10),
    ("6", 15),
    ("7", 3),
    ("8", 14),
)

# --- Caseloads and sickness absence (the records behind caseload and absence rates) ---
# Cases held by each service's social workers on 30 September (interpolated monthly, with noise).
# Children's: demand eases slowly while the workforce grows and stabilises, so caseloads fall.
# Adults' (modelled: no published council series): about 22 cases per FTE, easing to about 20 as
# reviews are brought up to date, with the 2020 pause in assessments and the backlog after it.
OPEN_CASES: Final[dict[str, dict[int, int]]] = {
    CHILDREN: {
        2017: 2950,
        2018: 2850,
        2019: 3200,
        2020: 2900,
        2021: 2880,
        2022: 2830,
        2023: 2800,
        2024: 2650,
        2025: 2700,
    },
    ADULTS: {
        2017: 2250,
        2018: 2300,
        2019: 2280,
        2020: 2050,
        2021: 2350,
        2022: 2300,
        2023: 2200,
        2024: 2150,
        2025: 2100,
    },
}
OPEN_CASES_NOISE: Final = 0.02  # monthly shock to open cases (AR(1), as a share)
CASE_HOLDER_ROLES: Final = frozenset({AP, SP, SW, ASYE})  # census roles 4 and 5
CASE_WEIGHT: Final[dict[str, float]] = {AP: 0.6, SP: 1.0, SW: 1.0, ASYE: 0.75}  # ASYE: protected
CASELOAD_SPREAD: Final = 0.18  # lasting differences between workers' caseloads (log scale)
CASELOAD_JITTER: Final = 0.08  # month-to-month change in one worker's share (log scale)
# Mean working days lost to sickness per FTE-year of social workers, by service and census year.
SICKNESS_DAYS: Final[dict[str, dict[int, float]]] = {
    CHILDREN: {
        2017: 11.5,
        2018: 12.5,
        2019: 11.5,
        2020: 10.0,
        2021: 11.0,
        2022: 11.0,
        2023: 10.5,
        2024: 10.0,
        2025: 9.0,
    },
    ADULTS: {
        2017: 10.5,
        2018: 11.0,
        2019: 10.5,
        2020: 12.5,
        2021: 11.5,
        2022: 11.0,
        2023: 10.0,
        2024: 9.5,
        2025: 9.5,
    },
}
SICKNESS_NONE: Final = 0.4  # share of workers with no sickness in a year
SICKNESS_LONG_TERM: Final = 0.05  # share with long-term sickness (about 4 times the mean)
SICKNESS_LONG_TERM_FACTOR: Final = 4.0

# --- Census extras for registered social workers ---
UNIVERSITIES: Final[Weights] = (  # fictional, weighted towards the region
    ("University of Northmoor", 24),
    ("Northmoor Metropolitan University", 18),
    ("Mercia Vale University", 14),
    ("University of the West Marches", 10),
    ("Severnside University", 8),
    ("Kingsholme University", 6),
    ("University of Ashbury", 6),
    ("Pennine Cross University", 5),
    ("St Aldwyn's University College", 5),
    ("Open Learning University", 4),
)
# Children's fast-track programmes: chance a registered children's starter graduated from one.
STEP_UP_SHARE: Final[dict[bool, float]] = {True: 0.07, False: 0.03}  # key: newly qualified
FRONTLINE_SHARE: Final[dict[bool, float]] = {True: 0.09, False: 0.02}
FAST_TRACK_MAX_AGE: Final = 40  # older starters qualified before the programmes began


# Council-level incentives in the 2025 census return: 0 no, 1 all social workers, 2 some.
INCENTIVES_2025 = {
    "recruitment_bonus": "2",
    "retention_bonus": "1",
    "performance_award": "0",
    "car_allowance": "2",
    "relocation_package": "2",
    "regional_weighting": "0",
    "cost_swe": "1",
    "cost_dbs": "1",
}
