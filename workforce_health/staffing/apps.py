from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "workforce_health.staffing"
    label = "staffing"
    verbose_name = "Recruitment and retention"
