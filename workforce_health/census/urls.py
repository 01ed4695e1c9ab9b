from django.urls import path

from workforce_health.census import views

urlpatterns = [
    path("", views.index, name="census-index"),
    path("import/", views.census_import, name="census-import"),
    path("export/", views.census_export, name="census-export"),
    path("hr-extract/", views.hr_import, name="hr-import"),
    path("hr-extract/template.csv", views.hr_template_csv, name="hr-template-csv"),
    path("hr-extract/template.xlsx", views.hr_template_xlsx, name="hr-template-xlsx"),
]
