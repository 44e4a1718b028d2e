from django.urls import path

from . import views_zelfscan as v

P = "netwerken/<int:pk>/zelfscan/"

urlpatterns = [
    path(P, v.zelfscan_list, name="zelfscan_list"),
    path(P + "<int:scan_pk>/", v.zelfscan_detail, name="zelfscan_detail"),
    path(P + "<int:scan_pk>/invullen/", v.zelfscan_fill, name="zelfscan_fill"),
    path(P + "<int:scan_pk>/afsluiten/", v.zelfscan_close, name="zelfscan_close"),
    path(P + "<int:scan_pk>/actie/", v.zelfscan_action, name="zelfscan_action"),
]
