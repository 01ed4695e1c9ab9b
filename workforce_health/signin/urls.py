"""Sign-in routes: ours, and the few django-allauth views this service uses, at our paths.

allauth's views reverse allauth's route names (account_login, mfa_..., openid_connect_...),
so those names are kept; nothing else of allauth (sign-up, email management) is routed.
"""

from allauth.account import views as account_views
from allauth.mfa.base import views as mfa_views
from allauth.mfa.recovery_codes import views as recovery_views
from allauth.mfa.totp import views as totp_views
from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.urls import path

from workforce_health.signin.form_action import with_identity_provider
from workforce_health.signin.views import admin, password, signin

urlpatterns = [
    path("sign-in/", signin.SignInView.as_view(), name="sign-in"),
    path("sign-in/", signin.SignInView.as_view(), name="account_login"),
    path("sign-in/confirm-password/", account_views.reauthenticate, name="account_reauthenticate"),
    # Two-factor authentication (allauth.mfa): the code at sign-in, and one's own settings.
    path("sign-in/code/", mfa_views.authenticate, name="mfa_authenticate"),
    path("sign-in/confirm-code/", mfa_views.reauthenticate, name="mfa_reauthenticate"),
    path("account/two-factor/", mfa_views.index, name="mfa_index"),
    path("account/two-factor/app/", totp_views.activate_totp, name="mfa_activate_totp"),
    path("account/two-factor/app/remove/", totp_views.deactivate_totp, name="mfa_deactivate_totp"),
    path(
        "account/two-factor/recovery-codes/",
        recovery_views.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path(
        "account/two-factor/recovery-codes/new/",
        recovery_views.generate_recovery_codes,
        name="mfa_generate_recovery_codes",
    ),
    path(
        "account/two-factor/recovery-codes/download/",
        recovery_views.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
    # Passwords.
    path("account/password/", password.PasswordChangeView.as_view(), name="password-change"),
    path("password-reset/", password.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        password.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        password.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    # Microsoft Entra ID (allauth's OpenID Connect views; provider_id is entra-<LA code>).
    path(
        "accounts/oidc/<str:provider_id>/login/",
        with_identity_provider(oidc_views.login),
        name="openid_connect_login",
    ),
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        oidc_views.callback,
        name="openid_connect_callback",
    ),
    path(
        "sign-in/microsoft/cancelled/", signin.social_refused, name="socialaccount_login_cancelled"
    ),
    path("sign-in/microsoft/error/", signin.social_refused, name="socialaccount_login_error"),
    path("sign-in/microsoft/not-set-up/", signin.social_refused, name="socialaccount_signup"),
    # The administrator's pages.
    path("organisation/sign-in/", admin.sign_in_settings, name="sign-in-settings"),
    path(
        "organisation/sign-in/groups/new/", admin.group_mapping_create, name="sign-in-group-create"
    ),
    path(
        "organisation/sign-in/groups/<int:mapping_id>/remove/",
        admin.group_mapping_remove,
        name="sign-in-group-remove",
    ),
    path("organisation/sign-in/locked/", admin.locked_sign_ins, name="sign-in-locks"),
]
