from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "workforce_health.development"
    label = "development"
    verbose_name = "Practice development records"
