from django.urls import path, re_path

from workforce_health.assessments import views

urlpatterns = [
    path("", views.assessment_list, name="self-assessment-list"),
    path("new/", views.assessment_create, name="self-assessment-create"),
    path("scale/", views.scale_edit, name="self-assessment-scale"),
    path("ofsted/", views.ofsted_summary, name="self-assessment-ofsted"),
    path("region/", views.regional, name="self-assessment-region"),
    re_path(
        r"^ofsted\.(?P<file_format>pdf|html|xlsx)$",
        views.ofsted_download,
        name="self-assessment-ofsted-download",
    ),
    path("<int:assessment_id>/", views.assessment_detail, name="self-assessment"),
    path(
        "<int:assessment_id>/standards/<str:standard_code>/",
        views.rating_edit,
        name="self-assessment-rate",
    ),
    path(
        "<int:assessment_id>/standards/<str:standard_code>/action/",
        views.gap_action,
        name="self-assessment-action",
    ),
    path("<int:assessment_id>/publish/", views.assessment_publish, name="self-assessment-publish"),
    re_path(
        r"^(?P<assessment_id>[0-9]+)/draft\.(?P<file_format>pdf|html|xlsx)$",
        views.assessment_draft_download,
        name="self-assessment-draft-download",
    ),
    path(
        "published/<int:assessment_version_id>/",
        views.version_detail,
        name="self-assessment-version",
    ),
    re_path(
        r"^published/(?P<assessment_version_id>[0-9]+)\.(?P<file_format>pdf|html|xlsx)$",
        views.version_download,
        name="self-assessment-version-download",
    ),
]
