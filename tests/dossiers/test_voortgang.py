"""The progress page of an approved dossier: actions by status, reach, budget and indicators over
the working years, and the self-scan's change; empty states; queries that do not grow."""

from datetime import date

import pytest

from dossiers.models import ActieOpvolging, IndicatorMeting
from dossiers.models.zelfscan import Domein, Zelfscan, ZelfscanScore
from dossiers.services_opvolging import werkjaar_start

from .opvolging_data import approve_with_plan
from .voortgang_data import follow_up


def url(nota):
    return f"/dossiers/{nota.pk}/opvolging/voortgang/"


def scans(netwerk, users, scores_by_scan):
    """One scan per entry of `scores_by_scan` (a list of scores, one per user, for every domain)."""
    for n, scores in enumerate(scores_by_scan):
        scan = Zelfscan.objects.create(netwerk=netwerk, title=f"Scan {2027 + n}", opened_on=date(2027 + n, 3, 1))
        ZelfscanScore.objects.bulk_create(
            ZelfscanScore(scan=scan, user=user, domein=d.value, score=score)
            for user, score in zip(users, scores) for d in Domein
        )


def test_the_progress_over_two_working_years(full_nota, coordinator_a, partner_a, coordinator_client):
    follow_up(full_nota, coordinator_a)
    scans(full_nota.netwerk, [coordinator_a, partner_a], [[2, 3], [4, 4]])
    page = coordinator_client.get(url(full_nota)).content.decode()
    assert "Voortgang over de jaren" in page
    # actions by status: a chart with its words and a table
    assert page.count("<svg") == 4 and page.count("<desc") == 4
    assert "2027: 1 niet gestart, 2 lopend; 2028: 1 lopend, 1 afgerond, 1 uitgesteld." in page
    # reach: 3 actions x (100 | 150) participants, of whom (40 | 60) from the kansengroepen
    assert "<td class=\"text-end\">300</td><td class=\"text-end\">120</td><td class=\"text-end\">40%</td>" in page
    assert "Deelnemers met kansentarief: 200" in page  # the plan's target beside the reach
    # budget: planned against realised, with the deviation and its reason
    assert "Vacature pas in mei ingevuld" in page and "€\xa045.000,00" in page
    # the indicator series against its target
    assert "<td>200</td>" in page and '<td class="text-end">150</td><td class="text-end">180</td>' in page
    assert "nog niet in 2028" in page
    # the self-scan: first against latest, with spread
    assert "De eerste scan (Scan 2027, 1 mrt. 2027) tegenover de laatste (Scan 2028, 1 mrt. 2028), van 2 scans." in page
    assert "gemiddeld 2,5, van 2 tot 3 (2 antwoorden)" in page and "gemiddeld 4,0, van 4 tot 4 (2 antwoorden)" in page


def test_before_the_first_working_year(nota_a, coordinator_client):
    approve_with_plan(nota_a)
    page = coordinator_client.get(url(nota_a)).content.decode()
    assert "Nog geen werkjaar opgevolgd" in page
    assert "Het netwerk heeft nog geen zelfscan gehouden." in page
    assert "<svg" not in page


def test_one_scan_says_the_change_comes_later(nota_a, coordinator_a, coordinator_client):
    approve_with_plan(nota_a)
    scans(nota_a.netwerk, [coordinator_a], [[3]])
    page = coordinator_client.get(url(nota_a)).content.decode()
    assert "Tot nu één scan (Scan 2027, 1 mrt. 2027)" in page and page.count("<svg") == 1


def test_only_an_approved_dossier_has_progress(nota_a, coordinator_client):
    assert coordinator_client.get(url(nota_a)).status_code == 404


def test_reachable_from_the_network_and_the_follow_up(nota_a, coordinator_a, coordinator_client):
    approve_with_plan(nota_a)
    werkjaar_start(nota=nota_a, year=2027, user=coordinator_a)
    for page in (f"/netwerken/{nota_a.netwerk_id}/", f"/dossiers/{nota_a.pk}/", f"/dossiers/{nota_a.pk}/opvolging/",
                 f"/dossiers/{nota_a.pk}/opvolging/2027/"):
        assert url(nota_a) in coordinator_client.get(page).content.decode(), page


QUERY_COUNTS = set()


@pytest.mark.parametrize("actions,years", [(1, 1), (15, 4)])
def test_query_counts_do_not_grow(nota_a, coordinator_a, partner_a, coordinator_client,
                                  django_assert_max_num_queries, actions, years):
    approve_with_plan(nota_a, actions=actions)
    for year in nota_a.ronde.years[:years]:
        werkjaar_start(nota=nota_a, year=year, user=coordinator_a)
    ActieOpvolging.objects.update(status="lopend", participants=20, participants_kansengroepen=5)
    IndicatorMeting.objects.update(value="120")
    scans(nota_a.netwerk, [coordinator_a, partner_a], [[2, 3]] * years)
    with django_assert_max_num_queries(55) as captured:
        response = coordinator_client.get(url(nota_a))
    assert response.status_code == 200
    QUERY_COUNTS.add(len(captured))
    if actions == 15:
        assert len(QUERY_COUNTS) == 1, QUERY_COUNTS
