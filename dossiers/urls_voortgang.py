from django.urls import path

from . import views_voortgang as v

urlpatterns = [
    path("dossiers/<int:pk>/opvolging/voortgang/", v.voortgang_page, name="opvolging_voortgang"),
    path(
        "dossiers/<int:pk>/omgevingsanalyse/zelfevaluatie/", v.zelfevaluatie,
        name="analyse_zelfevaluatie",
    ),
]
