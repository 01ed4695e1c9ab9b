from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "workforce_health.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from workforce_health.audit import registry

        registry.register_tracked_models()
