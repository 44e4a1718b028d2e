from django.urls import path

from . import views

urlpatterns = [
    path(
        "dossiers/<int:pk>/omgevingsanalyse/",
        views.dossier_analyse,
        name="dossier_omgevingsanalyse",
    ),
]
