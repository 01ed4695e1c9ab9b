from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "workforce_health.core"
    label = "core"
    verbose_name = "Organisations and people"
