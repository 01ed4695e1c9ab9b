"""Sign-in, password, Microsoft Entra ID settings and unlock forms, worded as GOV.UK asks."""

from typing import Any

from allauth.account import forms as account_forms
from allauth.account.forms import LoginForm
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import User
from django.db.models import QuerySet

from workforce_health.core.models import Membership, Organisation
from workforce_health.signin import rules
from workforce_health.signin.models import GroupMapping, OrganisationSignIn

SSO_ONLY_MESSAGE = (
    "Your organisation signs in with Microsoft: use the Sign in with Microsoft button"
)


class SignInForm(LoginForm):
    """allauth's sign-in form with the labels and messages of the earlier Django one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Username"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["login"].error_messages["required"] = "Enter your username"
        self.fields["password"] = forms.CharField(
            label="Password",
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            error_messages={"required": "Enter your password"},
        )

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError:
            # A right password for a user whose organisation is SSO-only: say what to do.
            user = User.objects.filter(username=self.cleaned_data.get("login", "")).first()
            password = self.cleaned_data.get("password", "")
            if user and rules.password_refused(user) and user.check_password(password):
                raise forms.ValidationError(SSO_ONLY_MESSAGE) from None
            raise


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        "password_incorrect": "Your current password is not right: enter it again",
        "password_mismatch": "The two new passwords do not match",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _govuk_passwords(self)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


class SetPasswordForm(auth_forms.SetPasswordForm):
    error_messages = {"password_mismatch": "The two new passwords do not match"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _govuk_passwords(self)


def _govuk_passwords(form: forms.Form) -> None:
    form.fields["new_password1"].label = "New password"
    form.fields["new_password1"].help_text = (
        "At least 8 characters, not a common password, not all numbers and not like your "
        "username or name"
    )
    form.fields["new_password1"].error_messages["required"] = "Enter a new password"
    form.fields["new_password2"].label = "Confirm new password"
    form.fields["new_password2"].help_text = ""
    form.fields["new_password2"].error_messages["required"] = "Enter the new password again"
    for name in ("new_password1", "new_password2"):
        form.fields[name].widget.attrs.pop("autofocus", None)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends a reset link to an active user with a password their organisation accepts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "The email address your administrator gave your sign-in"
        self.fields["email"].error_messages = {
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        }

    def get_users(self, email: str) -> Any:
        return (user for user in super().get_users(email) if not rules.password_refused(user))


class SignInSettingsForm(forms.ModelForm):
    govuk_mark_optional = False  # the IDs are needed once Microsoft sign-in is on

    class Meta:
        model = OrganisationSignIn
        fields = [
            "entra_enabled",
            "tenant_id",
            "client_id",
            "secret_variable",
            "sso_only",
            "break_glass_user",
        ]
        help_texts = {
            "tenant_id": "On the app registration's Overview page in the Microsoft Entra "
            "admin centre",
            "client_id": "On the same page",
            "secret_variable": "The secret itself is never stored here: your server "
            "administrator sets this environment variable on the server",
            "sso_only": "Passwords are then refused for this organisation's staff, except "
            "the local administrator chosen below",
            "break_glass_user": "Keep one local administrator with a password and MFA, "
            "for when Microsoft sign-in is not working",
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        administrators: QuerySet[User] = User.objects.filter(
            memberships__organisation=organisation,
            memberships__role=Membership.Role.ADMINISTRATOR,
        ).order_by("username")
        field = self.fields["break_glass_user"]
        field.queryset = administrators  # type: ignore[attr-defined]
        field.empty_label = "None"  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.username  # type: ignore[attr-defined]


class GroupMappingForm(forms.ModelForm):
    govuk_mark_optional = False  # the labels say who needs a service or team

    class Meta:
        model = GroupMapping
        fields = ["claim_value", "role", "service", "team"]
        labels = {"service": "Service (service managers)", "team": "Team (team managers)"}
        help_texts = {
            "claim_value": "The group's object ID, like 0b8a3c4e-1b7e-4b34-9a57-3d6c3a1f2e11, "
            "or the value of an app role, like Workforce.Lead",
        }
        error_messages = {
            "claim_value": {"required": "Enter the group's object ID or the app role"},
            "role": {"required": "Choose a role"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["service"].queryset = organisation.services.all()  # type: ignore[attr-defined]
        self.fields["team"].queryset = organisation.teams.all()  # type: ignore[attr-defined]
        self.fields["service"].empty_label = "None"  # type: ignore[attr-defined]
        self.fields["team"].empty_label = "None"  # type: ignore[attr-defined]
        self.fields["role"].choices = [("", "Choose a role"), *Membership.Role.choices]  # type: ignore[attr-defined]

    def _get_validation_exclusions(self) -> set[str]:
        exclusions: set[str] = super()._get_validation_exclusions()  # type: ignore[misc]
        return exclusions - {"organisation"}


def _govuk_code(form: forms.Form, label: str) -> None:
    field = form.fields["code"]
    field.label = label
    field.help_text = "The 6-digit code, or one of your recovery codes"
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update({"class": "govuk-input--width-10", "spellcheck": "false"})
    field.error_messages["required"] = "Enter the code from your authenticator app"


class MfaAuthenticateForm(mfa_forms.AuthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _govuk_code(self, "Code from your authenticator app")


class MfaReauthenticateForm(mfa_forms.ReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _govuk_code(self, "Code from your authenticator app")


class ActivateTotpForm(totp_forms.ActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _govuk_code(self, "Code from your authenticator app")
        self.fields["code"].help_text = "The 6-digit code the app shows for Workforce Health"


class ReauthenticateForm(account_forms.ReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"] = forms.CharField(
            label="Password",
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            error_messages={"required": "Enter your password"},
        )
