"""Code lists of the DfE children's social work workforce census (csww-census.md §8).

Plain tuples so that pure modules (imports, exports, measures) can use them without Django.
"""

from typing import Final

Choices = tuple[tuple[str, str], ...]

SEX: Final[Choices] = (("M", "Male"), ("F", "Female"))

ETHNICITY: Final[Choices] = (
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WOTH", "Any other White background"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Black Caribbean"),
    ("BAFR", "Black African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Declared not stated or refused"),
    ("NOBT", "Information not yet obtained"),
)

QUALIFICATION_LEVEL: Final[Choices] = (
    ("1", "Undergraduate"),
    ("2", "Postgraduate"),
    ("3", "Other"),
)

ORG_ROLE: Final[Choices] = (
    ("1", "Senior manager"),
    ("2", "Middle manager"),
    ("3", "First line manager"),
    ("4", "Senior practitioner"),
    ("5", "Case holder"),
    ("6", "Qualified without cases"),
)

START_ORIGIN: Final[Choices] = (
    ("1", "Newly qualified social worker"),
    ("2", "Social worker role in a different local authority in England"),
    ("3", "Social worker role outside England"),
    ("4", "Agency or consultancy in social work (in England)"),
    ("5", "Other social work role, non-local authority (in England)"),
    ("6", "Other social care role in a local authority or non-local authority (in England)"),
    ("7", "Non-social care role, any role outside England, no employment, or career break"),
    ("8", "Other"),
    ("9", "Not known"),
    ("10", "Not yet collected"),
)

LEAVER_DESTINATION: Final[Choices] = (
    ("1", "Social worker role in a different local authority in England"),
    ("2", "Social worker role outside England"),
    ("3", "Agency or consultancy in social work (in England)"),
    ("4", "Other social work role, non-local authority (in England)"),
    ("5", "Other social care role in a local authority or non-local authority (in England)"),
    ("6", "Non-social care role, any role outside England, no employment, or career break"),
    ("7", "Other"),
    ("8", "Not known"),
    ("9", "Not yet collected"),
)

REASON_LEAVE: Final[Choices] = (
    ("1", "Resignation"),
    ("2", "Voluntary redundancy"),
    ("3", "Compulsory redundancy"),
    ("4", "Dismissed"),
    ("5", "Retired"),
    ("6", "Deceased"),
    ("7", "Moved to a non-children and family social work role within the council"),
    ("8", "Other"),
    ("9", "Not known"),
    ("10", "Not yet collected"),
)

# The nine English regions used by DfE statistics (Inner and Outer London are published too).
REGIONS: Final[Choices] = (
    ("E12000001", "North East"),
    ("E12000002", "North West"),
    ("E12000003", "Yorkshire and The Humber"),
    ("E12000004", "East Midlands"),
    ("E12000005", "West Midlands"),
    ("E12000006", "East of England"),
    ("E12000007", "London"),
    ("E12000008", "South East"),
    ("E12000009", "South West"),
)

# Social Work England registration number: two letters then up to ten digits
# (csww-census.md §3: the corrected liia-tools pattern; real numbers start "SW").
SWE_NUMBER_PATTERN: Final = r"^[A-Z]{2}\d{1,10}$"


def label(choices: Choices, code: str | None) -> str:
    """The label for ``code`` in ``choices``, or an empty string for a blank or unknown code."""
    return dict(choices).get(code or "", "")
