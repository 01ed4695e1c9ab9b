from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "workforce_health.careers"
    label = "careers"
    verbose_name = "Careers offer and agency compliance"
