from django.urls import path

from . import views_doelen as v

P = "dossiers/<int:pk>/doelstellingen/"

urlpatterns = [
    path(P, v.tree, name="dossier_doelstellingen"),
    path(P + "per-werkjaar/", v.plan, name="doelen_plan"),
    path(P + "partners/", v.load, name="doelen_load"),
    path(P + "sd/nieuw/", v.sd_add, name="sd_add"),
    path(P + "sd/<int:sd_pk>/", v.sd_edit, name="sd_edit"),
    path(P + "sd/<int:sd_pk>/od/nieuw/", v.od_add, name="od_add"),
    path(P + "od/<int:od_pk>/", v.od_edit, name="od_edit"),
    path(P + "od/<int:od_pk>/actie/nieuw/", v.actie_add, name="actie_add"),
    path(P + "actie/<int:actie_pk>/", v.actie_edit, name="actie_edit"),
    path(P + "<str:kind>/<int:item_pk>/verplaatsen/", v.item_move_view, name="doel_move"),
    path(P + "<str:kind>/<int:item_pk>/verwijderen/", v.item_delete_view, name="doel_delete"),
]
