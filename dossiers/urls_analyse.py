from django.urls import path

from . import views_analyse, views_kwalitatief

A = "dossiers/<int:pk>/omgevingsanalyse/"

urlpatterns = [
    path(A, views_analyse.hub, name="dossier_omgevingsanalyse"),
    path(A + "cijfers/", views_analyse.cijfers, name="analyse_cijfers"),
    path(A + "cijfers/indicatoren/", views_analyse.indicatoren, name="analyse_indicatoren"),
    path(A + "cijfers/<int:keuze_pk>/duiding/", views_analyse.duiding, name="analyse_duiding"),
    path(A + "netwerkbeeld/", views_analyse.netwerkbeeld_view, name="analyse_netwerkbeeld"),
    path(A + "vragen/<str:kind>/", views_kwalitatief.kwalitatief, name="analyse_kwalitatief"),
    path(A + "swot/", views_kwalitatief.swot, name="analyse_swot"),
    path(A + "drempels/", views_kwalitatief.drempels, name="analyse_drempels"),
    path(A + "stem/", views_kwalitatief.stem, name="analyse_stem"),
    path(A + "<str:kind>/toevoegen/", views_kwalitatief.item_add, name="analyse_item_add"),
    path(
        A + "<str:kind>/<int:item_pk>/bewerken/",
        views_kwalitatief.item_edit,
        name="analyse_item_edit",
    ),
    path(
        A + "<str:kind>/<int:item_pk>/verwijderen/",
        views_kwalitatief.item_remove,
        name="analyse_item_remove",
    ),
    path("netwerken/<int:pk>/cijfers/", views_analyse.dashboard, name="netwerk_dashboard"),
]
