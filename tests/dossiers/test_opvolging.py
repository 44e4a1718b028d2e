"""The yearly follow-up: starting a year, the rules on reach and on budget deviations, the
reflection moments and proposed changes, and query counts that do not grow with the plan."""

from decimal import Decimal

import pytest
from concurrency.forms import get_signer

from dossiers.models import (
    ActieOpvolging,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Reflectiemoment,
    Werkjaar,
)
from dossiers.services_opvolging import werkjaar_start

from .opvolging_data import approve_with_plan


def _signed(obj):
    return get_signer().sign(obj.version)


@pytest.fixture
def jaar(nota_a, coordinator_a):
    approve_with_plan(nota_a)
    return werkjaar_start(nota=nota_a, year=2027, user=coordinator_a)


def test_it_starts_a_working_year_with_the_plan(nota_a, coordinator_client):
    approve_with_plan(nota_a, actions=2)
    response = coordinator_client.post(f"/dossiers/{nota_a.pk}/opvolging/", {"year": 2027})
    assert response.status_code == 302 and response.url.endswith("/opvolging/2027/")
    jaar = Werkjaar.objects.get(nota=nota_a, year=2027)
    assert jaar.acties.count() == 2 and jaar.metingen.count() == 2
    assert sorted(r.planned for r in jaar.realisaties.all()) == [Decimal("1000.00")] * 2
    # starting again adds nothing twice
    coordinator_client.post(f"/dossiers/{nota_a.pk}/opvolging/", {"year": 2027})
    assert ActieOpvolging.objects.count() == 2 and BegrotingRealisatie.objects.count() == 2


def test_it_refuses_a_year_outside_the_round(nota_a, coordinator_client):
    approve_with_plan(nota_a)
    response = coordinator_client.post(f"/dossiers/{nota_a.pk}/opvolging/", {"year": 2040}, follow=True)
    assert "Kies een werkjaar van de ronde." in response.text
    assert not Werkjaar.objects.exists()


def _actie_url(jaar, row):
    return f"/dossiers/{jaar.nota_id}/opvolging/{jaar.year}/acties/{row.actie_id}/"


def test_it_records_an_action(jaar, coordinator_client, partner_org_a):
    row = jaar.acties.get()
    response = coordinator_client.post(_actie_url(jaar, row), {
        "status": "afgerond", "done": "Drie infomarkten.", "participants": "120",
        "participants_kansengroepen": "45", "partners": [partner_org_a.pk], "cost": "1.650,00",
        "version": _signed(row),
    })
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.status, row.participants, row.participants_kansengroepen, row.cost) == (
        "afgerond", 120, 45, Decimal("1650.00")
    )
    assert list(row.partners.all()) == [partner_org_a]
    page = coordinator_client.get(f"/dossiers/{jaar.nota_id}/opvolging/2027/").text
    assert "Afgerond" in page and "€\u00a01.650,00" in page and "OCMW Temse" in page


def test_reach_of_kansengroepen_cannot_exceed_participants(jaar, coordinator_client):
    row = jaar.acties.get()
    response = coordinator_client.post(_actie_url(jaar, row), {
        "status": "lopend", "participants": "10", "participants_kansengroepen": "11",
        "version": _signed(row),
    })
    assert response.status_code == 200
    assert ("Het aantal deelnemers uit de kansengroepen kan niet groter zijn dan het totale "
            "aantal deelnemers.") in response.text
    row.refresh_from_db()
    assert row.status == "niet_gestart" and row.participants is None


@pytest.mark.parametrize("status", ["niet_gestart", "lopend", "afgerond", "uitgesteld", "geschrapt"])
def test_every_status_is_accepted(jaar, coordinator_client, status):
    row = jaar.acties.get()
    response = coordinator_client.post(_actie_url(jaar, row), {"status": status, "version": _signed(row)})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == status


def test_an_unknown_status_is_refused(jaar, coordinator_client):
    row = jaar.acties.get()
    response = coordinator_client.post(_actie_url(jaar, row), {"status": "vergeten", "version": _signed(row)})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.text
    row.refresh_from_db()
    assert row.status == "niet_gestart"


def test_an_old_version_is_a_conflict(jaar, coordinator_client):
    row = jaar.acties.get()
    old = _signed(row)
    row.status = "lopend"
    row.save()
    response = coordinator_client.post(_actie_url(jaar, row), {"status": "geschrapt", "version": old})
    assert response.status_code == 409
    row.refresh_from_db()
    assert row.status == "lopend"


def _budget_data(jaar, amounts, explanations=None):
    rows = list(jaar.realisaties.order_by("pk"))
    data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": len(rows)}
    for i, row in enumerate(rows):
        data[f"form-{i}-id"] = row.pk
        data[f"form-{i}-version"] = _signed(row)
        data[f"form-{i}-amount"] = amounts[i]
        data[f"form-{i}-explanation"] = (explanations or {}).get(i, "")
    return data


def test_a_deviation_over_ten_percent_needs_an_explanation(jaar, coordinator_client):
    url = f"/dossiers/{jaar.nota_id}/opvolging/2027/begroting/"
    response = coordinator_client.post(url, _budget_data(jaar, ["1.150,00", "1000"]))
    assert response.status_code == 200
    assert ("Het gerealiseerde bedrag wijkt meer dan 10 procent af van het geplande bedrag: "
            "leg uit waarom.") in response.text
    assert not BegrotingRealisatie.objects.filter(amount__isnull=False).exists()
    # within 10% no explanation is needed; over it, one is
    response = coordinator_client.post(
        url, _budget_data(jaar, ["1.150,00", "1.100,00"], {0: "Extra vervoer naar de infomarkt."})
    )
    assert response.status_code == 302
    realised = list(jaar.realisaties.order_by("pk"))
    assert [r.amount for r in realised] == [Decimal("1150.00"), Decimal("1100.00")]
    assert realised[0].deviates and not realised[1].deviates


