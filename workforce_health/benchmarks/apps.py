from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "workforce_health.benchmarks"
    label = "benchmarks"
    verbose_name = "Published benchmarks"
