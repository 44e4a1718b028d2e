from django.urls import path

from . import views, views_import, views_kwalitatief

A = "dossiers/<int:pk>/omgevingsanalyse/"
IMPORT = "cijfers/importeren/"

urlpatterns = [
    path(A, views.hub, name="dossier_omgevingsanalyse"),
    path(A + "cijfers/", views.cijfers, name="analyse_cijfers"),
    path(A + "cijfers/indicatoren/", views.indicatoren, name="analyse_indicatoren"),
    path(A + "cijfers/<int:keuze_pk>/duiding/", views.duiding, name="analyse_duiding"),
    path(A + "netwerkbeeld/", views.netwerkbeeld_view, name="analyse_netwerkbeeld"),
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
    path("netwerken/<int:pk>/cijfers/", views.dashboard, name="netwerk_dashboard"),
    path(IMPORT, views_import.upload, name="import_upload"),
    path(IMPORT + "<int:batch_pk>/", views_import.preview, name="import_preview"),
    path(IMPORT + "<int:batch_pk>/kolommen/", views_import.mapping, name="import_mapping"),
    path(IMPORT + "<int:batch_pk>/bevestigen/", views_import.confirm, name="import_confirm"),
    path(IMPORT + "<int:batch_pk>/naam/", views_import.accept_name, name="import_accept_name"),
    path(IMPORT + "<int:batch_pk>/annuleren/", views_import.cancel, name="import_cancel"),
    path(IMPORT + "<int:batch_pk>/ongedaan-maken/", views_import.undo, name="import_undo"),
]
