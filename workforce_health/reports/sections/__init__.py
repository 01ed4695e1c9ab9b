"""The report's sections: each module builds one or more (`spec.SectionSpec`); `catalogue.py`
lists them in order."""
