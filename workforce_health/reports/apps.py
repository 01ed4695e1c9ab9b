from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "workforce_health.reports"
    label = "reports"
    verbose_name = "Scrutiny reports"
    default_auto_field = "django.db.models.BigAutoField"
