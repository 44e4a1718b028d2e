from django.urls import path

from . import views_reviewer, views_ronde

urlpatterns = [
    path("beoordeling/ronde/", views_ronde.overview, name="ronde_overview_current"),
    path("beoordeling/ronde/<int:pk>/", views_ronde.overview, name="ronde_overview"),
    path("beoordeling/dossier/<int:pk>/nemen/", views_reviewer.take, name="dossier_take_review"),
    path("beoordeling/ronde/<int:pk>/dekking/", views_ronde.coverage, name="ronde_coverage"),
    path("beoordeling/ronde/<int:pk>/vergelijking/", views_ronde.comparison, name="ronde_comparison"),
    path(
        "beoordeling/ronde/<int:pk>/export/<slug:kind>.<slug:fmt>",
        views_ronde.export,
        name="ronde_export",
    ),
]
