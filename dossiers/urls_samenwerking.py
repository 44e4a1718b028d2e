from django.urls import path

from . import views_samenwerking as v

P = "dossiers/<int:pk>/samenwerking/"

urlpatterns = [
    path(P, v.samenwerking, name="dossier_samenwerking"),
    path(P + "<str:kind>/nieuw/", v.item_add, name="samenwerking_add"),
    path(P + "<str:kind>/<int:item_pk>/", v.item_edit, name="samenwerking_edit"),
    path(P + "<str:kind>/<int:item_pk>/verwijderen/", v.item_delete, name="samenwerking_delete"),
]
