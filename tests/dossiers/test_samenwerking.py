"""The cooperation agreements: texts, consultation bodies, the monitoring plan and its rules."""

from concurrency.forms import get_signer

from dossiers.checklist import run_checklist
from dossiers.models import (
    Actie,
    ActieIndicator,
    Monitoringafspraak,
    OperationeleDoelstelling,
    Overlegorgaan,
    GeplandReflectiemoment,
    Samenwerking,
    StrategischeDoelstelling,
)
from netwerken.models import RoleAssignment
from tests.factories import PartnerFactory, gemeente


def base(nota):
    return f"/dossiers/{nota.pk}/samenwerking/"


def _version(obj):
    return get_signer().sign(obj.version) if obj is not None and obj.pk else ""


def problems(nota, name):
    check = next(c for c in run_checklist(nota).checks if c.rule.name == name)
    return check.problems


def test_coordinator_writes_the_agreements(coordinator_client, nota_a):
    data = {"besluitvorming": "<p>De stuurgroep beslist bij <strong>consensus</strong>.</p><script>x</script>",
            "participatie": "<p>Twee ervaringsdeskundigen zetelen in de stuurgroep.</p>", "version": ""}
    response = coordinator_client.post(base(nota_a), data)
    assert response.status_code == 302
    saved = Samenwerking.objects.get(nota=nota_a)
    assert saved.besluitvorming == "<p>De stuurgroep beslist bij <strong>consensus</strong>.</p>"
    page = coordinator_client.get(base(nota_a))
    assert "De samenwerkingsafspraken zijn bewaard." in page.text
    assert "‘Externe communicatie’ is nog niet ingevuld." in page.text


def test_too_long_text_is_refused(coordinator_client, nota_a):
    response = coordinator_client.post(base(nota_a), {"monitoring": "<p>" + "x" * 10_001 + "</p>", "version": ""})
    assert response.status_code == 200
    assert "10.000" in response.text
    assert not Samenwerking.objects.exists()


def test_an_old_version_is_a_conflict(coordinator_client, nota_a):
    stored = Samenwerking.objects.create(nota=nota_a, besluitvorming="<p>Eerst</p>")
    old = _version(stored)
    stored.besluitvorming = "<p>Iemand anders</p>"
    stored.save()
    response = coordinator_client.post(base(nota_a), {"besluitvorming": "<p>Ik</p>", "version": old})
    assert response.status_code == 409
    stored.refresh_from_db()
    assert stored.besluitvorming == "<p>Iemand anders</p>"


def test_partner_reads_roles_and_bodies(partner_client, nota_a, partner_org_a):
    RoleAssignment.objects.create(netwerk=nota_a.netwerk, role="operator", person_name="Els Peeters",
                                  partner=partner_org_a)
    body = Overlegorgaan.objects.create(nota=nota_a, name="Stuurgroep", per_year=4, people="Twee ervaringsdeskundigen")
    body.partners.set([partner_org_a])
    page = partner_client.get(base(nota_a))
    assert page.status_code == 200
    assert "Els Peeters (OCMW Temse)" in page.text and "Netwerkoperator" in page.text.replace("netwerkoperator", "Netwerkoperator")
    assert "Stuurgroep" in page.text and "Twee ervaringsdeskundigen" in page.text
    assert "Afspraken bewaren" not in page.text


def test_a_body_needs_a_name_and_a_sensible_frequency(coordinator_client, nota_a, partner_org_a):
    url = base(nota_a) + "overleg/nieuw/"
    response = coordinator_client.post(url, {"name": "", "per_year": "60", "partners": [partner_org_a.pk], "version": ""})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert "Zorg ervoor dat deze waarde hoogstens 52 is." in response.text
    assert not Overlegorgaan.objects.exists()
    response = coordinator_client.post(url, {"name": "Stuurgroep", "per_year": "4", "partners": [partner_org_a.pk],
                                             "purpose": "Sturen", "version": ""})
    assert response.status_code == 302 and response.url.endswith("#overlegorganen")
    body = Overlegorgaan.objects.get()
    assert list(body.partners.all()) == [partner_org_a]


