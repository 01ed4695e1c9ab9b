from django.urls import path

from workforce_health.staffing import views

urlpatterns = [
    path("", views.overview, name="workforce-overview"),
    path("download/<slug:table_slug>.csv", views.overview_csv, name="workforce-overview-csv"),
    path("download/<slug:table_slug>.xlsx", views.overview_xlsx, name="workforce-overview-xlsx"),
    path("breakdowns/", views.breakdowns, name="workforce-breakdowns"),
    path("vacancies/", views.vacancies, name="workforce-vacancies"),
    path(
        "breakdowns/download/<slug:breakdown_slug>.csv",
        views.breakdowns_csv,
        name="workforce-breakdowns-csv",
    ),
    path(
        "breakdowns/download/<slug:breakdown_slug>.xlsx",
        views.breakdowns_xlsx,
        name="workforce-breakdowns-xlsx",
    ),
]
