from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from netwerken import accounts

urlpatterns = [
    path("", include("netwerken.urls")),
    path("", include("dossiers.urls")),
    path("", include("analyses.urls")),
    path(
        "account/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("account/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "account/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("account/", include("django.contrib.auth.urls")),
    path("beheer/", admin.site.urls),
]
