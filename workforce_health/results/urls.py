"""Results routes: the results pages and downloads, and the import of earlier years.

The paths sit under /surveys/ with the survey pages; the names are unchanged."""

from django.urls import path

from workforce_health.results import import_views, views

WAVE = "surveys/waves/<int:results_wave_id>/results/"

urlpatterns = [
    path("surveys/results/", views.results_index, name="survey-results-index"),
    path("surveys/results/import/", import_views.past_wave_import, name="survey-results-import"),
    path(
        "surveys/results/import/template/<int:questionnaire_id>.csv",
        import_views.import_template_csv,
        name="survey-import-template-csv",
    ),
    path(
        "surveys/results/import/template/<int:questionnaire_id>.xlsx",
        import_views.import_template_xlsx,
        name="survey-import-template-xlsx",
    ),
    path(
        "surveys/results/import/invited-template.csv",
        import_views.invited_template_csv,
        name="survey-invited-template-csv",
    ),
    path(
        "surveys/results/import/invited-template.xlsx",
        import_views.invited_template_xlsx,
        name="survey-invited-template-xlsx",
    ),
    path(
        "surveys/waves/<int:results_wave_id>/invited/",
        import_views.invited_counts,
        name="survey-wave-invited",
    ),
    path(WAVE, views.results_overview, name="survey-results"),
    path(f"{WAVE}items/", views.results_items, name="survey-results-items"),
    path(f"{WAVE}breakdowns/", views.results_breakdowns, name="survey-results-breakdowns"),
    path(f"{WAVE}heatmap/", views.results_heatmap, name="survey-results-heatmap"),
    path(f"{WAVE}numbers/", views.results_numbers, name="survey-results-numbers"),
    path(f"{WAVE}comments/", views.results_comments, name="survey-results-comments"),
    path(
        f"{WAVE}<slug:results_page>/<slug:results_table>.csv",
        views.results_csv,
        name="survey-results-csv",
    ),
    path(
        f"{WAVE}<slug:results_page>/<slug:results_table>.xlsx",
        views.results_xlsx,
        name="survey-results-xlsx",
    ),
]
