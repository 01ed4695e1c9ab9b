from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "workforce_health.census"
    label = "census"
    verbose_name = "DfE workforce census"
