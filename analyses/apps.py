from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysesConfig(AppConfig):
    name = "analyses"
    verbose_name = _("Analyses")

    def ready(self):
        # Comments can be about one chosen indicator of a dossier's analysis.
        from dossiers import anchors
        from dossiers.models import Section

        from .models import GekozenIndicator

        anchors.register(
            "gekozenindicator", GekozenIndicator, "nota", Section.OMGEVINGSANALYSE,
            lambda keuze: str(_("Indicator “%(name)s”") % {"name": keuze.indicator.name}),
        )
