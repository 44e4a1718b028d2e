from decimal import Decimal

from concurrency.forms import get_signer

from dossiers.models import Actie, ActieIndicator, ActieKost, OperationeleDoelstelling, StrategischeDoelstelling
from tests.factories import PartnerFactory


def base(nota):
    return f"/dossiers/{nota.pk}/doelstellingen/"


def make_tree(nota, n_sd=1, n_od=1, n_actie=1):
    for s in range(1, n_sd + 1):
        sd = StrategischeDoelstelling.objects.create(nota=nota, position=s, title=f"SD {s}")
        for o in range(1, n_od + 1):
            od = OperationeleDoelstelling.objects.create(sd=sd, position=o, title=f"OD {s}.{o}")
            for a in range(1, n_actie + 1):
                Actie.objects.create(od=od, position=a, title=f"Actie {s}.{o}.{a}", years=[2027])


def actie_data(partner, **extra):
    data = {
        "title": "Vakantiekamp",
        "description": "Een week aan zee.",
        "years": ["2027", "2028"],
        "lead_partner": partner.pk,
        "doelgroepen": ["gezinnen"],
        "drempels": ["betaalbaar"],
        "inspraak": "geconsulteerd",
        "cost_2027": "1.250,50",
        "cost_2028": "1300",
        "indicatoren-TOTAL_FORMS": "2",
        "indicatoren-INITIAL_FORMS": "0",
        "indicatoren-MIN_NUM_FORMS": "0",
        "indicatoren-MAX_NUM_FORMS": "1000",
        "indicatoren-0-name": "Aantal gezinnen",
        "indicatoren-0-target": "40",
        "indicatoren-1-name": "",
        "indicatoren-1-target": "",
        "version": "",
    }
    data.update(extra)
    return data


def test_coordinator_builds_the_tree_with_automatic_numbers(coordinator_client, nota_a, partner_org_a):
    coordinator_client.post(base(nota_a) + "sd/nieuw/", {"title": "Iedereen kent het aanbod", "version": ""})
    coordinator_client.post(base(nota_a) + "sd/nieuw/", {"title": "Het aanbod is betaalbaar", "version": ""})
    sd1, sd2 = StrategischeDoelstelling.objects.order_by("position")
    assert (sd1.code, sd2.code) == ("SD1", "SD2")
    coordinator_client.post(base(nota_a) + f"sd/{sd2.pk}/od/nieuw/", {"title": "Kansentarief", "version": ""})
    od = OperationeleDoelstelling.objects.get()
    assert od.code == "OD2.1" and od.nota == nota_a
    response = coordinator_client.post(base(nota_a) + f"od/{od.pk}/actie/nieuw/", actie_data(partner_org_a))
    assert response.status_code == 302
    actie = Actie.objects.get()
    assert actie.code == "A2.1.1"
    assert actie.years == [2027, 2028]
    assert {k.year: k.amount for k in actie.kosten.all()} == {2027: Decimal("1250.50"), 2028: Decimal("1300.00")}
    assert ActieIndicator.objects.get().target == "40"
    page = coordinator_client.get(base(nota_a))
    assert "A2.1.1" in page.text and "€\u00a01.250,50" in page.text


def test_moving_renumbers(coordinator_client, nota_a):
    make_tree(nota_a, n_sd=3)
    third = StrategischeDoelstelling.objects.get(title="SD 3")
    coordinator_client.post(base(nota_a) + f"sd/{third.pk}/verplaatsen/", {"direction": "up"})
    assert list(nota_a.strategische_doelstellingen.values_list("title", flat=True)) == ["SD 1", "SD 3", "SD 2"]
    actie = Actie.objects.get(title="Actie 3.1.1")
    actie.refresh_from_db()
    assert actie.code == "A2.1.1"
    # The top one cannot go further up; nothing changes.
    first = StrategischeDoelstelling.objects.get(title="SD 1")
    coordinator_client.post(base(nota_a) + f"sd/{first.pk}/verplaatsen/", {"direction": "up"})
    assert list(nota_a.strategische_doelstellingen.values_list("position", flat=True)) == [1, 2, 3]


def test_removing_asks_first_and_closes_the_gap(coordinator_client, nota_a):
    make_tree(nota_a, n_sd=3, n_od=2)
    second = StrategischeDoelstelling.objects.get(title="SD 2")
    page = coordinator_client.get(base(nota_a) + f"sd/{second.pk}/verwijderen/")
    assert "OD2.1 OD 2.1" in page.text and "A2.2.1 Actie 2.2.1" in page.text
    assert StrategischeDoelstelling.objects.filter(pk=second.pk).exists()
    coordinator_client.post(base(nota_a) + f"sd/{second.pk}/verwijderen/")
    assert list(nota_a.strategische_doelstellingen.values_list("title", "position")) == [("SD 1", 1), ("SD 3", 2)]
    assert not Actie.objects.filter(title__startswith="Actie 2.").exists()


def test_bad_action_input_saves_nothing(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a, n_actie=0)
    od = OperationeleDoelstelling.objects.get()
    url = base(nota_a) + f"od/{od.pk}/actie/nieuw/"
    cases = [
        ({"years": ["2026"]}, "Selecteer een geldige keuze. 2026 is geen beschikbare keuze."),
        ({"lead_partner": ""}, "Dit veld is verplicht."),
        ({"cost_2027": "-5"}, "Een bedrag kan niet negatief zijn."),
        ({"cost_2027": "veel"}, "“veel” is geen bedrag."),
        ({"cost_2029": "100"}, "2029 is geen werkjaar van deze actie"),
        ({"partners": [partner_org_a.pk]}, "De trekker werkt al mee aan de actie"),
        ({"indicatoren-0-target": ""}, "Dit veld is verplicht."),
    ]
    for extra, message in cases:
        response = coordinator_client.post(url, actie_data(partner_org_a, **extra))
        assert response.status_code == 200, extra
        assert message in response.text, extra
        assert 'value="Vakantiekamp"' in response.text  # what was typed stays
    assert not Actie.objects.exists() and not ActieKost.objects.exists() and not ActieIndicator.objects.exists()


