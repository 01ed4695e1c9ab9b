"""Two-proportion z-test and wave change (health-check.md §3.4)."""

import polars as pl
import pytest

from workforce_health.surveys.analysis import two_proportion_z, wave_change
from workforce_health.surveys.analysis.significance import two_sided_p, z_critical


def test_known_value_60_of_200_versus_50_of_200() -> None:
    # pooled p = 220/400 = 0.55; se = sqrt(0.55 * 0.45 * (1/200 + 1/200)) = 0.0497494
    z = two_proportion_z(120, 200, 100, 200)
    assert z == pytest.approx(0.1 / 0.0497494, rel=1e-6)
    assert z == pytest.approx(2.0101, abs=1e-4)
    assert two_sided_p(z) == pytest.approx(0.04442, abs=1e-4)
    assert z_critical() == pytest.approx(1.959964, abs=1e-6)


def test_no_variation_gives_zero() -> None:
    assert two_proportion_z(50, 50, 20, 20) == 0
    assert two_proportion_z(0, 50, 0, 20) == 0


def waves(n: list[int], agree: list[int], codes: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "item_code": codes,
            "n": n,
            "n_agree": agree,
            "reverse": [False, True, False, False][: len(codes)],
        }
    )


def test_wave_change_labels() -> None:
    current = waves([200, 200, 200, 8], [120, 120, 104, 4], ["a", "stress", "c", "small"])
    previous = waves([200, 200, 200, 50], [100, 100, 100, 10], ["a", "stress", "c", "small"])
    previous = pl.concat([previous, waves([30], [3], ["gone"])])
    result = {r["item_code"]: r for r in wave_change(current, previous).iter_rows(named=True)}
    assert set(result) == {"a", "stress", "c", "small"}
    assert result["a"]["change"] == pytest.approx(10)
    assert result["a"]["significant"] is True
    assert result["a"]["label"] == "statistically significant increase"
    assert result["a"]["direction"] == "better"
    assert result["stress"]["direction"] == "worse"  # more agreeing with a negative item
    assert result["c"]["significant"] is False
    assert result["c"]["label"] == "no significant change"
    assert result["small"]["significant"] is None
    assert result["small"]["label"] == "not compared"


def test_wave_change_skips_suppressed_rows() -> None:
    current = pl.DataFrame(
        {"item_code": ["a"], "n": [None], "n_agree": [None]},
        schema_overrides={"n": pl.Int64, "n_agree": pl.Int64},
    )
    previous = waves([200], [100], ["a"])
    assert wave_change(current, previous)["label"].to_list() == ["not compared"]


def test_decrease() -> None:
    result = wave_change(waves([200], [100], ["a"]), waves([200], [120], ["a"]))
    assert result["label"].to_list() == ["statistically significant decrease"]
    assert result["z"][0] == pytest.approx(-2.0101, abs=1e-4)
