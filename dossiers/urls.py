from django.urls import include, path

from . import views, views_visie

urlpatterns = [
    path("netwerken/<int:pk>/dossiers/nieuw/", views.dossier_start, name="dossier_start"),
    path("dossiers/<int:pk>/", views.overview, name="dossier_overview"),
    path("dossiers/<int:pk>/visie/", views_visie.visie, name="dossier_visie"),
    path("dossiers/<int:pk>/partners/", views.partners, name="dossier_partners"),
    path("dossiers/<int:pk>/gemeenten/", views.gemeenten, name="dossier_gemeenten"),
    path("dossiers/<int:pk>/geschiedenis/", views.history, name="dossier_history"),
    path("", include("dossiers.urls_doelen")),
    path("", include("dossiers.urls_begroting")),
]
