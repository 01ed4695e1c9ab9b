"""The workforce dashboard's content: headline figures, trends and breakdowns as charts and
tables, built once for the page and for its downloads so they always match.

Every figure comes from the measures engine through ``staffing.selectors``; nothing here
computes a rate. Numbers are formatted by ``format_rate``/``format_count`` (web/tables.py).
"""
