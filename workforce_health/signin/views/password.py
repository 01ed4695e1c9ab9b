"""Changing one's password, and resetting a forgotten one by email (Django's token views)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy

from workforce_health.signin import forms


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "signin/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("home")

    def form_valid(self, form: forms.PasswordChangeForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "signin/password_reset.html"
    form_class = forms.PasswordResetForm
    email_template_name = "signin/email/password_reset.txt"
    subject_template_name = "signin/email/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "signin/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "signin/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "signin/password_reset_complete.html"
