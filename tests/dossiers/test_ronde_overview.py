"""publiq's round overview: every network, the checklist computed in bulk, filters, sorting,
totals, and query counts that do not grow with the number of networks."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossiers.checks_bulk import bulk_checklists
from dossiers.checklist import run_checklist
from dossiers.models import Afsprakennota, Comment, Indienronde, PartnerConfirmation, Visie
from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling
from dossiers.services import dossier_freeze
from dossiers.services_begroting import budget_save
from netwerken.models import Gemeente

from ..factories import (
    DeelnemendeGemeenteFactory,
    NetwerkFactory,
    PartnerFactory,
    UserFactory,
    ensure_gemeenten,
    make_ready,
)


def _network_with_dossier(ronde, n, gemeenten, *, reviewer=None, submitted_by=None):
    netwerk = NetwerkFactory(name=f"Netwerk {n:02d}", referentieregio="Kempen" if n % 2 else "Waasland")
    for g in gemeenten:
        DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=g)
    lead = PartnerFactory(netwerk=netwerk, kind="vereniging_armen", gemeente=gemeenten[0])
    PartnerFactory(netwerk=netwerk, kind="cultuurdienst", gemeente=gemeenten[0])
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=ronde, reviewer=reviewer)
    Visie.objects.create(nota=nota, text="<p>Visie</p>", vorm="beide", vorm_motivation="Omdat.")
    sd = StrategischeDoelstelling.objects.create(nota=nota, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    Actie.objects.create(od=od, title="Actie", years=[2027], lead_partner=lead)
    Comment.objects.create(nota=nota, section="visie", body="Waarom?")
    PartnerConfirmation.objects.create(nota=nota, partner=lead, answer="confirmed", fingerprint="oud")
    budget_save(nota=nota, data={"c-vlaamse_subsidie-2027": "1000", "c-werking-2027": "1000"})
    if submitted_by:
        dossier_freeze(nota=nota, user=submitted_by)
    return nota


@pytest.fixture
def many(ronde):
    """A function that builds `count` networks with a dossier, and one without."""
    ensure_gemeenten()
    pool = list(Gemeente.objects.filter(kind="gemeente").order_by("nis_code")[:90])
    reviewer = UserFactory(is_reviewer=True)

    built = []

    def build(count):
        for i in range(len(built), len(built) + count):
            built.append(i)
            _network_with_dossier(
                ronde, i, pool[(3 * i) % 90: (3 * i) % 90 + 3], reviewer=reviewer if i % 3 == 0 else None,
                submitted_by=reviewer if i % 4 == 0 else None,
            )
        if len(built) == count:
            NetwerkFactory(name="Zonder dossier")

    return build


def test_the_bulk_checklist_is_the_checklist(nota_a, netwerk_b, ronde, coordinator_a):
    make_ready(nota_a)
    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    PartnerConfirmation.objects.create(
        nota=nota_a, partner=nota_a.netwerk.partners.first(), answer="confirmed", fingerprint="x"
    )
    notas = list(Afsprakennota.objects.select_related("netwerk", "ronde"))
    bulk = bulk_checklists(notas)
    for nota in notas:
        one = run_checklist(Afsprakennota.objects.get(pk=nota.pk))
        many = bulk[nota.pk][1]
        assert [(c.rule.name, c.problems) for c in many.checks] == [
            (c.rule.name, c.problems) for c in one.checks
        ]
    assert bulk[nota_a.pk][1].ready and not bulk[other.pk][1].ready


def test_the_bulk_data_leaves_nothing_for_the_rules_to_load(many, ronde, django_assert_num_queries):
    """Every rule reads only what the bulk load prepared: running them takes no query. (A new
    DossierData property must be loaded in checks_bulk.py too.)"""
    many(3)
    notas = list(Afsprakennota.objects.select_related("netwerk", "ronde"))
    from dossiers.checks_bulk import bulk_dossier_data

    loaded = bulk_dossier_data(notas)
    with django_assert_num_queries(0):
        for data in loaded.values():
            run_checklist(data.nota, data)
            [data.confirmation_state(p) for p in data.partners]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", ["/beoordeling/ronde/{r}/", "/beoordeling/ronde/{r}/dekking/",
                                  "/beoordeling/ronde/{r}/export/overzicht.xlsx",
                                  "/beoordeling/ronde/{r}/export/partners.csv"])
def test_query_counts_do_not_grow_with_the_networks(many, ronde, reviewer_client, page):
    url = page.format(r=ronde.pk)
    many(3)
    small = _count(reviewer_client, url)
    many(30 - 3)
    from netwerken.models import Netwerk

    assert Netwerk.objects.count() == 31
    large = _count(reviewer_client, url)
    assert large <= small, f"{small} queries for 3 networks, {large} for 30"


def test_every_network_appears_with_its_figures(nota_a, netwerk_b, ronde, reviewer, coordinator_a, reviewer_client):
    nota_a.reviewer = reviewer
    nota_a.save()
    make_ready(nota_a)
    budget_save(nota=nota_a, data={
        "c-vlaamse_subsidie-2027": "12.500", "c-vlaamse_subsidie-2028": "7.500",
        "c-personeel-2027": "12.500", "c-personeel-2028": "7.500",  # in balance
    })
    Comment.objects.create(nota=nota_a, section="visie", body="Open vraag")
    dossier_freeze(nota=nota_a, user=coordinator_a)  # today is after the deadline: late
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/")
    rows = {r.netwerk.name: r for r in response.context["overview"].rows}
    assert set(rows) == {"Netwerk Waasland", "Netwerk Haspengouw"}
    a, b = rows["Netwerk Waasland"], rows["Netwerk Haspengouw"]
    assert b.nota is None and b.gemeenten == 1
    assert a.gemeenten == 2 and a.submitted and a.late_days >= 1
    assert a.blocking_met == a.blocking_total and a.open_comments == 1
    assert a.subsidy[:2] == [Decimal("12500.00"), Decimal("7500.00")]
    assert a.subsidy_total == Decimal("20000.00") and a.reviewer == reviewer
    totals = response.context["overview"].totals
    assert (totals.networks, totals.submitted, totals.approved) == (2, 1, 0)
    assert totals.subsidy_total == Decimal("20000.00")
    text = response.text
    assert "Geen dossier" in text and "te laat" in text
    assert "20.000" in text and "Totaal: 2 netwerken" in text


def test_the_current_round_is_the_default(ronde, reviewer_client, nota_a):
    assert Indienronde.objects.current() == ronde  # in 2026 the 2027-2032 period has not begun
    assert reviewer_client.get("/beoordeling/ronde/").context["ronde"] == ronde


def test_filters_and_sorting(many, ronde, reviewer_client):
    many(4)
    url = f"/beoordeling/ronde/{ronde.pk}/"
    names = lambda r: [row.netwerk.name for row in r.context["overview"].rows]  # noqa: E731
    assert names(reviewer_client.get(url + "?status=none")) == ["Zonder dossier"]
    assert names(reviewer_client.get(url + "?regio=Kempen")) == ["Netwerk 01", "Netwerk 03"]
    reviewer = Afsprakennota.objects.exclude(reviewer=None).first().reviewer
    assert names(reviewer_client.get(url + f"?reviewer={reviewer.pk}")) == ["Netwerk 00", "Netwerk 03"]
    assert names(reviewer_client.get(url + "?reviewer=none")) == ["Netwerk 01", "Netwerk 02"]
    assert names(reviewer_client.get(url + "?sort=-netwerk"))[0] == "Zonder dossier"
    # Submitted ones first by date; those without a submission last, whichever the direction.
    assert names(reviewer_client.get(url + "?sort=-ingediend"))[0] == "Netwerk 00"
    assert reviewer_client.get(url + "?sort=bogus").status_code == 200


def test_filters_survive_pagination(many, ronde, reviewer_client):
    many(60)
    url = f"/beoordeling/ronde/{ronde.pk}/?regio=Waasland&sort=-netwerk"
    first = reviewer_client.get(url)
    assert first.context["page"].paginator.count == 31  # 30 networks and the one without a dossier
    assert 'href="?regio=Waasland&amp;sort=-netwerk&amp;page=2"' in first.text
    second = reviewer_client.get(url + "&page=2")
    rows = second.context["page"].object_list
    assert all(r.netwerk.referentieregio == "Waasland" for r in rows)
    assert [r.netwerk.name for r in rows][-1] == "Netwerk 00"
    # A new sort starts again at page 1 and keeps the filter.
    assert 'href="?regio=Waasland&amp;sort=netwerk"' in second.text
    # The export carries the same filter.
    assert f"/beoordeling/ronde/{ronde.pk}/export/overzicht.csv?regio=Waasland&amp;sort=-netwerk" in second.text


def test_overdue_without_submission(nota_a, ronde, reviewer_client):
    ronde.deadline = ronde.deadline.replace(year=2026)
    ronde.save()
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/")
    row = response.context["overview"].rows[0]
    assert not row.submitted and row.overdue_by > timedelta(days=1)
    assert "niet ingediend" in response.text and "dagen voorbij" in response.text


def test_the_review_list_links_to_the_round(reviewer_client, nota_a):
    page = reviewer_client.get("/beoordeling/")
    assert 'href="/beoordeling/ronde/"' in page.text and "Overzicht van de ronde" in page.text


def test_an_administrator_assigns_the_reviewer(nota_a, reviewer, admin_user, client_for):
    client = client_for(admin_user)
    url = f"/beheer/dossiers/afsprakennota/{nota_a.pk}/change/"
    form = client.get(url)
    assert form.status_code == 200 and 'name="reviewer"' in form.text
    response = client.post(url, {
        "netwerk": nota_a.netwerk_id, "ronde": nota_a.ronde_id, "status": nota_a.status,
        "reviewer": reviewer.pk,
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    nota_a.refresh_from_db()
    assert nota_a.reviewer == reviewer
    # Only publiq staff can be chosen.
    response = client.post(url, {
        "netwerk": nota_a.netwerk_id, "ronde": nota_a.ronde_id, "status": nota_a.status,
        "reviewer": admin_user.pk,
    })
    assert response.status_code == 200
    nota_a.refresh_from_db()
    assert nota_a.reviewer == reviewer
