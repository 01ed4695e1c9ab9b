from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "workforce_health.web"
    label = "web"
    verbose_name = "Web layout"
