"""Survey results: the engine's input frames (`frames`), page builders (`pages`), the import of
earlier years (`imports`). Every figure comes from `workforce_health.surveys.analysis`."""
