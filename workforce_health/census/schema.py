"""One Python description of the census return per collection year (csww-census.md §§2-6, §10).

Each year is a tree of :class:`Node` objects in schema order. 2021 is written out in full;
later years are derived from the previous year with explicit replacements, removals and
additions, so the differences in §10 are visible in one place (bottom of this module).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from workforce_health.census import codelists as cl


class Base(StrEnum):
    """XSD base types used by the return (§3)."""

    STRING = "string"
    DECIMAL = "decimal"
    INTEGER = "integer"
    DATE = "date"
    DATETIME = "dateTime"
    GYEAR = "gYear"


@dataclass(frozen=True)
class SimpleType:
    """A named XSD simple type with its facets (§3)."""

    name: str
    base: Base
    min_length: int | None = None
    fraction_digits: int | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    pattern: str | None = None  # XSD syntax; implicitly anchored
    codes: cl.Choices = ()

    @property
    def is_builtin(self) -> bool:
        return self.name.startswith("xs:")


def _code_type(name: str, codes: cl.Choices) -> SimpleType:
    return SimpleType(name, Base.STRING, min_length=1, codes=codes)


XS_STRING = SimpleType("xs:string", Base.STRING)
XS_INTEGER = SimpleType("xs:integer", Base.INTEGER)
XS_DATE = SimpleType("xs:date", Base.DATE)
XS_DATETIME = SimpleType("xs:dateTime", Base.DATETIME)
XS_GYEAR = SimpleType("xs:gYear", Base.GYEAR)
NON_EMPTY = SimpleType("nonEmptyString", Base.STRING, min_length=1)
FTE = SimpleType(
    "ftedecimal", Base.DECIMAL, fraction_digits=6, minimum=Decimal(0), maximum=Decimal(1)
)
TWO_DP = SimpleType("twodecimalplaces", Base.DECIMAL, fraction_digits=2)
ONE_DP = SimpleType("onedecimalplace", Base.DECIMAL, fraction_digits=1)
# §3: the open XSDs' trailing "$" is a literal in XSD regexes; this is the corrected pattern.
SWE = SimpleType("swetype", Base.STRING, min_length=1, pattern=r"[A-Za-z]{2}\d{1,10}")
LEA = SimpleType("leatype", Base.STRING, min_length=1, pattern=r"\d{3}")
COLLECTION = _code_type("collectiontype", cl.COLLECTION)
SOURCE_LEVEL = _code_type("sourceleveltype", cl.SOURCE_LEVEL)
AGENCY = _code_type("agencyworkertype", cl.AGENCY_WORKER)
GENDER = _code_type("gendertype", cl.GENDER_CURRENT)
SEX = _code_type("sextype", cl.SEX)
ETHNICITY = _code_type("ethnicitytype", cl.ETHNICITY)
QUAL_LEVEL = _code_type("qualleveltype", cl.QUALIFICATION_LEVEL)
YES_NO = _code_type("yesnotype", cl.YES_NO)
ORG_ROLE = _code_type("orgroletype", cl.ORG_ROLE)
START_ORIGIN = _code_type("startorigintype", cl.START_ORIGIN)
LEAVER_DESTINATION = _code_type("leaverdestinationtype", cl.LEAVER_DESTINATION)
REASON_LEAVE = _code_type("reasonleavetype", cl.REASON_LEAVE)
REASON_ABSENCE = _code_type("reasonabsencetype", cl.REASON_ABSENCE)
CFKSS = _code_type("cfkssstatustype", cl.CFKSS_STATUS)
NO_ALL_SOME = _code_type("noallsometype", cl.NO_ALL_SOME)

UNBOUNDED = None


@dataclass(frozen=True, eq=False)  # identity equality: cheap hashing of big trees
class Node:
    """An element: a leaf with a simple type, or a container with children in order."""

    name: str
    type: SimpleType | None = None
    children: tuple[Node, ...] = ()
    min_occurs: int = 1
    max_occurs: int | None = 1  # None means unbounded
    attr: str = ""  # attribute name on the Header / CouncilLevel / CensusWorker dataclass
    required_non_agency: bool = False  # §9.2 "Mandatory tag for non-agency worker"
    index: dict[str, tuple[int, Node]] = field(init=False, repr=False)
    attrs: tuple[str, ...] = field(init=False, repr=False)  # leaf children's attribute names
    repeatables: tuple[Node, ...] = field(init=False, repr=False)

    @property
    def repeatable(self) -> bool:
        return self.max_occurs is None or self.max_occurs > 1

    def __post_init__(self) -> None:
        # Lookups precomputed once: the parser calls these for every element it reads.
        index = {c.name: (i, c) for i, c in enumerate(self.children)}
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "attrs", tuple(c.attr for c in self.children if c.attr))
        repeatables = tuple(c for c in self.children if c.attr and c.repeatable)
        object.__setattr__(self, "repeatables", repeatables)

    def child(self, name: str) -> Node | None:
        found = self.index.get(name)
        return found[1] if found else None

    def position(self, name: str) -> int | None:
        found = self.index.get(name)
        return found[0] if found else None


def leaf(
    name: str,
    type_: SimpleType,
    attr: str,
    occurs: tuple[int, int | None] = (0, 1),
    *,
    non_agency: bool = False,
) -> Node:
    return Node(name, type_, (), occurs[0], occurs[1], attr, non_agency)


@dataclass(frozen=True)
class YearSchema:
    """The return's layout for one collection year."""

    year: int
    header: Node
    council: Node
    worker: Node
    root_name: str = "Message"

    @property
    def message(self) -> Node:
        return Node(self.root_name, children=(self.header, self.council, self.worker))

    def worker_field(self, name: str) -> Node | None:
        return self.worker.child(name)

    def worker_fields(self) -> Iterator[Node]:
        return iter(self.worker.children)


