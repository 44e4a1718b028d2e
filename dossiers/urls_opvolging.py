from django.urls import path

from . import views_opvolging as v

P = "dossiers/<int:pk>/opvolging/"
Y = P + "<int:year>/"

urlpatterns = [
    path(P, v.opvolging, name="opvolging"),
    path(Y, v.werkjaar, name="opvolging_werkjaar"),
    path(Y + "acties/<int:actie_pk>/", v.opvolging_actie, name="opvolging_actie"),
    path(Y + "indicatoren/", v.opvolging_indicatoren, name="opvolging_indicatoren"),
    path(Y + "begroting/", v.opvolging_begroting, name="opvolging_begroting"),
    path(Y + "reflectie/nieuw/", v.reflectie, name="opvolging_reflectie_new"),
    path(Y + "reflectie/<int:item_pk>/", v.reflectie, name="opvolging_reflectie"),
    path(Y + "bijsturing/nieuw/", v.bijsturing, name="opvolging_bijsturing_new"),
    path(Y + "bijsturing/<int:item_pk>/", v.bijsturing, name="opvolging_bijsturing"),
]
