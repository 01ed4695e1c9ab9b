from django.urls import path

from workforce_health.web import views

urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
]
