"""The cooperation agreements in the exchange format: checked with the rest of the document
(`exchange.validate_document` passes its checker), then created once the whole document is good."""

from django.utils.translation import gettext as _

from netwerken import bounds
from netwerken.models import Beheerrol, RoleAssignment

from .models import ActieIndicator, Monitoringafspraak, Overlegorgaan, GeplandReflectiemoment, Samenwerking


def check_samenwerking(c, s, years, partner_keys, indicators):
    path = "$.samenwerking"
    texts = c.mapping(s.get("texts", {}), f"{path}.texts")
    known = [name for name, _label, _help in Samenwerking.TEXTS]
    for name in texts:
        if name not in known:
            c.fail(f"{path}.texts.{name}", _("unknown subject"))
        else:
            c.rich_text(texts, name, f"{path}.texts", max_length=bounds.DESCRIPTION)
    bodies = c.listing(s.get("overlegorganen", []), f"{path}.overlegorganen", bounds.CONSULTATION_BODIES)
    for i, body in enumerate(bodies):
        at = f"{path}.overlegorganen[{i}]"
        body = c.mapping(body, at)
        c.text(body, "name", at, required=True, max_length=bounds.NAME)
        c.text(body, "purpose", at, max_length=bounds.TEXT)
        c.text(body, "people", at, max_length=bounds.TEXT)
        per_year = body.get("per_year")
        if type(per_year) is not int or not 1 <= per_year <= bounds.MEETINGS_PER_YEAR:
            c.fail(f"{at}.per_year", _("expected a whole number from 1 to %(max)s") % {
                "max": bounds.MEETINGS_PER_YEAR})
        for key in c.listing(body.get("partners", []), f"{at}.partners", bounds.PARTNERS):
            if key not in partner_keys:
                c.fail(f"{at}.partners", _("refers to an unknown partner “%(key)s”") % {"key": key})
    for i, role in enumerate(c.listing(s.get("rollen", []), f"{path}.rollen", bounds.PARTNERS)):
        at = f"{path}.rollen[{i}]"
        role = c.mapping(role, at)
        c.choice(role, "role", at, Beheerrol.values, blank=False)
        c.text(role, "person_name", at, required=True, max_length=bounds.NAME)
        if role.get("partner") is not None and role.get("partner") not in partner_keys:
            c.fail(f"{at}.partner", _("refers to an unknown partner “%(key)s”") % {"key": role.get("partner")})
    rows = c.listing(s.get("monitoring", []), f"{path}.monitoring", bounds.MONITORING_ROWS)
    for i, row in enumerate(rows):
        at = f"{path}.monitoring[{i}]"
        row = c.mapping(row, at)
        # `measure` may be empty: a line whose indicator was removed says nothing any more, and
        # the checklist says so; refusing it here would make the dossier impossible to copy.
        c.text(row, "measure", at, max_length=bounds.TITLE)
        c.text(row, "moment", at, required=True, max_length=bounds.SHORT_TEXT)
        c.text(row, "by_whom", at, required=True, max_length=bounds.NAME)
        if row.get("actie") is not None or row.get("indicator") is not None:
            if (row.get("actie"), row.get("indicator")) not in indicators:
                c.fail(f"{at}.indicator", _("refers to no indicator of action “%(code)s”") % {
                    "code": row.get("actie")})
    moments = c.listing(s.get("reflectiemomenten", []), f"{path}.reflectiemomenten", bounds.REFLECTION_MOMENTS)
    for i, moment in enumerate(moments):
        at = f"{path}.reflectiemomenten[{i}]"
        moment = c.mapping(moment, at)
        c.text(moment, "moment", at, required=True, max_length=bounds.SHORT_TEXT)
        c.text(moment, "participants", at, max_length=bounds.TEXT)
        if moment.get("year") is not None and moment.get("year") not in years:
            c.fail(f"{at}.year", _("%(year)s is outside the subsidy period") % {"year": moment.get("year")})


def import_samenwerking(nota, s, partners, *, with_roles):
    """The agreements. The network roles belong to the network: they are read only when the
    import makes the network, never added to an existing one's."""
    if with_roles:
        for role in s.get("rollen", []):
            RoleAssignment.objects.get_or_create(
                netwerk=nota.netwerk, role=role["role"], person_name=role["person_name"],
                defaults={"partner": partners.get(role.get("partner"))},
            )
    texts = s.get("texts", {})
    Samenwerking.objects.create(nota=nota, **{
        name: texts.get(name, "") for name, _label, _help in Samenwerking.TEXTS
    })
    for body in s.get("overlegorganen", []):
        made = Overlegorgaan.objects.create(
            nota=nota, name=body["name"], purpose=body.get("purpose", ""),
            people=body.get("people", ""), per_year=body["per_year"],
        )
        made.partners.set([partners[k] for k in body.get("partners", [])])
    indicators = {}
    for indicator in ActieIndicator.objects.filter(actie__nota=nota).select_related("actie__od__sd"):
        indicators.setdefault((indicator.actie.code, indicator.name), indicator)
    for row in s.get("monitoring", []):
        Monitoringafspraak.objects.create(
            nota=nota,
            indicator=indicators.get((row.get("actie"), row.get("indicator"))),
            measure=row.get("measure", ""),
            moment=row["moment"],
            by_whom=row["by_whom"],
        )
    for moment in s.get("reflectiemomenten", []):
        GeplandReflectiemoment.objects.create(
            nota=nota, moment=moment["moment"], year=moment.get("year"),
            participants=moment.get("participants", ""),
        )
