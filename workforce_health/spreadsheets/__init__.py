"""Spreadsheets in and out, safely. Pure: no Django.

- ``formulas``: text that a spreadsheet would run as a formula, made inert in every CSV and XLSX
  the product writes;
- ``reading``: uploaded CSV and XLSX tables read row by row with bounded memory: an XLSX's
  uncompressed size and compression ratio checked before it is opened, every row read whatever
  the sheet's stored dimension, and caps on rows, columns and cell lengths.
"""
