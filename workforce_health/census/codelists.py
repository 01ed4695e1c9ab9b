"""Census code lists (csww-census.md §§4, 5, 8).

Lists shared with the rest of the product come from ``workforce_health.core.codes``; the ones
only the census return uses are defined here.
"""

from typing import Final

from workforce_health.core.codes import (
    ETHNICITY,
    LEAVER_DESTINATION,
    ORG_ROLE,
    QUALIFICATION_LEVEL,
    REASON_LEAVE,
    SEX,
    START_ORIGIN,
    Choices,
)

__all__ = [
    "AGENCY_WORKER",
    "CFKSS_STATUS",
    "COLLECTION",
    "ETHNICITY",
    "GENDER_CURRENT",
    "LEAVER_DESTINATION",
    "NO_ALL_SOME",
    "ORG_ROLE",
    "QUALIFICATION_LEVEL",
    "REASON_ABSENCE",
    "REASON_LEAVE",
    "SEX",
    "SOURCE_LEVEL",
    "START_ORIGIN",
    "YES_NO",
    "Choices",
]

COLLECTION: Final[Choices] = (("CSWW", "Children's social work workforce"),)
SOURCE_LEVEL: Final[Choices] = (("L", "Local authority"),)
AGENCY_WORKER: Final[Choices] = (("0", "Not an agency worker"), ("1", "Agency worker"))
GENDER_CURRENT: Final[Choices] = (
    ("0", "Not known"),
    ("1", "Male"),
    ("2", "Female"),
    ("9", "Not specified"),
)
YES_NO: Final[Choices] = (("0", "No"), ("1", "Yes"))
REASON_ABSENCE: Final[Choices] = (
    ("MAT", "Maternity or paternity leave"),
    ("OTH", "Other paid authorised absence"),
    ("PUB", "Paid absence for public duties"),
    ("SIC", "Sick leave"),
    ("TRN", "Training"),
    ("UNA", "Unauthorised absence"),
    ("UNP", "Unpaid authorised absence"),
)
CFKSS_STATUS: Final[Choices] = (
    ("1", "Assessed and Supported Year in Employment"),
    ("2", "Frontline Practitioner"),
    ("3", "Practice Supervisor"),
    ("4", "Practice Leader"),
)
NO_ALL_SOME: Final[Choices] = (
    ("0", "No"),
    ("1", "Yes, all LA-employed social workers are eligible"),
    ("2", "Yes, some LA-employed social workers are eligible"),
)
