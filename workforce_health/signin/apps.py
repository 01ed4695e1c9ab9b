from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "workforce_health.signin"
    label = "signin"
    verbose_name = "Sign-in"
