from django.urls import path

from . import views_doelen

urlpatterns = [
    path("dossiers/<int:pk>/doelstellingen/", views_doelen.tree, name="dossier_doelstellingen"),
]
