"""What a JobPosting must hold, written from schema.org and Google's job posting documentation
(schema.org/JobPosting; developers.google.com/search/docs/appearance/structured-data/job-posting),
as a checker the tests run on the JSON-LD the careers pages publish."""

import datetime
import re
from typing import Any

# Properties of schema.org/JobPosting, with those it inherits from Thing.
SCHEMA_ORG_PROPERTIES = {
    "applicantLocationRequirements", "applicationContact", "baseSalary", "benefits",
    "datePosted", "directApply", "educationRequirements", "eligibilityToWorkRequirement",
    "employerOverview", "employmentType", "employmentUnit", "estimatedSalary",
    "experienceInPlaceOfEducation", "experienceRequirements", "hiringOrganization",
    "incentiveCompensation", "incentives", "industry", "jobBenefits", "jobImmediateStart",
    "jobLocation", "jobLocationType", "jobStartDate", "occupationalCategory",
    "physicalRequirement", "qualifications", "relevantOccupation", "responsibilities",
    "salaryCurrency", "securityClearanceRequirement", "sensoryRequirement", "skills",
    "specialCommitments", "title", "totalJobOpenings", "validThrough", "workHours",
    # from Thing
    "additionalType", "alternateName", "description", "disambiguatingDescription",
    "identifier", "image", "mainEntityOfPage", "name", "potentialAction", "sameAs",
    "subjectOf", "url",
}  # fmt: skip
# Google: required for a job posting to be eligible for its job search.
GOOGLE_REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
# Google: recommended (those that apply to jobs done at a place, not remote jobs).
GOOGLE_RECOMMENDED = ("baseSalary", "employmentType", "validThrough", "identifier", "directApply")
EMPLOYMENT_TYPES = {
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM",
    "OTHER",
}  # fmt: skip
UNIT_TEXT = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}


def problems(posting: dict[str, Any]) -> list[str]:
    """Everything wrong with one JobPosting (an empty list when it is valid)."""
    found = []
    if posting.get("@context") not in ("https://schema.org", "https://schema.org/"):
        found.append("@context is not schema.org")
    if posting.get("@type") != "JobPosting":
        found.append("@type is not JobPosting")
    for name in (*GOOGLE_REQUIRED, *GOOGLE_RECOMMENDED):
        if posting.get(name) in (None, "", [], {}):
            found.append(f"{name} is missing")
    unknown = set(posting) - SCHEMA_ORG_PROPERTIES - {"@context", "@type"}
    found += [f"{name} is not a JobPosting property" for name in sorted(unknown)]
    if found:
        return found
    posted = datetime.date.fromisoformat(posting["datePosted"][:10])
    valid = datetime.datetime.fromisoformat(posting["validThrough"])
    if valid.tzinfo is None:
        found.append("validThrough has no time zone")
    elif valid.date() < posted:
        found.append("validThrough is before datePosted")
    organisation = posting["hiringOrganization"]
    if organisation.get("@type") != "Organization" or not organisation.get("name"):
        found.append("hiringOrganization is not an Organization with a name")
    place = posting["jobLocation"]
    address = place.get("address", {})
    if place.get("@type") != "Place" or address.get("@type") != "PostalAddress":
        found.append("jobLocation is not a Place with a PostalAddress")
    if not re.fullmatch(r"[A-Z]{2}", address.get("addressCountry", "")):
        found.append("addressCountry is not a two-letter country code")
    if not address.get("addressLocality"):
        found.append("addressLocality is missing")
    types = posting["employmentType"]
    types = types if isinstance(types, list) else [types]
    found += [
        f"employmentType {t!r} is not one of Google's" for t in types if t not in EMPLOYMENT_TYPES
    ]
    salary = posting["baseSalary"]
    value = salary.get("value", {})
    if salary.get("@type") != "MonetaryAmount" or not re.fullmatch(
        r"[A-Z]{3}", salary.get("currency", "")
    ):
        found.append("baseSalary is not a MonetaryAmount with an ISO 4217 currency")
    if value.get("@type") != "QuantitativeValue" or value.get("unitText") not in UNIT_TEXT:
        found.append("baseSalary value is not a QuantitativeValue with a unitText")
    elif not value.get("minValue", 0) <= value.get("maxValue", -1):
        found.append("baseSalary minValue is above its maxValue")
    identifier = posting["identifier"]
    if identifier.get("@type") != "PropertyValue" or not identifier.get("value"):
        found.append("identifier is not a PropertyValue with a value")
    if not isinstance(posting["directApply"], bool):
        found.append("directApply is not true or false")
    return found
