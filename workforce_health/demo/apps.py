from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "workforce_health.demo"
    label = "demo"
    verbose_name = "Demo council"