def test_a_stale_budget_save_is_a_conflict_and_keeps_nothing(jaar, coordinator_client):
    url = f"/dossiers/{jaar.nota_id}/opvolging/2027/begroting/"
    data = _budget_data(jaar, ["1000", "1000"])
    first = jaar.realisaties.order_by("pk").last()
    first.amount = Decimal("990")
    first.save()
    response = coordinator_client.post(url, data)
    assert response.status_code == 409
    assert list(jaar.realisaties.order_by("pk").values_list("amount", flat=True)) == [None, Decimal("990.00")]


def test_it_records_measured_values(jaar, coordinator_client):
    meting = IndicatorMeting.objects.get()
    data = {"form-TOTAL_FORMS": 1, "form-INITIAL_FORMS": 1, "form-0-id": meting.pk,
            "form-0-version": _signed(meting), "form-0-value": "180", "form-0-remark": "Regen"}
    response = coordinator_client.post(f"/dossiers/{jaar.nota_id}/opvolging/2027/indicatoren/", data)
    assert response.status_code == 302
    meting.refresh_from_db()
    assert meting.value == "180"


def test_it_records_a_reflection_moment(jaar, coordinator_client):
    url = f"/dossiers/{jaar.nota_id}/opvolging/2027/reflectie/nieuw/"
    response = coordinator_client.post(url, {"held_on": "", "participants": ""})
    assert response.status_code == 200 and "Dit veld is verplicht." in response.text
    assert not Reflectiemoment.objects.exists()
    response = coordinator_client.post(url, {
        "held_on": "2027-06-12", "participants": "Stuurgroep, De Klink", "people_in_poverty": "on",
        "lessons": "Ouders vinden de weg niet.", "decisions": "Meer budget voor vervoer.",
    })
    assert response.status_code == 302
    moment = Reflectiemoment.objects.get()
    assert moment.people_in_poverty and moment.werkjaar == jaar


def test_a_proposed_change_is_for_a_following_year(jaar, coordinator_client):
    url = f"/dossiers/{jaar.nota_id}/opvolging/2027/bijsturing/nieuw/"
    response = coordinator_client.post(url, {"from_year": "2027", "description": "x", "status": "voorgesteld"})
    assert response.status_code == 200 and not Bijsturing.objects.exists()
    post = jaar.realisaties.first().post
    response = coordinator_client.post(url, {
        "from_year": "2028", "description": "Meer vervoer", "post": post.pk, "amount": "1.500",
        "status": "voorgesteld",
    })
    assert response.status_code == 302
    change = Bijsturing.objects.get()
    assert (change.from_year, change.amount, change.post) == (2028, Decimal("1500.00"), post)


def _grow(nota, coordinator, actions):
    approve_with_plan(nota, actions=actions)
    for year in nota.ronde.years[:3]:
        werkjaar_start(nota=nota, year=year, user=coordinator)


@pytest.mark.parametrize("actions", [1, 12])
def test_query_counts_do_not_grow(nota_a, coordinator_a, coordinator_client, partner_org_a,
                                  django_assert_max_num_queries, actions):
    _grow(nota_a, coordinator_a, actions)
    for row in ActieOpvolging.objects.all():
        row.partners.add(partner_org_a)
    base = f"/dossiers/{nota_a.pk}/opvolging/"
    limits = {base: 45, f"{base}2027/": 50, f"{base}2027/begroting/": 50, f"{base}2027/indicatoren/": 50}
    for url, limit in limits.items():
        with django_assert_max_num_queries(limit) as captured:
            response = coordinator_client.get(url)
        assert response.status_code == 200, url
        # the same number for 1 and for 12 actions over 3 years
        counts = QUERY_COUNTS.setdefault(url.replace(str(nota_a.pk), "X"), set())
        counts.add(len(captured))
    if actions == 12:
        assert all(len(c) == 1 for c in QUERY_COUNTS.values()), QUERY_COUNTS


QUERY_COUNTS: dict[str, set] = {}


def test_open_proposals_show_on_the_networks_dossier_that_is_open_for_changes(
    jaar, nota_a, coordinator_client, partner_client
):
    from dossiers.models import Afsprakennota, Indienronde

    Bijsturing.objects.create(werkjaar=jaar, from_year=2028, description="Meer busvervoer")
    Bijsturing.objects.create(werkjaar=jaar, from_year=2028, description="Al gedaan", status="toegepast")
    later = Indienronde.objects.create(
        name="Ronde 2029", deadline="2029-10-01T12:00:00+02:00", first_year=2030, last_year=2032
    )
    volgende = Afsprakennota.objects.create(netwerk=nota_a.netwerk, ronde=later)
    page = coordinator_client.get(f"/dossiers/{volgende.pk}/").text
    assert "Meer busvervoer" in page and "Al gedaan" not in page
    assert "Meer busvervoer" not in partner_client.get(f"/dossiers/{volgende.pk}/").text
    assert "Meer busvervoer" not in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