def test_an_indicator_without_target_is_named_in_the_summary_at_the_top(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a, n_actie=0)
    od = OperationeleDoelstelling.objects.get()
    url = base(nota_a) + f"od/{od.pk}/actie/nieuw/"
    response = coordinator_client.post(url, actie_data(
        partner_org_a, **{"indicatoren-1-name": "Aantal toeleiders", "indicatoren-1-target": ""},
    ))
    text = response.text
    summary = text[text.index('id="foutmelding"'):text.index("</ul>", text.index('id="foutmelding"'))]
    assert 'tabindex="-1"' in text[text.index('<div class="alert alert-danger"'):text.index('id="foutmelding"')]
    assert '<a href="#id_indicatoren-1-target">Streefwaarde 2</a>: Dit veld is verplicht.' in summary
    assert "Niet bewaard: kijk de velden hieronder na." in text
    assert text.index('id="foutmelding"') < text.index('name="title"')  # at the top of the form
    field = text[text.index('name="indicatoren-1-target"') - 200:text.index('name="indicatoren-1-target"') + 200]
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_indicatoren-1-target_error"' in field
    assert 'id="id_indicatoren-1-target_error">Dit veld is verplicht.' in text
    assert not Actie.objects.exists() and not ActieIndicator.objects.exists()
    # With its target value the action and both indicators are saved.
    data = actie_data(partner_org_a, **{"indicatoren-1-name": "Aantal toeleiders", "indicatoren-1-target": "10"})
    assert coordinator_client.post(url, data).status_code == 302
    assert sorted(ActieIndicator.objects.values_list("target", flat=True)) == ["10", "40"]


def test_dutch_amounts_are_understood(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a, n_actie=0)
    od = OperationeleDoelstelling.objects.get()
    for typed, expected in [("€ 1.250", "1250.00"), ("12.5", "12.50"), ("1.234.567,8", "1234567.80")]:
        coordinator_client.post(
            base(nota_a) + f"od/{od.pk}/actie/nieuw/", actie_data(partner_org_a, cost_2027=typed, title=typed)
        )
        assert Actie.objects.get(title=typed).kosten.get(year=2027).amount == Decimal(expected)


def test_two_people_editing_the_same_action(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a)
    actie = Actie.objects.get()
    url = base(nota_a) + f"actie/{actie.pk}/"
    stale = get_signer().sign(actie.version)
    coordinator_client.post(url, actie_data(partner_org_a, title="Versie van de collega", version=stale))
    response = coordinator_client.post(url, actie_data(partner_org_a, title="Mijn versie", version=stale))
    assert response.status_code == 409
    assert "Versie van de collega" in response.text and "Mijn versie" in response.text
    actie.refresh_from_db()
    assert actie.title == "Versie van de collega"


def test_plan_per_year_and_load_per_partner(coordinator_client, nota_a, partner_org_a):
    busy = PartnerFactory(netwerk=nota_a.netwerk, name="Altijd Wij")
    idle = PartnerFactory(netwerk=nota_a.netwerk, name="Niet Gevraagd")
    make_tree(nota_a, n_sd=1, n_od=1, n_actie=6)
    Actie.objects.update(lead_partner=busy)
    ActieKost.objects.create(actie=Actie.objects.first(), year=2027, amount=Decimal("100"))
    plan = coordinator_client.get(base(nota_a) + "per-werkjaar/")
    assert "Werkjaar 2027" in plan.text and "6 acties" in plan.text
    assert "Er zijn nog geen acties gepland, en het decreet vraagt ze in dit jaar." in plan.text  # 2028
    load = coordinator_client.get(base(nota_a) + "partners/")
    rows = load.context["rows"]
    assert rows[0]["partner"] == busy and len(rows[0]["leads"]) == 6
    assert "1 partner trekt 100% van de acties." in load.text
    assert idle in [r["partner"] for r in load.context["idle"]]


def test_a_partner_that_leads_actions_cannot_be_removed(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a)
    Actie.objects.update(lead_partner=partner_org_a)
    url = f"/netwerken/{nota_a.netwerk.pk}/partners/{partner_org_a.pk}/verwijderen/"
    assert "A1.1.1 Actie 1.1.1" in coordinator_client.get(url).text
    assert coordinator_client.post(url).status_code == 409
    assert nota_a.netwerk.partners.filter(pk=partner_org_a.pk).exists()


def test_pages_query_counts_do_not_grow(coordinator_client, nota_a, django_assert_max_num_queries):
    make_tree(nota_a, n_sd=1, n_od=1, n_actie=1)
    urls = [base(nota_a), base(nota_a) + "per-werkjaar/", base(nota_a) + "partners/"]
    counts = {}
    for url in urls:
        # The first view also stores the page's cached parts (the part, the section nav, the
        # checks), six queries each on PostgreSQL (read, savepoint, count, write, release).
        with django_assert_max_num_queries(51) as captured:
            assert coordinator_client.get(url).status_code == 200
        counts[url] = len(captured.captured_queries)
    make_tree(nota_a, n_sd=3, n_od=3, n_actie=4)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert coordinator_client.get(url).status_code == 200
