"""Synthetic published-file text for tests: headers exactly as in workforce-measures.md §8."""

from __future__ import annotations

from workforce_health.benchmarks.measures import MEASURES

INDICATORS = "csww_indicators_2017_to_2025.csv"
HEADLINE = "csww_headline_measures_2017_to_2022.csv"
SFR07 = "SFR07_2016_UD.csv"
SFR08 = "SFR08_2017_UD.csv"

EES_IDS = (
    "time_period,time_identifier,geographic_level,country_code,country_name,"
    "region_code,region_name,old_la_code,new_la_code,la_name"
)
INDICATORS_HEADER = EES_IDS + "," + ",".join(MEASURES)
HEADLINE_HEADER = (
    EES_IDS + ",social_worker_fte,leaver_fte,turnover_rate_fte_%,working_days_lost_fte,"
    "absence_rate_fte_%,agency_fte,agency_worker_rate_fte_%,agency_cover_fte,"
    "agency_cover_rate_fte_%,vacancy_fte,vacancy_rate_fte_%,vacancy_agency_cover_rate_fte_%,"
    "case_holders_fte,cases,caseload_fte,social_worker_headcount,leaver_headcount,"
    "turnover_rate_headcount_%,agency_headcount,agency_worker_rate_headcount_%"
)
SFR_IDS = (
    "Country_code,Country_name,Region_code,Region_name,LA_code (9 digit),LA_name,LA_code (3 digit)"
)


def ees_row(
    year: int = 2025,
    level: str = "Local authority",
    region: tuple[str, str] = ("E12000005", "West Midlands"),
    la: tuple[str, str, str] = ("336", "E08000031", "Wolverhampton"),
    **measures: str,
) -> str:
    """One indicators-file line; every measure defaults to "1" unless given."""
    region_code, region_name = region if level != "National" else ("", "")
    old, new, name = la if level == "Local authority" else ("", "", "")
    ids = [str(year), "Reporting year", level, "E92000001", "England", region_code, region_name]
    cells = [*ids, old, new, _quote(name)]
    cells += [measures.get(m, "1") for m in MEASURES]
    return ",".join(cells)


def _quote(text: str) -> str:
    return f'"{text}"' if "," in text else text


def indicators_csv(*rows: str, bom: bool = False) -> bytes:
    text = "\n".join([INDICATORS_HEADER, *rows]) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()
