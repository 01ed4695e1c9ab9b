from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ListeningConfig(AppConfig):
    name = "workforce_health.listening"
    label = "listening"
    verbose_name = "Listening between Health Checks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_packaged_questionnaires, sender=self)


def _sync_packaged_questionnaires(**kwargs: object) -> None:
    """A database row for the pulse, check-back and session feedback questionnaires."""
    from workforce_health.listening.survey_adapter import packaged_questionnaires_sync

    packaged_questionnaires_sync()
