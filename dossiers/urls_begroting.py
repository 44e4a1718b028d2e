from django.urls import path

from . import views_begroting

urlpatterns = [
    path("dossiers/<int:pk>/begroting/", views_begroting.grid, name="dossier_begroting"),
    path("dossiers/<int:pk>/begroting/cel/", views_begroting.cell, name="dossier_begroting_cel"),
]