def test_a_body_takes_only_partners_of_the_network(coordinator_client, nota_a, netwerk_b):
    stranger = PartnerFactory(netwerk=netwerk_b, name="Vreemde partner")
    response = coordinator_client.post(base(nota_a) + "overleg/nieuw/",
                                       {"name": "Stuurgroep", "per_year": "4", "partners": [stranger.pk], "version": ""})
    assert response.status_code == 200
    assert not Overlegorgaan.objects.exists()


def test_monitoring_line_with_an_indicator_or_a_measure(coordinator_client, nota_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    actie = Actie.objects.create(od=od, title="Actie")
    indicator = ActieIndicator.objects.create(actie=actie, name="Deelnemers met kansentarief", target="200")
    url = base(nota_a) + "monitoring/nieuw/"
    response = coordinator_client.post(url, {"moment": "juni", "by_whom": "An", "version": ""})
    assert response.status_code == 200
    assert "Kies een indicator van een actie of zeg wat er gemeten wordt." in response.text
    assert not Monitoringafspraak.objects.exists()
    response = coordinator_client.post(url, {"indicator": indicator.pk, "moment": "juni", "by_whom": "An", "version": ""})
    assert response.status_code == 302
    page = coordinator_client.get(base(nota_a))
    assert "A1.1.1 · Deelnemers met kansentarief" in page.text


def test_edit_and_remove_a_reflection_moment(coordinator_client, nota_a):
    moment = GeplandReflectiemoment.objects.create(nota=nota_a, moment="eind juni")
    url = base(nota_a) + f"reflectie/{moment.pk}/"
    response = coordinator_client.post(url, {"moment": "begin juli", "year": "2031", "version": _version(moment)})
    assert response.status_code == 302
    moment.refresh_from_db()
    assert (moment.moment, moment.year) == ("begin juli", 2031)
    response = coordinator_client.post(url, {"moment": "x", "year": "2040", "version": _version(moment)})
    assert response.status_code == 200
    moment.refresh_from_db()
    assert moment.year == 2031
    assert coordinator_client.post(url + "verwijderen/").status_code == 302
    assert not GeplandReflectiemoment.objects.exists()
    assert moment.history.count() == 3  # made, changed, removed


def test_rule_consultation_body_across_municipalities(nota_a, partner_org_a):
    assert problems(nota_a, "overleg_across_municipalities") == ["Er is nog geen overlegorgaan."]
    body = Overlegorgaan.objects.create(nota=nota_a, name="Stuurgroep", per_year=4)
    body.partners.set([partner_org_a, PartnerFactory(netwerk=nota_a.netwerk, gemeente=gemeente("Temse"))])
    assert problems(nota_a, "overleg_across_municipalities") == [
        "Geen enkel overlegorgaan heeft partners uit meer dan één gemeente."
    ]
    body.partners.add(PartnerFactory(netwerk=nota_a.netwerk, gemeente=gemeente("Sint-Niklaas")))
    assert problems(nota_a, "overleg_across_municipalities") == []


def test_rule_reflection_moment_every_year(nota_a):
    assert problems(nota_a, "reflection_every_year") == [
        "Het monitoringplan zegt nog niet wat er gemeten wordt, wanneer en door wie.",
        "Er is geen reflectiemoment gepland in 2027, 2028, 2029, 2030, 2031, 2032.",
    ]
    Monitoringafspraak.objects.create(nota=nota_a, measure="Bereik", moment="juni", by_whom="An")
    for year in (2027, 2028, 2030, 2031, 2032):
        GeplandReflectiemoment.objects.create(nota=nota_a, moment="juni", year=year)
    assert problems(nota_a, "reflection_every_year") == ["Er is geen reflectiemoment gepland in 2029."]
    GeplandReflectiemoment.objects.create(nota=nota_a, moment="december")  # every year
    assert problems(nota_a, "reflection_every_year") == []


def test_a_line_whose_indicator_was_removed_is_pointed_out(nota_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    actie = Actie.objects.create(od=OperationeleDoelstelling.objects.create(sd=sd, title="OD"), title="Actie")
    indicator = ActieIndicator.objects.create(actie=actie, name="Bereik", target="100")
    Monitoringafspraak.objects.create(nota=nota_a, indicator=indicator, moment="juni", by_whom="An")
    GeplandReflectiemoment.objects.create(nota=nota_a, moment="december")
    assert problems(nota_a, "reflection_every_year") == []
    indicator.delete()
    assert problems(nota_a, "reflection_every_year") == [
        "Een regel van het monitoringplan (juni) zegt niet meer wat er gemeten wordt: de indicator werd verwijderd."
    ]


def test_rules_are_warnings_and_show_on_the_overview(coordinator_client, nota_a):
    checks = [c for c in run_checklist(nota_a).checks if c.rule.section == "samenwerking"]
    assert checks and not any(c.blocking for c in checks)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/")
    assert "Samenwerkingsafspraken" in page.text and "Er is nog geen overlegorgaan." in page.text


def _bodies(nota, n):
    partners = [PartnerFactory(netwerk=nota.netwerk, gemeente=gemeente(g)) for g in ("Temse", "Sint-Niklaas")]
    for i in range(n):
        body = Overlegorgaan.objects.create(nota=nota, name=f"Overleg {i}", per_year=4)
        body.partners.set(partners)
        Monitoringafspraak.objects.create(nota=nota, measure=f"Meting {i}", moment="juni", by_whom="An")
        GeplandReflectiemoment.objects.create(nota=nota, moment=f"moment {i}", year=2027)


def test_query_count_does_not_grow_with_the_bodies(coordinator_client, nota_a, django_assert_max_num_queries):
    _bodies(nota_a, 2)
    # The first view after a change also stores the page's cached parts (nav, checks).
    with django_assert_max_num_queries(44) as small:
        assert coordinator_client.get(base(nota_a)).status_code == 200
    _bodies(nota_a, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(base(nota_a)).status_code == 200


def test_changes_are_in_the_activity(coordinator_client, nota_a, partner_org_a):
    url = base(nota_a) + "overleg/nieuw/"
    coordinator_client.post(url, {"name": "Stuurgroep", "per_year": "4", "version": ""})
    body = Overlegorgaan.objects.get()
    coordinator_client.post(base(nota_a) + f"overleg/{body.pk}/", {
        "name": "Stuurgroep", "per_year": "4", "partners": [partner_org_a.pk], "version": _version(body)})
    coordinator_client.post(base(nota_a), {"participatie": "<p>Mee beslissen.</p>", "version": ""})
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/geschiedenis/")
    assert page.status_code == 200
    text = page.text
    assert "Stuurgroep" in text and "partners die erin zetelen" in text
    assert "Samenwerkingsafspraken" in text


def test_the_checklist_sees_a_new_member_at_once(coordinator_client, nota_a, partner_org_a):
    body = Overlegorgaan.objects.create(nota=nota_a, name="Stuurgroep", per_year=4)
    body.partners.set([partner_org_a])
    assert "Geen enkel overlegorgaan heeft partners uit meer dan één gemeente." in coordinator_client.get(
        f"/dossiers/{nota_a.pk}/").text
    body.partners.add(PartnerFactory(netwerk=nota_a.netwerk, gemeente=gemeente("Sint-Niklaas")))
    assert "Geen enkel overlegorgaan heeft partners uit meer dan één gemeente." not in coordinator_client.get(
        f"/dossiers/{nota_a.pk}/").text
