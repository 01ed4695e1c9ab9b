from django.urls import path

from workforce_health.benchmarks import views

urlpatterns = [
    path("", views.benchmark_data, name="benchmark-data"),
    path("comparators/", views.comparators, name="benchmark-comparators"),
]
