"""Charts you read at a glance: scores over their bands, diverging agreement bars, small
multiples with one key. Each is an image with a title and a description of its data."""

import xml.etree.ElementTree as ET

import pytest

from workforce_health.charts import (
    Agreement,
    Band,
    Score,
    Series,
    diverging,
    diverging_chart,
    legend_key,
    score,
    score_chart,
    small_line_chart,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
BANDS = [Band("Low", 0, 50), Band("Moderate", 51, 74), Band("High", 75, 100)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{{{NS['svg']}}}text")]


def classed(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def described(root: ET.Element) -> tuple[str, str]:
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]
    assert root.get("role") == "img"
    return title.text or "", desc.text or ""


def test_score_bars_sit_over_their_bands_with_the_band_in_words():
    root = parse(
        score_chart(
            [
                Score("S1 Framework", 63, "Moderate", previous=58),
                Score("S2 Planning", None, missing="Not shown: fewer than 10 responses"),
                Score("S3 Workloads", 80, "High", previous=70),
            ],
            title="Scores by standard",
            bands=BANDS,
        )
    )
    title, desc = described(root)
    assert title == "Scores by standard"
    assert "S1 Framework: 63 (Moderate)" in desc and "S3 Workloads: 80 (High)" in desc
    assert "Not shown: S2 Planning" in desc and "previous survey's score" in desc
    bars = classed(root, "app-chart__bar--score")
    assert [float(b.get("width") or 0) for b in bars] == [
        pytest.approx(63 / 100 * score.PLOT, abs=0.1),
        pytest.approx(80 / 100 * score.PLOT, abs=0.1),
    ]
    shading = classed(root, "app-chart__band")
    assert len(shading) == 3  # one shaded column per band, from 0 to the whole scale
    starts = [float(s.get("x") or 0) for s in shading]
    ends = [a + float(s.get("width") or 0) for a, s in zip(starts, shading, strict=True)]
    assert starts[0] == 0 and ends[-1] == pytest.approx(score.PLOT)
    assert starts[1] == pytest.approx(50.5 / 100 * score.PLOT, abs=0.1)  # 51 is moderate, 50 is low
    words = texts(root)
    assert {"Low", "Moderate", "High", "0 to 50", "51 to 74", "75 to 100"} <= set(words)
    assert "63 Moderate" in words and "80 High" in words
    assert "Not shown: fewer than 10 responses" in words
    assert len(classed(root, "app-chart__marker")) == 3  # the key and two previous scores


def test_diverging_bars_put_disagree_left_of_the_centre_and_agree_right():
    root = parse(
        diverging_chart(
            [
                Agreement("My workload is manageable", 20.0, 15.0, 65.0),
                Agreement("Hidden question", None, None, None, "Not shown: fewer than 10"),
            ],
            title="Headline questions",
        )
    )
    _, desc = described(root)
    assert "My workload is manageable: 20.0% disagree, 15.0% neither, 65.0% agree" in desc
    assert "Hidden question: Not shown: fewer than 10" in desc
    (dis,) = [e for e in classed(root, "app-chart__segment--disagree") if e.get("y") != "0"]
    (neu,) = [e for e in classed(root, "app-chart__segment--neutral") if e.get("y") != "0"]
    (agr,) = [e for e in classed(root, "app-chart__segment--agree") if e.get("y") != "0"]

    def span(e: ET.Element) -> tuple[float, float]:
        x = float(e.get("x") or 0)
        return x, x + float(e.get("width") or 0)

    scale = diverging.HALF / 100  # coordinates are written to 0.1
    assert span(neu)[0] + span(neu)[1] == pytest.approx(2 * diverging.CENTRE, abs=0.2)  # centred
    assert span(dis)[1] == pytest.approx(span(neu)[0], abs=0.2)
    assert span(agr)[0] == pytest.approx(span(neu)[1], abs=0.2)
    assert span(dis)[1] - span(dis)[0] == pytest.approx(20 * scale, abs=0.2)
    assert span(agr)[1] - span(agr)[0] == pytest.approx(65 * scale, abs=0.2)
    words = texts(root)
    assert {"Disagree", "Neither", "Agree", "20%", "65%"} <= set(words)
    assert "Not shown: fewer than 10" in words


def test_diverging_labels_are_escaped_and_all_hidden_says_no_data():
    svg = diverging_chart([Agreement("<b>Q</b> & more", 10, 10, 80)], title="T <x>")
    assert "<b>" not in svg and "&lt;b&gt;Q&lt;/b&gt; &amp; more" in svg
    parse(svg)
    empty = diverging_chart([Agreement("Q", None, None, None)], title="T")
    assert "No data to show" in empty and "app-chart__segment--agree" not in empty


def test_small_multiple_on_a_fixed_scale_with_bands_labels_every_survey():
    root = parse(
        small_line_chart(
            [Series("All respondents", [60.0, None, 80.0])],
            categories=["2023", "2024", "2025"],
            title="S1: standard score (0 to 100), 2023 to 2025",
            top=100,
            bands=BANDS,
        )
    )
    _, desc = described(root)
    assert "All respondents: 80.0 in 2025, from 60.0 in 2023 (some values missing)" in desc
    assert len(root.findall(".//svg:g[@data-series='All respondents']/svg:circle", NS)) == 2
    assert len(classed(root, "app-chart__band")) == 3
    assert {"0", "50", "100", "2023", "2024", "2025"} <= set(texts(root))


def test_small_multiple_of_many_years_labels_the_first_and_last():
    years = [str(y) for y in range(2017, 2027)]
    root = parse(
        small_line_chart(
            [Series("Council", [float(i) for i in range(10)])],
            categories=years,
            title="Vacancy rate",
            unit="%",
        )
    )
    words = texts(root)
    assert "2017" in words and "2026" in words and "2020" not in words
    assert "0%" in words
    with pytest.raises(ValueError):
        small_line_chart([Series("Council", [1.0])], categories=years, title="x")


def test_the_key_of_small_multiples_names_each_line_and_band():
    root = parse(
        legend_key([Series("Council", []), Series("England", [], "reference")], bands=BANDS[:1])
    )
    title, desc = described(root)
    assert title == "Key to the charts"
    assert desc == (
        "Council: solid line with circles; England: dashed line with diamonds; "
        "Low (0 to 50): shading 1."
    )
    assert {"Council", "England", "Low (0 to 50)"} <= set(texts(root))
