"""Survey results, read-only: which waves a reader may see and the engine's input frames
(`selectors`), a scope's rows of the engine's tables (`scoping`), the page builders (`pages/`),
the pages and downloads (`views`), and the import of earlier years' responses (`imports`,
`import_views`), which writes through `surveys.services.past_waves`. Every figure comes from
`workforce_health.surveys.analysis`."""