# --- 2021 (also 2022 and 2023): written out in full -------------------------------------

_HEADER = Node(
    "Header",
    min_occurs=0,
    children=(
        Node(
            "CollectionDetails",
            min_occurs=0,
            children=(
                leaf("Collection", COLLECTION, "collection"),
                leaf("Year", XS_GYEAR, "year"),
                leaf("ReferenceDate", XS_DATE, "reference_date"),
            ),
        ),
        Node(
            "Source",
            min_occurs=0,
            max_occurs=UNBOUNDED,
            children=(
                leaf("SourceLevel", SOURCE_LEVEL, "source_level"),
                leaf("LEA", LEA, "lea", (1, 1)),
                leaf("SoftwareCode", XS_STRING, "software_code"),
                leaf("DateTime", XS_DATETIME, "date_time"),
            ),
        ),
    ),
)

_COUNCIL_2021 = Node(
    "LALevelVacancies",
    children=(
        leaf("NumberOfVacancies", TWO_DP, "number_of_vacancies", (1, 1)),
        leaf("NoAgencyFTE", TWO_DP, "no_agency_fte", (1, 1)),
        leaf("NoAgencyHeadcount", XS_INTEGER, "no_agency_headcount", (1, 1)),
    ),
)

_MANY = (0, UNBOUNDED)
_WORKER_2021 = Node(
    "CSWWWorker",
    max_occurs=UNBOUNDED,
    children=(
        leaf("AgencyWorker", AGENCY, "agency_worker", (1, 1)),
        leaf("SWENo", SWE, "swe_no", (1, 1)),
        leaf("FTE", FTE, "fte"),
        leaf("PersonBirthDate", XS_DATE, "person_birth_date", non_agency=True),
        leaf("GenderCurrent", GENDER, "gender_current", non_agency=True),
        leaf("Ethnicity", ETHNICITY, "ethnicity", non_agency=True),
        leaf("QualInst", NON_EMPTY, "qual_inst", (1, UNBOUNDED), non_agency=True),
        leaf("QualLevel", QUAL_LEVEL, "qual_level"),
        leaf("StepUpGrad", YES_NO, "step_up_grad", non_agency=True),
        leaf("OrgRole", ORG_ROLE, "org_role", non_agency=True),
        leaf("RoleStartDate", XS_DATE, "role_start_date", non_agency=True),
        leaf("StartOrigin", START_ORIGIN, "start_origin", non_agency=True),
        leaf("RoleEndDate", XS_DATE, "role_end_date"),
        leaf("LeaverDestination", LEAVER_DESTINATION, "leaver_destination"),
        leaf("ReasonLeave", REASON_LEAVE, "reason_leave"),
        leaf("FTE30", FTE, "fte30", non_agency=True),
        leaf("Cases30", XS_INTEGER, "cases30"),
        leaf("WorkingDaysLost", TWO_DP, "working_days_lost", non_agency=True),
        leaf("ContractWeeks", ONE_DP, "contract_weeks", _MANY),
        leaf("FrontlineGrad", YES_NO, "frontline_grad", non_agency=True),
        leaf("Absat30Sept", YES_NO, "absat30_sept", _MANY),
        leaf("ReasonAbsence", REASON_ABSENCE, "reason_absence", _MANY),
        leaf("CFKSSstatus", CFKSS, "cfkss_status", _MANY),
    ),
)

