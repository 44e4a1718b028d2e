"""The cooperation agreements in the exchange format: created from the validated part
(dossiers/schema/samenwerking.py) once the whole document is good."""

from netwerken.models import RoleAssignment

from .models import ActieIndicator, GeplandReflectiemoment, Monitoringafspraak, Overlegorgaan, Samenwerking


def import_samenwerking(nota, s, partners, *, with_roles):
    """The agreements. The network roles belong to the network: they are read only when the
    import makes the network, never added to an existing one's."""
    if with_roles:
        for role in s.rollen:
            RoleAssignment.objects.get_or_create(
                netwerk=nota.netwerk, role=role.role, person_name=role.person_name,
                defaults={"partner": partners.get(role.partner)},
            )
    Samenwerking.objects.create(nota=nota, **s.texts.model_dump())
    for body in s.overlegorganen:
        made = Overlegorgaan.objects.create(
            nota=nota, name=body.name, purpose=body.purpose, people=body.people, per_year=body.per_year,
        )
        made.partners.set([partners[k] for k in body.partners])
    indicators = {}
    for indicator in ActieIndicator.objects.filter(actie__nota=nota).select_related("actie__od__sd"):
        indicators.setdefault((indicator.actie.code, indicator.name), indicator)
    for row in s.monitoring:
        Monitoringafspraak.objects.create(
            nota=nota,
            indicator=indicators.get((row.actie, row.indicator)),
            measure=row.measure,
            moment=row.moment,
            by_whom=row.by_whom,
        )
    for moment in s.reflectiemomenten:
        GeplandReflectiemoment.objects.create(
            nota=nota, moment=moment.moment, year=moment.year, participants=moment.participants,
        )
