from django.urls import path

from workforce_health.audit import views

urlpatterns = [
    path("audit/", views.audit_list, name="audit-list"),
    path("audit/audit-trail.csv", views.audit_csv, name="audit-csv"),
]
