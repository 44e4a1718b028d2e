from dossiers.checklist import run_checklist
from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling


def check(nota, name):
    return next(c for c in run_checklist(nota).checks if c.rule.name == name)


def test_objectives_hold_objectives_that_hold_actions(nota_a, partner_org_a):
    assert check(nota_a, "doelen_present").problems
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    assert check(nota_a, "doelen_present").passed
    assert check(nota_a, "sd_have_od").problems == ["SD1 heeft nog geen operationele doelstelling."]
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    assert check(nota_a, "sd_have_od").passed
    assert check(nota_a, "od_have_actions").problems == ["OD1.1 heeft nog geen actie."]
    Actie.objects.create(od=od, title="A", years=[2027], lead_partner=partner_org_a)
    assert check(nota_a, "od_have_actions").passed


def test_actions_in_the_first_working_years(nota_a, partner_org_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    Actie.objects.create(od=od, title="A", years=[2027], lead_partner=partner_org_a)
    assert check(nota_a, "actions_in_first_years").problems == ["Er is nog geen actie gepland in 2028."]
    Actie.objects.create(od=od, position=2, title="B", years=[2028], lead_partner=partner_org_a)
    assert check(nota_a, "actions_in_first_years").passed
    nota_a.ronde.min_action_years = 3
    nota_a.ronde.save()
    assert not check(nota_a, "actions_in_first_years").passed


def test_lead_partner_and_years_inside_the_period(nota_a, partner_org_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    actie = Actie.objects.create(od=od, title="A", years=[2026, 2027])
    assert check(nota_a, "actions_have_lead").problems == ["A1.1.1 heeft geen trekker."]
    assert check(nota_a, "actions_years_in_period").problems == ["A1.1.1 loopt in 2026, buiten 2027-2032."]
    actie.years, actie.lead_partner = [], partner_org_a
    actie.save()
    assert check(nota_a, "actions_have_lead").passed
    assert check(nota_a, "actions_years_in_period").problems == ["A1.1.1 heeft geen werkjaren."]
    actie.years = [2027]
    actie.save()
    assert check(nota_a, "actions_years_in_period").passed


def test_partners_without_actions_are_a_warning(nota_a, partner_org_a):
    result = check(nota_a, "partners_in_actions")
    assert result.problems == ["OCMW Temse werkt aan geen enkele actie mee."] and not result.blocking
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    actie = Actie.objects.create(od=od, title="A", years=[2027])
    actie.partners.add(partner_org_a)
    assert check(nota_a, "partners_in_actions").passed
