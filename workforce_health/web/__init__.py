"""Page furniture shared by every app: layout, GOV.UK form rendering, error and static pages."""
