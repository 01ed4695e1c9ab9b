from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "workforce_health.assessments"
    label = "assessments"
    verbose_name = "Employer standards self-assessment"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The scrutiny report's optional "Employer standards self-assessment" section: this app
        # sits above the report (it renders with it), so it offers the section to the report.
        from workforce_health.assessments.report_section import SECTION
        from workforce_health.reports.sections.catalogue import offer

        offer(SECTION)
