from django.urls import include, path

urlpatterns = [
    path("", include("workforce_health.web.urls")),
    path("", include("workforce_health.core.urls")),
    path("", include("workforce_health.signin.urls")),
    path("", include("workforce_health.audit.urls")),
    path("", include("workforce_health.surveys.urls")),
    path("", include("workforce_health.results.urls")),
    path("benchmarks/", include("workforce_health.benchmarks.urls")),
    path("workforce/", include("workforce_health.staffing.urls")),
    path("census/", include("workforce_health.census.urls")),
    path("reports/", include("workforce_health.reports.urls")),
    path("careers/", include("workforce_health.careers.urls")),
    path("", include("workforce_health.listening.urls")),
    path("development/", include("workforce_health.development.urls")),
    path("self-assessment/", include("workforce_health.assessments.urls")),
]

handler400 = "workforce_health.web.views.bad_request"
handler403 = "workforce_health.web.views.permission_denied"
handler404 = "workforce_health.web.views.page_not_found"
handler500 = "workforce_health.web.views.server_error"
