from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "workforce_health.results"
    label = "results"
    verbose_name = "Survey results"
