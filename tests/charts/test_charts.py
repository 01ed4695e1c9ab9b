"""The SVG charts: accessible names, one marker per known value, gaps, escaping, no data."""

import xml.etree.ElementTree as ET

import pytest

from workforce_health.charts import Bar, Series, bar_chart, line_chart

NS = {"svg": "http://www.w3.org/2000/svg"}
YEARS = ["2017", "2018", "2019", "2020"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def line(*series: Series, **options) -> ET.Element:
    return parse(
        line_chart(
            list(series), categories=YEARS, title="Vacancy rate", y_label="%", unit="%", **options
        )
    )


def series_group(root: ET.Element, name: str) -> ET.Element:
    group = root.find(f".//svg:g[@data-series='{name}']", NS)
    assert group is not None
    return group


def test_line_chart_is_an_image_with_a_title_and_a_data_summary():
    root = line(
        Series("Council", [10.0, 12.5, 11.0, 9.0]), Series("England", [15, 16, 17, 18], "reference")
    )
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and title.text == "Vacancy rate"
    assert desc is not None and desc.text is not None
    assert "Council: 9.0% in 2020, from 10.0% in 2017" in desc.text
    assert "England: 18.0% in 2020" in desc.text
    labelled_by = (root.get("aria-labelledby") or "").split()
    assert labelled_by == [title.get("id"), desc.get("id")]
    assert root.get("viewBox", "").startswith("0 0 ")


def test_one_marker_per_known_value_and_gaps_break_the_line():
    root = line(Series("Council", [10.0, None, 11.0, 9.0]))
    group = series_group(root, "Council")
    assert len(group.findall("svg:circle", NS)) == 3
    paths = group.findall("svg:path", NS)
    assert len(paths) == 1  # 2017 stands alone; 2019-2020 is one segment
    assert paths[0].get("d", "").count("L") == 1
    desc = root.find("svg:desc", NS)
    assert desc is not None and "some values missing" in (desc.text or "")


def test_series_differ_by_dash_and_marker_not_only_colour():
    root = line(
        Series("Council", [1, 2, 3, 4]),
        Series("Region", [2, 2, 2, 2], "secondary"),
        Series("England", [3, 3, 3, 3], "reference"),
    )
    dashes = {
        name: series_group(root, name).find("svg:path", NS).get("stroke-dasharray")  # type: ignore[union-attr]
        for name in ("Council", "Region", "England")
    }
    assert len(set(dashes.values())) == 3
    assert series_group(root, "Region").findall("svg:rect", NS)
    assert series_group(root, "England").findall("svg:polygon", NS)


def test_text_is_escaped():
    svg = line_chart(
        [Series("Smith & <Jones>", [1, 2, 3, 4])],
        categories=YEARS,
        title='Rates "quoted" & <b>',
        y_label="<y>",
    )
    root = parse(svg)  # would raise if anything were unescaped
    assert "<b>" not in svg and "<Jones>" not in svg
    assert root.find("svg:title", NS).text == 'Rates "quoted" & <b>'  # type: ignore[union-attr]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Smith & <Jones>" in texts


@pytest.mark.parametrize("values", [[None, None, None, None], []])
def test_no_data_gives_a_message_not_an_empty_plot(values):
    categories = YEARS if values else []
    root = parse(
        line_chart(
            [Series("Council", values)], categories=categories, title="Caseload", y_label="Cases"
        )
    )
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["No data to show for this period"]
    assert "no data" in (root.find("svg:desc", NS).text or "")  # type: ignore[union-attr]
    assert root.find(".//svg:circle", NS) is None


def test_values_must_line_up_with_categories():
    with pytest.raises(ValueError):
        line_chart([Series("Council", [1, 2])], categories=YEARS, title="t", y_label="y")


def test_bar_chart_labels_each_bar_and_summarises_highest_and_lowest():
    root = parse(
        bar_chart(
            [Bar("Assessment", 12.0), Bar("Fostering & adoption", 3.5), Bar("Leadership", None)],
            title="Turnover by team",
            unit="%",
        )
    )
    bars = root.findall(".//svg:rect", NS)
    assert len(bars) == 2
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"Assessment", "Fostering & adoption", "12.0%", "3.5%", "no value"} <= set(texts)
    desc = root.find("svg:desc", NS).text or ""  # type: ignore[union-attr]
    assert "Highest: Assessment, 12.0%" in desc and "Lowest: Fostering & adoption, 3.5%" in desc
    assert "1 with no value" in desc


def test_bar_chart_with_no_values_says_so():
    root = parse(bar_chart([Bar("A", None)], title="Leavers by reason"))
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["No data to show for this period"]


def test_long_bar_labels_wrap_onto_several_lines():
    label = "Non-social care role, any role outside England, no employment, or career break"
    root = parse(bar_chart([Bar(label, 2)], title="Destinations"))
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    lines = [t for t in texts if t and t in label]
    assert len(lines) >= 2 and " ".join(lines) == label


def test_charts_are_pure():
    import workforce_health.charts as charts

    source = "".join(
        open(charts.__file__.replace("__init__.py", name)).read()
        for name in ("__init__.py", "_svg.py", "line.py", "bar.py")
    )
    assert "django" not in source


def test_bar_labels_and_a_given_id_are_escaped():
    svg = bar_chart([Bar('<img src=x onerror="1">', 3.0)], title="T", ident='x" onload="1')
    parse(svg)
    assert "<img" not in svg and 'onload="1"' not in svg