# --- derivation helpers --------------------------------------------------------------------


def replaced(node: Node, old: str, new: Node) -> Node:
    """``node`` with child ``old`` replaced by ``new`` in the same position."""
    if node.child(old) is None:
        raise KeyError(old)
    return replace(node, children=tuple(new if c.name == old else c for c in node.children))


def removed(node: Node, *names: str) -> Node:
    """``node`` without the named children."""
    missing = [n for n in names if node.child(n) is None]
    if missing:
        raise KeyError(missing)
    return replace(node, children=tuple(c for c in node.children if c.name not in names))


def appended(node: Node, *new: Node, name: str | None = None) -> Node:
    """``node`` with ``new`` children added at the end (and optionally renamed)."""
    return replace(node, name=name or node.name, children=node.children + new)


# --- the years (§10) ---------------------------------------------------------------------

Y2021 = YearSchema(2021, _HEADER, _COUNCIL_2021, _WORKER_2021)
Y2022 = replace(Y2021, year=2022)  # identical to 2021 (§10)
Y2023 = replace(Y2022, year=2023)  # identical to 2022 (§10)
# 2024: Sex (M/F) replaces GenderCurrent in the same position.
Y2024 = replace(
    Y2023,
    year=2024,
    worker=replaced(Y2023.worker, "GenderCurrent", leaf("Sex", SEX, "sex", non_agency=True)),
)
# 2025: council block renamed LALevel with incentives; QualInst and CFKSSstatus removed;
# pay items added at the end of the worker record.
_INCENTIVES = (
    ("RecruitmentBonus", "recruitment_bonus"),
    ("RetentionBonus", "retention_bonus"),
    ("PerformanceAward", "performance_award"),
    ("CarAllowance", "car_allowance"),
    ("RelocationPackage", "relocation_package"),
    ("RegionalWeighting", "regional_weighting"),
    ("CostSWE", "cost_swe"),
    ("CostDBS", "cost_dbs"),
)
Y2025 = replace(
    Y2024,
    year=2025,
    council=appended(
        Y2024.council,
        *(leaf(n, NO_ALL_SOME, a, (1, 1)) for n, a in _INCENTIVES),
        leaf("OtherAllowances", XS_STRING, "other_allowances", (1, 1)),
        name="LALevel",
    ),
    worker=appended(
        removed(Y2024.worker, "QualInst", "CFKSSstatus"),
        leaf("BaseSalary", TWO_DP, "base_salary"),
        leaf("RRPayments", TWO_DP, "rr_payments"),
        leaf("OtherPayments", TWO_DP, "other_payments"),
    ),
)

SCHEMAS: dict[int, YearSchema] = {s.year: s for s in (Y2021, Y2022, Y2023, Y2024, Y2025)}
YEARS: tuple[int, ...] = tuple(sorted(SCHEMAS))
COUNCIL_BLOCK_NAMES: frozenset[str] = frozenset(s.council.name for s in SCHEMAS.values())


def schema_for(year: int) -> YearSchema:
    """The layout for collection ``year``; ``ValueError`` for years we do not describe."""
    try:
        return SCHEMAS[year]
    except KeyError:
        raise ValueError(f"No census layout for {year}: supported years are {YEARS}") from None
