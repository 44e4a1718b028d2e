from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("", include("netwerken.urls")),
    path("", include("dossiers.urls")),
    path("", include("analyses.urls")),
    path(
        "account/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("account/", include("django.contrib.auth.urls")),
    path("beheer/", admin.site.urls),
]
