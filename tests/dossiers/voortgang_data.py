"""An approved dossier with two working years followed up, for the progress and copy tests."""

from datetime import date
from decimal import Decimal

from dossiers.models import ActieOpvolging, IndicatorMeting, Reflectiemoment
from dossiers.services_opvolging import werkjaar_start

STATUSES = {  # action title: (status 2027, status 2028)
    "Infomarkt": ("lopend", "lopend"),
    "Vakantiekamp voor gezinnen": ("lopend", "afgerond"),
    "UiTPAS-infomarkt": ("niet_gestart", "uitgesteld"),
}


def follow_up(nota, user, *, years=(2027, 2028)):
    """Follow `nota` (approved) up in `years`: statuses as above, reach, a measured indicator,
    a budget line far below its plan with its reason, and a reflection moment with lessons."""
    nota.status = "goedgekeurd"
    nota.save(update_fields=["status"])
    for n, year in enumerate(years):
        jaar = werkjaar_start(nota=nota, year=year, user=user)
        for row in ActieOpvolging.objects.filter(werkjaar=jaar).select_related("actie"):
            row.status = STATUSES.get(row.actie.title, ("lopend", "lopend"))[n]
            row.participants, row.participants_kansengroepen = 100 + 50 * n, 40 + 20 * n
            row.save()
        IndicatorMeting.objects.filter(werkjaar=jaar).update(value=str(150 + 30 * n))
        realisatie = jaar.realisaties.get(post__category="personeel")
        realisatie.amount, realisatie.explanation = Decimal("30000"), "Vacature pas in mei ingevuld"
        realisatie.save()
        Reflectiemoment.objects.create(
            werkjaar=jaar, held_on=date(year, 6, 1), participants="Stuurgroep",
            people_in_poverty=True, lessons=f"Ervaringsdeskundigen vroeger betrekken ({year})",
            decisions=f"Kamp in de zomer ({year})",
        )
