"""Page builders of the results pages: each turns the engine's suppressed tables into what a page
shows (tables, charts, figures) for one scope, with no request and nothing written. The views
render them; the scrutiny report shows the same tables."""
