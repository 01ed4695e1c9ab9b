from django.urls import path

from workforce_health.surveys.views import manage, respond, shared

urlpatterns = [
    # Respondents: public, no sign-in.
    path("s/<str:token>/", respond.start, name="survey-start"),
    path("s/<str:token>/section/<int:number>/", respond.section, name="survey-section"),
    path("s/<str:token>/check/", respond.check, name="survey-check"),
    path("survey/<str:la_code>/<slug:slug>/", shared.shared_start, name="survey-shared"),
    # Workforce leads and administrators.
    path("surveys/", manage.wave_list, name="survey-wave-list"),
    path("surveys/waves/new/", manage.wave_create, name="survey-wave-create"),
    path("surveys/waves/<int:wave_id>/", manage.wave_detail, name="survey-wave-detail"),
    path(
        "surveys/waves/<int:wave_id>/settings/", manage.wave_settings, name="survey-wave-settings"
    ),
    path("surveys/waves/<int:wave_id>/change/", manage.wave_edit, name="survey-wave-edit"),
    path("surveys/waves/<int:wave_id>/open/", manage.wave_open, name="survey-wave-open"),
    path("surveys/waves/<int:wave_id>/close/", manage.wave_close, name="survey-wave-close"),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/",
        manage.questionnaire_detail,
        name="survey-questionnaire-detail",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/copy/",
        manage.questionnaire_copy,
        name="survey-questionnaire-copy",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/edit/",
        manage.questionnaire_edit,
        name="survey-questionnaire-edit",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/questions/add/",
        manage.questionnaire_item_type,
        name="survey-questionnaire-item-type",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/questions/add/<slug:item_type>/",
        manage.questionnaire_item_add,
        name="survey-questionnaire-item-add",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/questions/<slug:item_code>/remove/",
        manage.questionnaire_item_remove,
        name="survey-questionnaire-item-remove",
    ),
    path(
        "surveys/questionnaires/<int:questionnaire_id>/questions/<slug:item_code>/options/",
        manage.questionnaire_options,
        name="survey-questionnaire-options",
    ),
]
