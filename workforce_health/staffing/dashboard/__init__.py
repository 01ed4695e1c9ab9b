"""Page builders of the workforce dashboard: headline figures, trends and breakdowns as charts
and tables, built once for the page, its downloads and the scrutiny report, so they always
match. No request and nothing written: the views parse the page's choices and render these.

Every figure comes from the measures engine through ``staffing.selectors`` (its `Context`);
nothing here computes a rate. Numbers are formatted by ``workforce_health.rounding``.
"""
