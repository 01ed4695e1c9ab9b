from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SurveysConfig(AppConfig):
    name = "workforce_health.surveys"
    label = "surveys"
    verbose_name = "Staff surveys"

    def ready(self) -> None:
        post_migrate.connect(_sync_builtin_questionnaires, sender=self)


def _sync_builtin_questionnaires(**kwargs: object) -> None:
    """Keep a database row for every questionnaire file, so waves can point at a version."""
    from workforce_health.surveys.services.questionnaires import questionnaire_builtins_sync

    questionnaire_builtins_sync()
