from django.urls import path, re_path

from workforce_health.reports import views

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("<int:report_id>/", views.report_edit, name="report-edit"),
    path("<int:report_id>/preview/", views.report_preview, name="report-preview"),
    re_path(
        r"^(?P<report_id>[0-9]+)/preview\.(?P<file_format>pdf|html|xlsx)$",
        views.report_preview_download,
        name="report-preview-download",
    ),
    path("<int:report_id>/publish/", views.report_publish, name="report-publish"),
    path("published/<int:version_id>/", views.report_version, name="report-version"),
    re_path(
        r"^published/(?P<version_id>[0-9]+)\.(?P<file_format>pdf|html|xlsx)$",
        views.report_version_download,
        name="report-version-download",
    ),
]
